import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A 256-bit random session token; only its hash is stored. */
export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password an administrator reads out: 16 unambiguous characters in groups of four. */
export function oneTimePassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
