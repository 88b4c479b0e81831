import { Prisma } from '../../generated/prisma/client.js';
import type { DbClient } from '../../db.js';
import { shredRecordKeys } from '../../crypto/record-keys.js';
import type { RetentionRecordType } from './schema.js';

/** Keys of a timeline entry's data that can hold words (reasons, titles, purposes); ids and facts stay. */
const TEXT_KEYS = ['reason', 'note', 'title', 'outcome', 'purpose', 'text', 'location', 'name'];
const month = (column: string) => Prisma.raw(`date_trunc('month', ${column})`);

/**
 * Kept answers of idempotent calls about the records (a disclosure's purpose words, an onward referral's
 * summary) are under the master keyring, not the record's key: they go with the record.
 */
const dropKeptAnswers = (tx: DbClient, municipalityId: string, type: 'Case' | 'Referral' | 'Person', ids: string[]) =>
  tx.$executeRaw`
    DELETE FROM idempotency_key
     WHERE municipality_id = ${municipalityId}::uuid AND entity_type = ${type} AND entity_id = ANY(${ids}::text[])`;

/**
 * Anonymises closed cases in place: every free text of the case and of what hangs off it (notes,
 * plan, tasks, assessments, disclosures, consents, panel items and their minutes, emergency accesses,
 * field history, drafts, the timeline's words) is destroyed, dates are cut to the month, and what
 * statistics need stays on the same rows (cohort, stage reached, closure reason, month of opening and
 * closure, ratings, intervention types and statuses). Encrypted text goes with the case's own data
 * key (crypto-shredding, done by the caller for each record); plaintext is overwritten here.
 */
export async function anonymiseCases(tx: DbClient, municipalityId: string, ids: string[], rule: RetentionRecordType, at: Date) {
  if (ids.length === 0) return 0;
  const town = Prisma.sql`municipality_id = ${municipalityId}::uuid`;
  const cases = Prisma.sql`${ids}::uuid[]`;
  const n = await tx.$executeRaw`
    UPDATE case_record SET summary = NULL, close_reason = NULL, next_review_at = NULL, follow_up_at = NULL,
           opened_at = ${month('opened_at')}, closed_at = ${month('closed_at')}, consent_withdrawn_at = ${month('consent_withdrawn_at')},
           anonymised_at = ${at}, anonymised_rule = ${rule}::"RetentionRecordType"
     WHERE ${town} AND id = ANY(${cases}) AND anonymised_at IS NULL`;
  await tx.$executeRaw`UPDATE case_note SET created_at = ${month('created_at')} WHERE ${town} AND case_id = ANY(${cases})`;
  await tx.$executeRaw`
    UPDATE disclosure SET purpose = '', revoke_reason = NULL WHERE ${town} AND case_id = ANY(${cases})`;
  await tx.$executeRaw`
    UPDATE consent SET giver_name = NULL, scope = NULL WHERE ${town} AND case_id = ANY(${cases})`;
  await tx.$executeRaw`UPDATE intervention SET title = '', outcome = NULL WHERE ${town} AND case_id = ANY(${cases})`;
  await tx.$executeRaw`UPDATE case_task SET title = '' WHERE ${town} AND case_id = ANY(${cases})`;
  await tx.$executeRaw`
    UPDATE assessment_rating SET comment = NULL
     WHERE ${town} AND assessment_id IN (SELECT id FROM assessment WHERE case_id = ANY(${cases}))`;
  await tx.$executeRaw`UPDATE meeting_agenda_item SET dissent = NULL WHERE ${town} AND case_id = ANY(${cases})`;
  await tx.$executeRaw`
    UPDATE case_event SET data = data - ${TEXT_KEYS}::text[]
     WHERE ${town} AND case_id = ANY(${cases}) AND jsonb_typeof(data) = 'object'`;
  await tx.$executeRaw`
    UPDATE field_change SET old_value = NULL, new_value = NULL
     WHERE ${town} AND ((entity_type = 'Case' AND entity_id = ANY(${cases}))
        OR (entity_type = 'Intervention' AND entity_id IN (SELECT id FROM intervention WHERE case_id = ANY(${cases}))))`;
  await tx.$executeRaw`DELETE FROM draft WHERE ${town} AND case_id = ANY(${cases})`;
  await tx.$executeRaw`UPDATE reminder SET dismissed_at = ${at} WHERE ${town} AND case_id = ANY(${cases}) AND dismissed_at IS NULL`;
  // A lifted hold's reason is about the case too.
  await tx.$executeRaw`UPDATE legal_hold SET reason = NULL WHERE ${town} AND case_id = ANY(${cases})`;
  await dropKeptAnswers(tx, municipalityId, 'Case', ids);
  for (const id of ids) await shredRecordKeys(tx, { kind: 'case', id });
  return n;
}

