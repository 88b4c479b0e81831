import type { Db } from '../db.js';
import { auditBatch } from './rotate-batch.js';
import { EVENT_WORDS, decryptEither, moveEventWords } from './event-words.js';
import { bindGeneralMinutes } from './minutes.js';
import type { Keyring } from './keyring.js';
import { AppError } from '../errors.js';
import { ERASED_VALUE, MASTER_SQL, RecordKeys, SEALED_SQL, wrapAad, type OwnerKind } from './envelope.js';

/**
 * Whose record key a column's values are under (src/crypto/envelope.ts), as SQL over the row: `kind`
 * gives 'case' | 'referral' | 'person', `id` the owner's id (NULL: no owner, the master keyring keeps it).
 */
interface Owner {
  kind: string;
  id: string;
}
const CASE_ITSELF: Owner = { kind: "'case'", id: 'id' };
const REFERRAL_ITSELF: Owner = { kind: "'referral'", id: 'id' };
const OF_CASE: Owner = { kind: "'case'", id: 'case_id' };
const CASE_PERSON: Owner = { kind: "'person'", id: '(SELECT person_id FROM case_record c WHERE c.id = case_id)' };
// A change to an intervention is its case's history.
const HISTORY_OWNER: Owner = {
  kind: "CASE entity_type WHEN 'Person' THEN 'person' WHEN 'Referral' THEN 'referral' ELSE 'case' END",
  id: "CASE entity_type WHEN 'Intervention' THEN (SELECT case_id FROM intervention i WHERE i.id = entity_id) ELSE entity_id END",
};

// An onward referral is about a case, or (signposting) a referral screened without one.
const ONWARD_OWNER: Owner = { kind: "CASE WHEN case_id IS NULL THEN 'referral' ELSE 'case' END", id: 'COALESCE(case_id, referral_id)' };

/**
 * Every encrypted column: its table, column and the field name bound into its ciphertexts. Columns
 * with an `owner` are under their record's key, bound to the row: `<field>/<row key>`; values written
 * before record keys (`v<n>.…`, master keyring, bound to `field` alone unless `rowBound`) still open
 * until `moveToRecordKeys` (run by rotate-key and at start) moves them.
 */
