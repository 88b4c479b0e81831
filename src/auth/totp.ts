import { createHash, randomBytes } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32NoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import type { Keyring } from '../crypto/keyring.js';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const STEP_SECONDS = 30;
export const DIGITS = 6;
/** Steps either side of now that still count: a phone's clock may be a little off. */
export const SKEW_STEPS = 1;
export const RECOVERY_CODES = 10;

/** The field bound into a secret's ciphertext; the row's user id is bound with it (see secretField). */
const SECRET_FIELD = 'user.totp';
/** Associated data of one user's secret: copied to another user's row, it does not decrypt. */
export const secretField = (userId: string) => `${SECRET_FIELD}/${userId}`;

export const newSecret = () => new Uint8Array(randomBytes(20));
export const secretText = (key: Uint8Array) => encodeBase32NoPadding(key);

export const encryptSecret = (keyring: Keyring, userId: string, key: Uint8Array) => keyring.encrypt(secretText(key), secretField(userId));
export const decryptSecret = (keyring: Keyring, userId: string, stored: string) =>
  decodeBase32IgnorePadding(keyring.decrypt(stored, secretField(userId)));

/** The otpauth:// address an authenticator app reads from the QR code. */
export const keyUri = (issuer: string, account: string, key: Uint8Array) => createTOTPKeyURI(issuer, account, key, STEP_SECONDS, DIGITS);

export const stepAt = (at: Date) => BigInt(Math.floor(at.getTime() / 1000 / STEP_SECONDS));

/** The code of one time step (tests compute codes with it too). */
export const codeAt = (key: Uint8Array, at: Date) => generateHOTP(key, stepAt(at), DIGITS);

/**
 * The time step a code belongs to, within ±SKEW_STEPS of `now`, and only later than `lastStep`: a code
 * once accepted (or any earlier one) is refused, so a code seen over a shoulder or in a log is useless.
 * Null when it matches no allowed step.
 */
export function matchStep(key: Uint8Array, code: string, now: Date, lastStep: bigint | null): bigint | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = stepAt(now);
  let found: bigint | null = null;
  for (let d = -SKEW_STEPS; d <= SKEW_STEPS; d++) {
    const step = current + BigInt(d);
    // Every candidate is computed, matched or not: the time taken says nothing about which one matched.
    if (generateHOTP(key, step, DIGITS) === code && (lastStep === null || step > lastStep)) found ??= step;
  }
  return found;
}

/**
 * Ten recovery codes of 80 random bits each, shown once as `xxxx-xxxx-xxxx-xxxx` (base32). Stored as
 * plain SHA-256: with 80 bits of entropy nobody can search the hashes back to codes, so a slow hash
 * (argon2, ~25 ms each) would buy nothing but ten hashes per check.
 */
export function newRecoveryCodes() {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const raw = encodeBase32NoPadding(new Uint8Array(randomBytes(10))).toLowerCase();
    return raw.match(/.{4}/g)!.join('-');
  });
}

/** The stored form of a recovery code, whatever case and separators it was typed with. */
export function recoveryHash(code: string) {
  const plain = code.toLowerCase().replace(/[^a-z2-7]/g, '');
  return createHash('sha256').update(plain).digest('hex');
}

/** A recovery code as typed: 16 base32 characters once separators and spaces are dropped. */
export const looksLikeRecoveryCode = (code: string) => /^[a-z2-7]{16}$/.test(code.toLowerCase().replace(/[\s-]/g, ''));
