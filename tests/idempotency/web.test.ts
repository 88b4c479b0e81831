import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { keyHeader, submissionKey, type Keyed } from '../../web/src/lib/submission.js';

afterEach(() => vi.unstubAllGlobals());

/** Runs `once` with a send that records its key and fails while `fail` says so. */
function recorder() {
  const keys: string[] = [];
  let failing = false;
  const send = async (options: Keyed) => {
    keys.push(options.context.idempotencyKey);
    if (failing) throw new Error('NETWORK');
    return keys.length;
  };
  return { keys, send, fail: (f: boolean) => (failing = f) };
}

describe('the web: one key per form submission', () => {
  it('the same key on every try of a submission until one succeeds; a new key for the next submission', async () => {
    const once = submissionKey();
    const r = recorder();
    r.fail(true);
    await expect(once(r.send)).rejects.toThrow('NETWORK');
    await expect(once(r.send)).rejects.toThrow('NETWORK');
    r.fail(false);
    await once(r.send);
    await once(r.send);
    expect(r.keys[0]).toBe(r.keys[1]);
    expect(r.keys[1]).toBe(r.keys[2]);
    expect(r.keys[3]).not.toBe(r.keys[2]);
    for (const key of r.keys) expect(z.uuid().safeParse(key).success).toBe(true);
    // Each form has its own.
    const other = recorder();
    await submissionKey()(other.send);
    expect(other.keys[0]).not.toBe(r.keys[3]);
  });

  it('a UUID without crypto.randomUUID too (a page served over plain HTTP has only getRandomValues)', async () => {
    vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView>(a: T) => webcrypto.getRandomValues(a as never) as T });
    const r = recorder();
    await submissionKey()(r.send);
    expect(r.keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("the client's link sends a call's key as its Idempotency-Key header, and no such header without one", async () => {
    let options: Keyed | undefined;
    await submissionKey()(async (keyed) => (options = keyed));
    expect(keyHeader(options!.context)).toEqual({ 'Idempotency-Key': options!.context.idempotencyKey });
    expect(keyHeader({})).toEqual({});
  });
});