export const ENCRYPTED_FIELDS = [
  { table: 'referral', column: 'concern_text', field: 'referral.concern', owner: REFERRAL_ITSELF },
  { table: 'case_record', column: 'summary', field: 'case.summary', owner: CASE_ITSELF },
  { table: 'case_note', column: 'body', field: 'case.note', owner: OF_CASE },
  {
    table: 'meeting_agenda_item',
    column: 'dissent',
    field: 'meeting.dissent',
    town: '(SELECT municipality_id FROM panel_meeting m WHERE m.id = meeting_id)',
    owner: OF_CASE,
  },
  {
    table: 'meeting_minute',
    column: 'body',
    field: 'meeting.minute',
    town: '(SELECT municipality_id FROM panel_meeting m WHERE m.id = meeting_id)',
    // Minutes about one case's agenda item; the meeting's general minutes have no owner and stay under the master
    // keyring, bound to their row since 2026-12-06 (`bindsRow`: older ones, bound to the field alone, are bound by minutes.ts).
    owner: { kind: "'case'", id: '(SELECT case_id FROM meeting_agenda_item a WHERE a.id = agenda_item_id)' },
    bindsRow: true,
  },
  { table: 'assessment', column: 'overall_judgement', field: 'assessment.judgement', owner: OF_CASE },
  // Keyed by (assessment, factor): `key` names a row as text, `match` finds it again by its primary key.
  {
    table: 'assessment_rating',
    column: 'comment',
    field: 'assessment.comment',
    town: '(SELECT municipality_id FROM assessment a WHERE a.id = assessment_id)',
    key: "assessment_id::text || '/' || factor_id::text",
    match: "(assessment_id, factor_id) = (split_part($2, '/', 1)::uuid, split_part($2, '/', 2)::uuid)",
    owner: { kind: "'case'", id: '(SELECT case_id FROM assessment a WHERE a.id = assessment_id)' },
  },
  // The answers kept for retries (trpc/idempotency.ts), keyed by (user, key), bound to it; they live a day
  // (`bindsRow`: one kept before the binding still opens here, and is bound when moved).
  {
    table: 'idempotency_key',
    column: 'answer',
    field: 'idempotency.answer',
    bindsRow: true,
    town: '(SELECT municipality_id FROM app_user u WHERE u.id = user_id)',
    key: "user_id::text || '/' || key::text",
    match: "(user_id, key) = (split_part($2, '/', 1)::uuid, split_part($2, '/', 2)::uuid)",
  },
  // TOTP secrets (auth/totp.ts): `rowBound`, the associated data is the field and the row's key (the user).
  {
    table: 'second_factor',
    column: 'secret',
    field: 'user.totp',
    town: '(SELECT municipality_id FROM app_user u WHERE u.id = user_id)',
    key: 'user_id::text',
    match: 'user_id = $2::uuid',
    rowBound: true,
  },
  // Break-glass justifications (cases/break-glass.ts), bound to their grant's id.
  { table: 'break_glass', column: 'justification', field: 'break_glass.justification', rowBound: true, owner: OF_CASE },
  // Auditors' review notes on flags (audit/flag-review.ts), bound to their flag's id.
  { table: 'audit_flag', column: 'review_note', field: 'audit_flag.review_note', rowBound: true },
  // Why an admin asked for a second factor's reset (users/factor-reset.ts), bound to the request's id.
  { table: 'second_factor_reset', column: 'reason', field: 'second_factor_reset.reason', rowBound: true },
  // Field-level history (history/record.ts): old and new values, each bound to its change's id.
  { table: 'field_change', column: 'old_value', field: 'field_change.old', rowBound: true, owner: HISTORY_OWNER },
  { table: 'field_change', column: 'new_value', field: 'field_change.new', rowBound: true, owner: HISTORY_OWNER },
  // Unsent referrals and case notes (drafts/service.ts), bound to the draft's id.
  { table: 'draft', column: 'body', field: 'draft.body', rowBound: true },
  // Consents (consent/fields.ts): the guardian's name and the scope's free words, bound to the consent's id.
  { table: 'consent', column: 'giver_name', field: 'consent.giver_name', rowBound: true, owner: CASE_PERSON },
  { table: 'consent', column: 'scope', field: 'consent.scope', rowBound: true, owner: OF_CASE },
  // A referral's consent words (referrals/consent.ts): plain words until 20261205100000, sealed since, bound to the referral's id.
  { table: 'referral', column: 'consent_scope', field: 'referral.consent_scope', rowBound: true, plain: true, owner: REFERRAL_ITSELF },
  {
    table: 'referral',
    column: 'legal_justification',
    field: 'referral.legal_justification',
    rowBound: true,
    plain: true,
    owner: REFERRAL_ITSELF,
  },
  // An intervention's title and outcome (cases/interventions.ts): plain words until 20261205100000, bound to the intervention's id.
  { table: 'intervention', column: 'title', field: 'intervention.title', rowBound: true, plain: true, owner: OF_CASE },
  { table: 'intervention', column: 'outcome', field: 'intervention.outcome', rowBound: true, plain: true, owner: OF_CASE },
  // A task's title (meetings/decide.ts): plain words until 20261205100000, bound to the task's id.
  { table: 'case_task', column: 'title', field: 'case_task.title', rowBound: true, plain: true, owner: OF_CASE },
  // A meeting's title and place (meetings/access.ts): about no one record, so under the master keyring; plain words until 20261205100000.
  { table: 'panel_meeting', column: 'title', field: 'panel_meeting.title', rowBound: true, plain: true },
  { table: 'panel_meeting', column: 'location', field: 'panel_meeting.location', rowBound: true, plain: true },
  // Minuted words: a case's closure (cases/workflow.ts) and a screening decision (referrals/screening.ts), bound to their record.
  { table: 'case_record', column: 'close_reason', field: 'case.close_reason', rowBound: true, plain: true, owner: CASE_ITSELF },
  { table: 'referral', column: 'decision_reason', field: 'referral.decision_reason', rowBound: true, plain: true, owner: REFERRAL_ITSELF },
  // Why a disclosure was revoked (cases/team.ts), under its case's key, bound to the disclosure; the consent
  // sweep's codes are sealed by the move too.
  { table: 'disclosure', column: 'revoke_reason', field: 'disclosure.revoke_reason', rowBound: true, plain: true, owner: OF_CASE },
  // A person's safe contact (people/safe-contact.ts), bound to the person's id.
  { table: 'person', column: 'safe_contact', field: 'person.safe_contact', rowBound: true, owner: { kind: "'person'", id: 'id' } },
  // A disclosure's free words about its purpose (cases/purpose-bans.ts), under its case's key, bound to the disclosure's id.
  { table: 'disclosure', column: 'purpose', field: 'disclosure.purpose', rowBound: true, plain: true, owner: OF_CASE },
  // Subject access (subject-access/texts.ts): who asked and the review's decisions, under the person's key, bound to the request.
  {
    table: 'subject_access_request',
    column: 'requester_name',
    field: 'subject_access.requester',
    rowBound: true,
    owner: { kind: "'person'", id: 'person_id' },
  },
  {
    table: 'subject_access_request',
    column: 'decisions',
    field: 'subject_access.decisions',
    rowBound: true,
    owner: { kind: "'person'", id: 'person_id' },
  },
  // Onward referrals (onward/fields.ts): the sender's words, the proposal's purpose and title, the decline's
  // reason and the outcome's note, bound to the onward referral's id, under its case's key (a signposted
  // referral's when it has no case).
  { table: 'onward_referral', column: 'summary', field: 'onward_referral.summary', rowBound: true, owner: ONWARD_OWNER },
  { table: 'onward_referral', column: 'disclose_purpose', field: 'onward_referral.disclose_purpose', rowBound: true, owner: ONWARD_OWNER },
  {
    table: 'onward_referral',
    column: 'intervention_title',
    field: 'onward_referral.intervention_title',
    rowBound: true,
    owner: ONWARD_OWNER,
  },
  { table: 'onward_referral', column: 'decline_reason', field: 'onward_referral.decline_reason', rowBound: true, owner: ONWARD_OWNER },
  { table: 'onward_referral', column: 'outcome_note', field: 'onward_referral.outcome_note', rowBound: true, owner: ONWARD_OWNER },
  // Why a case is under legal hold (retention/hold.ts), bound to the hold's id.
  { table: 'legal_hold', column: 'reason', field: 'legal_hold.reason', rowBound: true },
  // Transfers between member cities (transfers/fields.ts): the justification of a basis other than consent and a
  // decline's reason, under the sending case's key; a copied section under the receiving case's key; bound to their row.
  { table: 'case_transfer', column: 'justification', field: 'case_transfer.justification', rowBound: true, owner: OF_CASE },
  { table: 'case_transfer', column: 'decline_reason', field: 'case_transfer.decline_reason', rowBound: true, owner: OF_CASE },
  // Insert-only for the server's role (no UPDATE, so no SELECT … FOR UPDATE either) and sealed from its first row:
  // `sealedOnly`, nothing to move, re-encrypt or overwrite; destroying the case's key is what erases it.
  { table: 'case_transfer_copy', column: 'content', field: 'case_transfer_copy.content', rowBound: true, owner: OF_CASE, sealedOnly: true },
] as const satisfies readonly {
  table: string;
  column: string;
  field: string;
  town?: string;
  key?: string;
  match?: string;
  rowBound?: boolean;
  owner?: Owner;
  plain?: boolean;
  bindsRow?: boolean;
  sealedOnly?: boolean;
}[];

