import type { ServiceContext } from '../../service.js';
import { ERASED_TEXT } from '../../shared/erased.js';
import { openText, sealText } from '../../crypto/envelope.js';
import { openMinute } from '../../crypto/minutes.js';
import { SafeContact } from '../people/safe-contact.js';

/**
 * Every text the export opens, in one place. Values open under their record's key, or, written before
 * record keys, under the master keyring with their old associated data (crypto/envelope.ts openText). A
 * value that no longer opens (its record's key destroyed by retention, an anonymised row) is the erased
 * marker, so an anonymised record shows as such instead of failing the whole export. Columns that are
 * plain words today but are being encrypted (reasons, titles, purposes) go through `maybe`: a value that
 * looks encrypted is opened bound to its row, or shown as erased; it never goes out as if it were words.
 */
type Ctx = Pick<ServiceContext, 'db' | 'keyring'> & { audit?: object };

async function open(ctx: Ctx, field: string, rowId: string, stored: string | null, legacyAad = field): Promise<string | null> {
  if (stored === null) return null;
  try {
    return await openText(ctx, field, rowId, stored, legacyAad);
  } catch {
    return ERASED_TEXT;
  }
}

const CIPHERTEXT = /^(v\d+|k1|x)\.[\w-]/;
/** A column of plain words that may since have been encrypted, bound to `<field>/<row id>`. */
export const maybe = (ctx: Ctx, field: string, rowId: string, value: string | null) =>
  value !== null && CIPHERTEXT.test(value) ? open(ctx, field, rowId, value, `${field}/${rowId}`) : Promise.resolve(value);

export const concernText = (ctx: Ctx, id: string, stored: string) => open(ctx, 'referral.concern', id, stored);
export const summaryText = (ctx: Ctx, id: string, stored: string | null) => open(ctx, 'case.summary', id, stored);
export const noteText = (ctx: Ctx, id: string, stored: string) => open(ctx, 'case.note', id, stored);
export const judgementText = (ctx: Ctx, id: string, stored: string) => open(ctx, 'assessment.judgement', id, stored);
export const commentText = (ctx: Ctx, key: string, stored: string | null) => open(ctx, 'assessment.comment', key, stored);
export const minuteText = async (ctx: Ctx, id: string, stored: string) => {
  try {
    return await openMinute(ctx, id, stored);
  } catch {
    return ERASED_TEXT;
  }
};
export const dissentText = (ctx: Ctx, id: string, stored: string) => open(ctx, 'meeting.dissent', id, stored);
export const giverNameText = (ctx: Ctx, id: string, stored: string | null) =>
  open(ctx, 'consent.giver_name', id, stored, `consent.giver_name/${id}`);
export const consentScopeText = (ctx: Ctx, id: string, stored: string | null) =>
  open(ctx, 'consent.scope', id, stored, `consent.scope/${id}`);

/** The person's safe way to be reached, or null when none was given or it no longer opens. */
export async function safeContactOf(ctx: Ctx, personId: string, stored: string | null) {
  const json = await open(ctx, 'person.safe_contact', personId, stored, `person.safe_contact/${personId}`);
  if (json === null || json === ERASED_TEXT) return null;
  const parsed = SafeContact.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/**
 * The request's own free text: who asked (by name) and the review's decisions (with the reasons for
 * withholding), under the person's record key and bound to the request's row: erasing the person
 * erases them too (crypto/rotate.ts ENCRYPTED_FIELDS).
 */
export const REQUESTER_FIELD = 'subject_access.requester';
export const DECISIONS_FIELD = 'subject_access.decisions';
const owner = (personId: string) => ({ kind: 'person' as const, id: personId });
export const sealRequester = (ctx: Ctx, personId: string, id: string, name: string | undefined) =>
  name ? sealText(ctx, owner(personId), REQUESTER_FIELD, id, name) : Promise.resolve(null);
export const requesterText = (ctx: Ctx, id: string, stored: string | null) => open(ctx, REQUESTER_FIELD, id, stored);
export const sealDecisions = (ctx: Ctx, personId: string, id: string, json: string) =>
  sealText(ctx, owner(personId), DECISIONS_FIELD, id, json);
export const decisionsText = (ctx: Ctx, id: string, stored: string | null) => open(ctx, DECISIONS_FIELD, id, stored);
