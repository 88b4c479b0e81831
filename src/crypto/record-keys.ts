import type { DbClient } from '../db.js';
import { ENCRYPTED_FIELDS } from './rotate.js';
import { EVENT_WORDS } from './event-words.js';
import { ERASED_VALUE, OWNER_TABLE, SEALED_SQL, type OwnerKind } from './envelope.js';

export { ERASED_VALUE, RecordKeys, recordKeysOf, isSealed, type OwnerKind, type RecordOwner } from './envelope.js';
export { ERASED_TEXT, isErased } from '../shared/erased.js';

/**
 * Crypto-shredding: destroys the record's own data key, so every value under it (in this database and
 * in any backup taken from now on) can no longer be opened; reading one gives ERASED_TEXT. The wrapped
 * key is overwritten with NULL (pg_dump copies live rows only; VACUUM reclaims the old row version).
 * Values written before record keys (master keyring, `v<n>.…`, or plain words in a column encrypted since)
 * that belong to the record are replaced by the erased marker in the same transaction, and a record that
 * never had a key gets a destroyed one, so no later write can make it a fresh key. Returns how many live keys were destroyed (0 or 1).
 */
export async function shredRecordKeys(tx: DbClient, owner: { kind: OwnerKind; id: string }): Promise<number> {
  const destroyed = await tx.$executeRaw`
    UPDATE data_key SET wrapped = NULL, destroyed_at = now()
     WHERE owner_kind = ${owner.kind}::"DataKeyOwner" AND owner_id = ${owner.id}::uuid AND destroyed_at IS NULL`;
  await tx.$executeRawUnsafe(
    `INSERT INTO data_key (id, municipality_id, owner_kind, owner_id, wrapped, destroyed_at)
     SELECT gen_random_uuid(), municipality_id, $1::"DataKeyOwner", id, NULL, now() FROM ${OWNER_TABLE[owner.kind]} WHERE id = $2::uuid
     ON CONFLICT (owner_kind, owner_id) DO NOTHING`,
    owner.kind,
    owner.id,
  );
  for (const entry of ENCRYPTED_FIELDS) {
    // A column sealed from its first row holds nothing but what the destroyed key locks.
    if (!('owner' in entry) || 'sealedOnly' in entry) continue;
    // Columns that were plain words: whatever is not sealed yet (words or master-keyed) goes.
    const left = 'plain' in entry ? `${entry.column} !~ '${SEALED_SQL}' AND ${entry.column} NOT IN ($3, '')` : `${entry.column} LIKE 'v%'`;
    await tx.$executeRawUnsafe(
      `UPDATE ${entry.table} SET ${entry.column} = $3
        WHERE ${left} AND (${entry.owner.kind}) = $1 AND (${entry.owner.id}) = $2::uuid`,
      owner.kind,
      owner.id,
      ERASED_VALUE,
    );
  }
  // Timeline entries' reasons and purposes from before they were sealed (plain words inside the JSON) go too.
  if (owner.kind === 'case') {
    for (const { key } of EVENT_WORDS) {
      await tx.$executeRawUnsafe(
        `UPDATE case_event SET data = data - $2::text
          WHERE case_id = $1::uuid AND jsonb_typeof(data) = 'object' AND data ? $2::text AND data->>$2::text !~ '${SEALED_SQL}'`,
        owner.id,
        key,
      );
    }
  }
  return destroyed;
}
