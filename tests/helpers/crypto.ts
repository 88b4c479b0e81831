import type { DbClient } from '../../src/db.js';
import type { Keyring } from '../../src/crypto/keyring.js';
import { RecordKeys } from '../../src/crypto/envelope.js';
import { testKeyring } from './callers.js';

/**
 * Opens a stored value as the services do: under its record's key (`k1.…`, bound to `aad`, the
 * field and row), or, written before record keys, under the master keyring with `legacyAad`.
 */
export const openStored = (db: DbClient, aad: string, stored: string, opts: { keyring?: Keyring; legacyAad?: string } = {}) =>
  new RecordKeys(opts.keyring ?? testKeyring).open(db, aad, stored, opts.legacyAad ?? aad);

/** The record data keys of some owners, as stored (raw SQL: only src/crypto reads the table). */
export const dataKeysOf = (db: DbClient, ownerIds: string[]) =>
  db.$queryRaw<{ id: string; owner_kind: string; owner_id: string; wrapped: string | null; destroyed_at: Date | null }[]>`
    SELECT id::text, owner_kind::text, owner_id::text, wrapped, destroyed_at FROM data_key WHERE owner_id = ANY(${ownerIds}::uuid[])`;

/** A case's timeline entries of one kind, oldest first, their reasons opened (sealed under the case's key, bound to the entry). */
export async function caseEventsOf(db: DbClient, caseId: string, kind: string) {
  const rows = await db.caseEvent.findMany({
    where: { caseId, kind },
    select: { id: true, actorId: true, data: true },
    orderBy: { id: 'asc' },
  });
  return Promise.all(
    rows.map(async ({ id, ...row }) => {
      const data = row.data as Record<string, unknown>;
      if (typeof data.reason !== 'string') return row;
      if (!data.reason.startsWith('k1.')) throw new Error(`case_event ${id}: reason stored unsealed`);
      return { ...row, data: { ...data, reason: await openStored(db, `case_event.reason/${id}`, data.reason) } };
    }),
  );
}

/** An intervention's title and outcome as stored (sealed under its case's key, bound to the row), opened. */
export const openIntervention = async <T extends { id: string; title?: string; outcome: string | null }>(db: DbClient, row: T) => ({
  ...row,
  ...(row.title === undefined ? {} : { title: await openStored(db, `intervention.title/${row.id}`, row.title) }),
  outcome: row.outcome === null ? null : await openStored(db, `intervention.outcome/${row.id}`, row.outcome),
});
