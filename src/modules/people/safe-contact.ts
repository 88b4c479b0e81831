import { z } from 'zod';
import { text } from '../../lib/text.js';
import type { Keyring } from '../../crypto/keyring.js';
import { SAFE_CHANNELS } from '../../shared/person-details.js';

/** The field name bound into a safe contact's ciphertext, with the person's id (crypto/rotate.ts). */
export const SAFE_CONTACT_FIELD = 'person.safe_contact';
const fieldOf = (personId: string) => `${SAFE_CONTACT_FIELD}/${personId}`;

/**
 * A safe way to reach the person, read before anyone calls: the channel, whether the phone is
 * shared (someone else may answer or read), when it is safe, and who must not be told.
 */
export const SafeContact = z.strictObject({
  channel: z.enum(SAFE_CHANNELS),
  phoneShared: z.boolean().default(false),
  safeTimes: text().max(200).optional(),
  doNotTell: text().max(200).optional(),
});
export type SafeContact = z.infer<typeof SafeContact>;

/** The stored form: encrypted, bound to the person's row (copied to another person, it does not open). */
export const sealSafeContact = (keyring: Keyring, personId: string, value: SafeContact | null | undefined) =>
  value ? keyring.encrypt(JSON.stringify(value), fieldOf(personId)) : null;

/** The safe contact as the person's page shows it, or null when none was given. */
export function openSafeContact(keyring: Keyring, personId: string, stored: string | null): SafeContact | null {
  if (!stored) return null;
  return SafeContact.parse(JSON.parse(keyring.decrypt(stored, fieldOf(personId))));
}
