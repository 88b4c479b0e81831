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
