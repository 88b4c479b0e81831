import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import pLimit from 'p-limit';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors.js';

/** OWASP's argon2id parameters. Hashes made with others are re-hashed at the next sign-in. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// The shipped list: ~49k common passwords from zxcvbn-ts, compared case-insensitively.
const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/**
 * How many argon2 computations run at once: half the cores (at least one). Each takes a core for
 * ~25 ms; libuv would otherwise run four at a time, so a burst of sign-ins (start of a shift, or
 * someone guessing passwords from many addresses) took both cores of a small server and stalled every
 * signed-in user's requests. Sign-ins queue a little longer instead; the rest of the app keeps a core.
 */
export const passwordWork = pLimit(Math.max(1, Math.floor(availableParallelism() / 2)));

export const hashPassword = (password: string) => passwordWork(() => argon2.hash(password, ARGON2_OPTIONS));

export const verifyPassword = (hash: string, password: string) => passwordWork(() => argon2.verify(hash, password).catch(() => false));

export const needsRehash = (hash: string) => argon2.needsRehash(hash, ARGON2_OPTIONS);

// A real hash to verify against when the account does not exist, so both paths cost the same.
let dummyHash: Promise<string> | undefined;
export const dummyVerify = async (password: string) => {
  dummyHash ??= hashPassword('jisr-no-such-account-placeholder');
  await verifyPassword(await dummyHash, password);
};

/** Length 12–128 (counted in characters, not bytes), no composition rules, not a common password. */
export function checkPasswordPolicy(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) throw new AppError('PASSWORD_TOO_SHORT', { fields: { newPassword: 'PASSWORD_TOO_SHORT' } });
  if (length > PASSWORD_MAX) throw new AppError('PASSWORD_TOO_LONG', { fields: { newPassword: 'PASSWORD_TOO_LONG' } });
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/u.test(password)) {
    throw new AppError('PASSWORD_TOO_COMMON', { fields: { newPassword: 'PASSWORD_TOO_COMMON' } });
  }
}
