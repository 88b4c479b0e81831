import type { Db } from '../db.js';
import { AppError } from '../errors.js';
import { ERASED_VALUE, MASTER_SQL, RecordKeys, SEALED_SQL } from './envelope.js';
import type { Keyring } from './keyring.js';
import { auditBatch } from './rotate-batch.js';

/**
 * The words kept inside timeline entries (`case_event.data`), each sealed under the case's key and bound
 * to `<field>/<entry id>` (cases/access.ts recordEvent): a stage, review, closing, reopening or
 * revocation reason, and the free purpose words that disclosure entries carried before disclosures took
 * a listed purpose. Entries written before that hold them as plain words (or, from an older server,
 * under the master keyring bound to the same field and row).
 */
export const EVENT_WORDS = [
  { key: 'reason', field: 'case_event.reason' },
  { key: 'purpose', field: 'case_event.purpose' },
] as const;

const MASTER = new RegExp(MASTER_SQL);

/** A master-keyed value of a row: bound to the row (as written since), else to the bare field (older). */
export function decryptEither(keyring: Keyring, stored: string, field: string, rowId: string): string {
  try {
    return keyring.decrypt(stored, `${field}/${rowId}`);
  } catch {
    return keyring.decrypt(stored, field);
  }
}

/**
 * Seals the timeline words not yet under their case's key, a batch per transaction, each batch audited
 * (`data.rotateKey`). A case erased since (its key destroyed) loses the words instead. Returns how many
 * entries each field had moved; a second run finds nothing.
 */
export async function moveEventWords(db: Db, keyring: Keyring, batch = 500): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const { key, field } of EVENT_WORDS) {
    let total = 0;
    for (;;) {
      const n = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRawUnsafe<{ id: bigint; case_id: string; municipality_id: string; value: string }[]>(
          `SELECT id, case_id::text, municipality_id::text, data->>$1::text AS value FROM case_event
            WHERE jsonb_typeof(data) = 'object' AND jsonb_typeof(data->$1::text) = 'string'
              AND data->>$1::text !~ '${SEALED_SQL}' AND data->>$1::text NOT IN ('${ERASED_VALUE}', '')
            ORDER BY id LIMIT $2 FOR UPDATE`,
          key,
          batch,
        );
        const keys = new RecordKeys(keyring);
        for (const row of rows) {
          const id = String(row.id);
          const words = MASTER.test(row.value) ? decryptEither(keyring, row.value, field, id) : row.value;
          const owner = { kind: 'case' as const, id: row.case_id, municipalityId: row.municipality_id };
          const sealed = await keys.seal(tx, owner, `${field}/${id}`, words).catch((err) => {
            if (err instanceof AppError) return null;
            throw err;
          });
          if (sealed === null)
            await tx.$executeRawUnsafe('UPDATE case_event SET data = data - $1::text WHERE id = $2::bigint', key, row.id);
          else
            await tx.$executeRawUnsafe(
              'UPDATE case_event SET data = jsonb_set(data, ARRAY[$1::text], to_jsonb($2::text)) WHERE id = $3::bigint',
              key,
              sealed,
              row.id,
            );
        }
        await auditBatch(
          tx,
          keyring,
          field,
          rows.map((r) => r.municipality_id),
        );
        return rows.length;
      });
      total += n;
      if (n < batch) break;
    }
    moved[field] = total;
  }
  return moved;
}
