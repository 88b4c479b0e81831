import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordWork, verifyPassword } from '../../src/auth/password.js';

describe('password hashing', () => {
  it('runs at most half the cores of argon2 at once (at least one); the rest wait their turn and all finish', async () => {
    const limit = Math.max(1, Math.floor(availableParallelism() / 2));
    expect(passwordWork.concurrency).toBe(limit);
    const passwords = Array.from({ length: limit + 3 }, (_, i) => `synthetic passphrase number ${i}`);
    const hashes = passwords.map((p) => hashPassword(p));
    // p-limit counts a call as active or pending as soon as it is made, so these hold before any
    // argon2 run could have ended.
    expect(passwordWork.activeCount).toBe(limit);
    expect(passwordWork.pendingCount).toBe(3);
    const done = await Promise.all(hashes);
    expect(await verifyPassword(done[0]!, passwords[0]!)).toBe(true);
    expect(await verifyPassword(done[1]!, passwords[0]!)).toBe(false);
    expect(await verifyPassword('not a hash', passwords[0]!)).toBe(false);
    expect(passwordWork.activeCount + passwordWork.pendingCount).toBe(0);
  });
});