type Entry = (typeof ENCRYPTED_FIELDS)[number];

const MASTER = new RegExp(MASTER_SQL);
const GENERAL_MINUTES = 'meeting.minute.general';

/**
 * One column, a batch per transaction: values under an older master key are re-encrypted under the
 * newest; values from before record keys whose row has an owner are moved under the owner's key, bound
 * to the row. With `ownedOnly`, only that move (what the start-up job does). Rows locked by live
 * transactions are waited for, not skipped, so nothing is left behind when it reports done.
 */
async function rotateField(db: Db, keyring: Keyring, entry: Entry, batch: number, ownedOnly: boolean): Promise<number> {
  const { table, column, field } = entry;
  // Tables without their own municipality_id name it through their parent row.
  const town = 'town' in entry ? entry.town : 'municipality_id';
  const [key, match] = 'key' in entry ? [entry.key, entry.match] : ['id', 'id = $2::uuid'];
  const owner = 'owner' in entry ? entry.owner : null;
  const plain = 'plain' in entry;
  if ('sealedOnly' in entry) return 0;
  if (ownedOnly && !owner && !plain) return 0;
  const ownerId = owner ? owner.id : 'NULL::uuid';
  // Only moves: no value is 'under an older key' when the pattern is '%'.
  const older = ownedOnly ? '%' : `v${keyring.current}.%`;
  // A column that was plain words: what is neither sealed nor erased nor empty is either words (sealed now) or master-keyed.
  const which = plain
    ? `${column} !~ '${SEALED_SQL}' AND ${column} NOT IN ('${ERASED_VALUE}', '') ` +
      `AND (${column} !~ '${MASTER_SQL}' OR ${column} NOT LIKE $1 OR ${ownerId} IS NOT NULL)`
    : `${column} LIKE 'v%' AND (${column} NOT LIKE $1 OR ${ownerId} IS NOT NULL)`;
  let total = 0;
  for (;;) {
    const moved = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<
        { id: string; municipality_id: string; value: string; kind: OwnerKind | null; owner_id: string | null }[]
      >(
        `SELECT ${key} AS id, ${town} AS municipality_id, ${column} AS value,
                ${owner ? owner.kind : 'NULL'}::text AS kind, ${ownerId}::text AS owner_id
           FROM ${table} WHERE ${which} ORDER BY ${key} LIMIT $2 FOR UPDATE`,
        older,
        batch,
      );
      const keys = new RecordKeys(keyring);
      for (const row of rows) {
        const legacyAad = 'rowBound' in entry ? `${field}/${row.id}` : field;
        const bindsRow = 'bindsRow' in entry;
        const plaintext =
          plain && !MASTER.test(row.value)
            ? row.value
            : bindsRow
              ? decryptEither(keyring, row.value, field, row.id)
              : keyring.decrypt(row.value, legacyAad);
        const whose = row.kind && row.owner_id ? { kind: row.kind, id: row.owner_id, municipalityId: row.municipality_id } : null;
        // An owner erased since (its key destroyed): the old text goes too.
        const value = whose
          ? await keys.seal(tx, whose, `${field}/${row.id}`, plaintext).catch((err) => {
              if (err instanceof AppError) return ERASED_VALUE;
              throw err;
            })
          : keyring.encrypt(plaintext, bindsRow ? `${field}/${row.id}` : legacyAad);
        await tx.$executeRawUnsafe(`UPDATE ${table} SET ${column} = $1 WHERE ${match}`, value, row.id);
      }
      await auditBatch(
        tx,
        keyring,
        field,
        rows.map((r) => r.municipality_id),
      );
      return rows.length;
    });
    total += moved;
    if (moved < batch) return total;
  }
}

