/** The request options that send a call's idempotency key (read by the client's link, lib/trpc.ts). */
export interface Keyed {
  context: { idempotencyKey: string };
}

/** A call's Idempotency-Key header, from the key its options carry (the client's link sends it, lib/trpc.ts). */
export function keyHeader(context: Record<string, unknown>): Record<string, string> {
  return typeof context.idempotencyKey === 'string' ? { 'Idempotency-Key': context.idempotencyKey } : {};
}

/**
 * One idempotency key per form submission, for the mutations that create records (the server keeps
 * their first answer under it). `send` gets the same key on every try until one succeeds, so a retry
 * after a lost answer (the server crashed, the connection dropped) returns the record the first try
 * made instead of making a second; the next submission gets a new key. Make one per form.
 */
export function submissionKey() {
  let key = newKey();
  return async <T>(send: (options: Keyed) => Promise<T>): Promise<T> => {
    const result = await send({ context: { idempotencyKey: key } });
    key = newKey();
    return result;
  };
}

/** A random UUID (v4), for keys and the ids of drafts. crypto.randomUUID exists only on HTTPS and localhost; getRandomValues everywhere. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