/**
 * Anonymises referrals in place: the concern and every reason and free word go (the concern with the
 * referral's data key); kept are cohort, source, urgency, status, closure reason and the months of
 * submission and decision.
 */
export async function anonymiseReferrals(tx: DbClient, municipalityId: string, ids: string[], rule: RetentionRecordType, at: Date) {
  if (ids.length === 0) return 0;
  const town = Prisma.sql`municipality_id = ${municipalityId}::uuid`;
  const n = await tx.$executeRaw`
    UPDATE referral SET concern_categories = '{}', consent_scope = NULL, legal_justification = NULL, signpost_to = NULL,
           decision_reason = NULL, consent_at = ${month('consent_at')}, submitted_at = ${month('submitted_at')},
           decided_at = ${month('decided_at')}, anonymised_at = ${at}, anonymised_rule = ${rule}::"RetentionRecordType"
     WHERE ${town} AND id = ANY(${ids}::uuid[]) AND anonymised_at IS NULL`;
  await tx.$executeRaw`
    UPDATE consent SET giver_name = NULL, scope = NULL WHERE ${town} AND referral_id = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`
    UPDATE field_change SET old_value = NULL, new_value = NULL
     WHERE ${town} AND entity_type = 'Referral' AND entity_id = ANY(${ids}::uuid[])`;
  await dropKeptAnswers(tx, municipalityId, 'Referral', ids);
  for (const id of ids) await shredRecordKeys(tx, { kind: 'referral', id });
  return n;
}

/**
 * Anonymises the people among `candidates` of whom nothing is retained any more (every referral and
 * case of theirs anonymised), and the hidden records merged into them: names, name keys, birth date
 * (the year stays), nationality, languages, contact, guardian, father's name, locality, governorate and
 * the safe contact go; sex, birth year and cohort stay. Name keys no living person uses are dropped, so
 * the search finds nothing of them. Returns the people anonymised.
 */
export async function anonymisePeople(tx: DbClient, municipalityId: string, candidates: string[], at: Date): Promise<string[]> {
  if (candidates.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string; skeleton: string }[]>`
    SELECT p.id, p.skeleton FROM person p
     WHERE p.municipality_id = ${municipalityId}::uuid AND p.anonymised_at IS NULL
       AND (p.id = ANY(${candidates}::uuid[]) OR p.merged_into_id = ANY(${candidates}::uuid[]))
       AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id AND r.anonymised_at IS NULL)
       AND NOT EXISTS (SELECT 1 FROM case_record c WHERE c.person_id = p.id AND c.anonymised_at IS NULL)
       -- A merged record goes with the record it was merged into, never before it.
       AND (p.merged_into_id IS NULL OR NOT EXISTS (
             SELECT 1 FROM person s WHERE s.id = p.merged_into_id AND s.anonymised_at IS NULL AND NOT s.id = ANY(${candidates}::uuid[])))
     FOR UPDATE OF p`;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  await tx.$executeRaw`
    UPDATE person SET name_arabic = NULL, name_latin = NULL, latin_key = '', skeleton = '', birth_date = NULL,
           nationality = NULL, languages = '{}', contact = NULL, guardian_name = NULL, guardian_contact = NULL,
           father_name = NULL, locality = NULL, governorate = NULL, safe_contact = NULL, anonymised_at = ${at}
     WHERE municipality_id = ${municipalityId}::uuid AND id = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`
    UPDATE field_change SET old_value = NULL, new_value = NULL
     WHERE municipality_id = ${municipalityId}::uuid AND entity_type = 'Person' AND entity_id = ANY(${ids}::uuid[])`;
  // A household's label can name the family: it goes once none of its members is retained.
  await tx.$executeRaw`
    UPDATE household h SET label = NULL
     WHERE h.municipality_id = ${municipalityId}::uuid AND h.label IS NOT NULL
       AND h.id IN (SELECT household_id FROM household_member WHERE person_id = ANY(${ids}::uuid[]))
       AND NOT EXISTS (
         SELECT 1 FROM household_member m JOIN person p ON p.id = m.person_id
          WHERE m.household_id = h.id AND p.anonymised_at IS NULL)`;
  const skeletons = [...new Set(['', ...rows.map((r) => r.skeleton)])];
  await tx.$executeRaw`
    DELETE FROM person_name_key k
     WHERE k.municipality_id = ${municipalityId}::uuid AND k.skeleton = ANY(${skeletons}::text[])
       AND NOT EXISTS (SELECT 1 FROM person p
                        WHERE p.municipality_id = k.municipality_id AND p.skeleton = k.skeleton AND p.anonymised_at IS NULL)`;
  await dropKeptAnswers(tx, municipalityId, 'Person', ids);
  for (const id of ids) await shredRecordKeys(tx, { kind: 'person', id });
  return ids;
}