/**
 * The encrypted words that are not a column of their own: timeline entries' reasons and purposes (inside
 * `case_event.data`) and the meeting's general minutes, bound to their row since (old ones moved here).
 */
export const LOOSE_WORDS = [...EVENT_WORDS.map((w) => w.field), GENERAL_MINUTES] as const;

async function looseWords(db: Db, keyring: Keyring, batch: number): Promise<Record<string, number>> {
  return { ...(await moveEventWords(db, keyring, batch)), [GENERAL_MINUTES]: await bindGeneralMinutes(db, keyring, batch) };
}

/** Re-wraps every live record key not yet under the master keyring's newest version. Returns how many. */
export async function rewrapDataKeys(db: Db, keyring: Keyring, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const moved = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; municipality_id: string; owner_kind: OwnerKind; owner_id: string; wrapped: string }[]>`
        SELECT id::text, municipality_id::text, owner_kind::text, owner_id::text, wrapped FROM data_key
         WHERE wrapped IS NOT NULL AND wrapped NOT LIKE ${`v${keyring.current}.%`} ORDER BY id LIMIT ${batch} FOR UPDATE`;
      for (const row of rows) {
        const aad = wrapAad(row.id, row.owner_kind, row.owner_id);
        const wrapped = keyring.encrypt(keyring.decrypt(row.wrapped, aad), aad);
        await tx.$executeRaw`UPDATE data_key SET wrapped = ${wrapped} WHERE id = ${row.id}::uuid`;
      }
      await auditBatch(
        tx,
        keyring,
        'data_key',
        rows.map((r) => r.municipality_id),
      );
      return rows.length;
    });
    total += moved;
    if (moved < batch) return total;
  }
}

/**
 * Re-wraps the record keys under the keyring's newest key, then re-encrypts every value not yet under
 * it and moves the values from before record keys under their record's key, each batch audited
 * (`data.rotateKey`) in its municipality's chain. Safe to run again: it only picks up what is left.
 * Returns how many keys were re-wrapped and how many values each field had re-encrypted or moved.
 */
export async function rotateAll(db: Db, keyring: Keyring, batch = 500): Promise<{ rewrapped: number; fields: Record<string, number> }> {
  const rewrapped = await rewrapDataKeys(db, keyring, batch);
  const fields: Record<string, number> = {};
  for (const entry of ENCRYPTED_FIELDS) fields[entry.field] = await rotateField(db, keyring, entry, batch, false);
  return { rewrapped, fields: { ...fields, ...(await looseWords(db, keyring, batch)) } };
}

/**
 * Moves the values written before record keys under their record's key, and seals the columns that
 * were plain words (`plain`), bound to their rows (the start-up job and rotate-key): SQL cannot
 * encrypt, so the migrations that made `data_key` and encrypted those columns leave this to the app.
 */
export async function moveToRecordKeys(db: Db, keyring: Keyring, batch = 500): Promise<Record<string, number>> {
  const fields: Record<string, number> = {};
  for (const entry of ENCRYPTED_FIELDS) {
    if ('owner' in entry || 'plain' in entry) fields[entry.field] = await rotateField(db, keyring, entry, batch, true);
  }
  return { ...fields, ...(await looseWords(db, keyring, batch)) };
}
