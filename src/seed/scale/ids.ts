/**
 * Deterministic ids: the i-th row of a kind in a municipality always gets the same UUID for a seed,
 * so rows can point at each other (a case at its person) without keeping a million ids in memory.
 */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

export function detUuid(salt: number, kind: number, i: number): string {
  const a = mix(salt ^ mix(kind * 0x9e3779b1 + i));
  const b = mix(a ^ mix(i + 0x632be5ab) ^ kind);
  const c = mix(b ^ salt ^ (i * 0x85ebca6b));
  const d = mix(c ^ a ^ 0x27d4eb2f);
  const [ha, hb, hc, hd] = [hex(a), hex(b), hex(c), hex(d)];
  const variant = ((parseInt(hc[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${ha}-${hb.slice(0, 4)}-4${hb.slice(5, 8)}-${variant}${hc.slice(1, 4)}-${hc.slice(4)}${hd}`;
}

/** Kinds of rows with derived ids. */
export const KIND = { person: 1, household: 2, referral: 3, case: 4, note: 5, disclosure: 6, intervention: 7 } as const;
