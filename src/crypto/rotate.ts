import type { Db } from '../db.js';
import { AuditTrail } from '../audit/writer.js';
import { systemClock } from '../lib/clock.js';
import type { Keyring } from './keyring.js';

/** Every encrypted column: its table, column and the field name bound into its ciphertexts. */
export const ENCRYPTED_FIELDS = [
  { table: 'referral', column: 'concern_text', field: 'referral.concern' },
  { table: 'case_record', column: 'summary', field: 'case.summary' },
  { table: 'case_note', column: 'body', field: 'case.note' },
  {
    table: 'meeting_agenda_item',
    column: 'dissent',
    field: 'meeting.dissent',
    town: '(SELECT municipality_id FROM panel_meeting m WHERE m.id = meeting_id)',
  },
  {
    table: 'meeting_minute',
    column: 'body',
    field: 'meeting.minute',
    town: '(SELECT municipality_id FROM panel_meeting m WHERE m.id = meeting_id)',
  },
  { table: 'assessment', column: 'overall_judgement', field: 'assessment.judgement' },
  // Keyed by (assessment, factor): `key` names a row as text, `match` finds it again by its primary key.
  {
    table: 'assessment_rating',
    column: 'comment',
    field: 'assessment.comment',
    town: '(SELECT municipality_id FROM assessment a WHERE a.id = assessment_id)',
    key: "assessment_id::text || '/' || factor_id::text",
    match: "(assessment_id, factor_id) = (split_part($2, '/', 1)::uuid, split_part($2, '/', 2)::uuid)",
  },
  // The answers kept for retries (trpc/idempotency.ts), keyed by (user, key); they live a day.
  {
    table: 'idempotency_key',
    column: 'answer',
    field: 'idempotency.answer',
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
  { table: 'break_glass', column: 'justification', field: 'break_glass.justification', rowBound: true },
  // Auditors' review notes on flags (audit/flag-review.ts), bound to their flag's id.
  { table: 'audit_flag', column: 'review_note', field: 'audit_flag.review_note', rowBound: true },
  // Why an admin asked for a second factor's reset (users/factor-reset.ts), bound to the request's id.
  { table: 'second_factor_reset', column: 'reason', field: 'second_factor_reset.reason', rowBound: true },
  // Field-level history (history/record.ts): old and new values, each bound to its change's id.
  { table: 'field_change', column: 'old_value', field: 'field_change.old', rowBound: true },
  { table: 'field_change', column: 'new_value', field: 'field_change.new', rowBound: true },
  // Unsent referrals and case notes (drafts/service.ts), bound to the draft's id.
  { table: 'draft', column: 'body', field: 'draft.body', rowBound: true },
  // Consents (consent/fields.ts): the guardian's name and the scope's free words, bound to the consent's id.
  { table: 'consent', column: 'giver_name', field: 'consent.giver_name', rowBound: true },
  { table: 'consent', column: 'scope', field: 'consent.scope', rowBound: true },
  // A person's safe contact (people/safe-contact.ts), bound to the person's id.
  { table: 'person', column: 'safe_contact', field: 'person.safe_contact', rowBound: true },
] as const satisfies readonly {
  table: string;
  column: string;
  field: string;
  town?: string;
  key?: string;
  match?: string;
  rowBound?: boolean;
}[];

/**
 * Re-encrypts every value not yet under the keyring's newest key, a batch per transaction, each batch
 * audited (`data.rotateKey`) in its municipality's chain. Safe to run again: it only picks up what is
 * left. Rows locked by live transactions are waited for, not skipped, so nothing is left behind
 * under the old key when it reports done. Returns how many values each field had re-encrypted.
 */
export async function rotateAll(db: Db, keyring: Keyring, batch = 500): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  const current = `v${keyring.current}.%`;
  for (const entry of ENCRYPTED_FIELDS) {
    const { table, column, field } = entry;
    // Tables without their own municipality_id name it through their parent row.
    const town = 'town' in entry ? entry.town : 'municipality_id';
    const [key, match] = 'key' in entry ? [entry.key, entry.match] : ['id', 'id = $2::uuid'];
    done[field] = 0;
    for (;;) {
      const moved = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRawUnsafe<{ id: string; municipality_id: string; value: string }[]>(
          `SELECT ${key} AS id, ${town} AS municipality_id, ${column} AS value FROM ${table}
           WHERE ${column} IS NOT NULL AND ${column} NOT LIKE $1 ORDER BY ${key} LIMIT $2 FOR UPDATE`,
          current,
          batch,
        );
        for (const row of rows) {
          const aad = 'rowBound' in entry ? `${field}/${row.id}` : field;
          const value = keyring.encrypt(keyring.decrypt(row.value, aad), aad);
          await tx.$executeRawUnsafe(`UPDATE ${table} SET ${column} = $1 WHERE ${match}`, value, row.id);
        }
        const perTown = new Map<string, number>();
        for (const r of rows) perTown.set(r.municipality_id, (perTown.get(r.municipality_id) ?? 0) + 1);
        for (const [municipalityId, count] of perTown) {
          const audit = new AuditTrail({ municipalityId, actorId: null, actorRole: null, requestId: 'cli', ip: null }, systemClock);
          audit.record({ action: 'data.rotateKey', entityType: 'DataKey', entityId: String(keyring.current), detail: { field, count } });
          await audit.flush(tx);
        }
        return rows.length;
      });
      done[field] += moved;
      if (moved < batch) break;
    }
  }
  return done;
}
