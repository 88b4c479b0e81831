import { z } from 'zod';
import { text } from '../../lib/text.js';
import { openText, sealText, type KeyContext } from '../../crypto/envelope.js';
import { ERASED_TEXT } from '../../shared/erased.js';
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

/**
 * The stored form: encrypted under the person's record key, bound to the person's row (copied to
 * another person, it does not open). `municipalityId` when the person's row is not inserted yet.
 */
export const sealSafeContact = async (
  ctx: KeyContext,
  person: { id: string; municipalityId?: string },
  value: SafeContact | null | undefined,
) => (value ? sealText(ctx, { kind: 'person', ...person }, SAFE_CONTACT_FIELD, person.id, JSON.stringify(value)) : null);

/** The safe contact as the person's page shows it, or null when none was given or it was erased. */
export async function openSafeContact(ctx: KeyContext, personId: string, stored: string | null): Promise<SafeContact | null> {
  const text = await openText(ctx, SAFE_CONTACT_FIELD, personId, stored, fieldOf(personId));
  if (text === null || text === ERASED_TEXT) return null;
  return SafeContact.parse(JSON.parse(text));
}
