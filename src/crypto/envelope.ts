import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { rawQuery, type DbClient } from '../db.js';
import { Prisma } from '../generated/prisma/client.js';
import { AppError } from '../errors.js';
import { ERASED_TEXT } from '../shared/erased.js';
import type { Keyring } from './keyring.js';

/**
 * Envelope encryption: each case, referral and person has its own AES-256 data key (`data_key`), kept
 * wrapped by the master keyring and bound to its own id and owner. A value under a data key is stored as
 * `k1.<data key id>.<iv>.<tag>.<ciphertext>` (base64url): it names its key, and the key's wrapped form
 * (`v<n>.…`) names the master version, so rotating the master key re-wraps 32-byte keys, not every text.
 * Each value is bound to its table, field and row (the associated data), so a copy elsewhere does not open.
 */
export type OwnerKind = 'case' | 'referral' | 'person';

/** Whose key a value is under. `municipalityId` is needed only when the owner's row is not inserted yet. */
export interface RecordOwner {
  kind: OwnerKind;
  id: string;
  municipalityId?: string;
}

/** The stored forms as whole-value patterns (SQL regular expressions): a column of words may hold anything else. */
export const SEALED_SQL = '^k1\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]*$';
export const MASTER_SQL = '^v[0-9]+\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]*$';

const SEALED = /^k1\.([\w-]{22})\.([\w-]{16})\.([\w-]{22})\.([\w-]*)$/;
/** What erasure leaves in place of a value written before record keys (master key only). */
export const ERASED_VALUE = 'x.erased';
/** The owners' tables. */
export const OWNER_TABLE: Record<OwnerKind, string> = { case: 'case_record', referral: 'referral', person: 'person' };

const idText = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
const uuidOf = (text: string) =>
  Buffer.from(text, 'base64url')
    .toString('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
/** The associated data of a wrapped key: a wrapped key copied onto another row or owner does not unwrap. */
export const wrapAad = (id: string, kind: OwnerKind, ownerId: string) => `data_key/${id}/${kind}/${ownerId}`;

/** Whether a stored value is under a record key (not the master keyring, not erased). */
export const isSealed = (stored: string) => stored.startsWith('k1.');
/** Whether a stored value was written under the master keyring directly (before record keys). */
export const isLegacy = (stored: string) => stored.startsWith('v');

/** The row that stores a new key wrapped, for an owner whose municipality is known. */
const keyInsert = (id: string, owner: RecordOwner & { municipalityId: string }, wrapped: string) =>
  Prisma.sql`INSERT INTO data_key (id, municipality_id, owner_kind, owner_id, wrapped)
    VALUES (${id}::uuid, ${owner.municipalityId}::uuid, ${owner.kind}::"DataKeyOwner", ${owner.id}::uuid, ${wrapped})`;

interface KeyRow {
  id: string;
  wrapped: string | null;
}

/**
 * Opens and seals values under record keys, keeping the keys it unwrapped for its own life (one
 * request, one CLI batch): a case page with forty notes unwraps the case's key once.
 */
export class RecordKeys {
  private readonly byId = new Map<string, Promise<Buffer | null>>();
  private readonly byOwner = new Map<string, Promise<{ id: string; key: Buffer }>>();

  constructor(private readonly keyring: Keyring) {}

  /** Encrypts `plaintext` under the owner's key (made on first use), bound to `aad`. */
  async seal(db: DbClient, owner: RecordOwner, aad: string, plaintext: string): Promise<string> {
    const { id, key } = await this.ownerKey(db, owner);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `k1.${idText(id)}.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
  }

  /**
   * The plaintext of a stored value, or ERASED_TEXT when its key was destroyed. Values from before
   * record keys open under the master keyring with `legacyAad` (their old associated data).
   * A value copied from another row or field fails authentication and throws.
   */
  async open(db: DbClient, aad: string, stored: string, legacyAad: string = aad): Promise<string> {
    if (stored === ERASED_VALUE) return ERASED_TEXT;
    if (isLegacy(stored)) return this.keyring.decrypt(stored, legacyAad);
    const m = SEALED.exec(stored);
    if (!m) throw new Error('Not an encrypted value');
    const key = await this.keyById(db, uuidOf(m[1]!));
    if (!key) return ERASED_TEXT;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(m[2]!, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(m[3]!, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(m[4]!, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** `open` for a nullable column. */
  async openOrNull(db: DbClient, aad: string, stored: string | null, legacyAad?: string): Promise<string | null> {
    return stored === null ? null : this.open(db, aad, stored, legacyAad);
  }

  private keyById(db: DbClient, id: string): Promise<Buffer | null> {
    let found = this.byId.get(id);
    if (!found) {
      found = (async () => {
        const rows = await db.$queryRaw<(KeyRow & { owner_kind: OwnerKind; owner_id: string })[]>`
          SELECT id::text, wrapped, owner_kind::text, owner_id::text FROM data_key WHERE id = ${id}::uuid`;
        const row = rows[0];
        if (!row?.wrapped) return null;
        return Buffer.from(this.keyring.decrypt(row.wrapped, wrapAad(row.id, row.owner_kind, row.owner_id)), 'base64');
      })();
      this.byId.set(id, found);
      found.catch(() => this.byId.delete(id));
    }
    return found;
  }

  private ownerKey(db: DbClient, owner: RecordOwner): Promise<{ id: string; key: Buffer }> {
    const name = `${owner.kind}/${owner.id}`;
    let found = this.byOwner.get(name);
    if (!found) {
      found = this.loadOrMake(db, owner);
      this.byOwner.set(name, found);
      found.catch(() => this.byOwner.delete(name));
    }
    return found;
  }

  /**
   * A key for a record whose row is not written yet (its id just made): kept for this request's seals,
   * and returned as the INSERT that stores it wrapped, for the caller to run in the statement that writes
   * the row, so that neither is stored without the other. A second key for the same owner is refused.
   */
  keyNew(owner: RecordOwner & { municipalityId: string }): Prisma.Sql {
    const name = `${owner.kind}/${owner.id}`;
    if (this.byOwner.has(name)) throw new Error(`${name} has a key already`);
    const made = this.make(owner);
    this.byOwner.set(name, Promise.resolve({ id: made.id, key: made.key }));
    return keyInsert(made.id, owner, made.wrapped);
  }

  /** A new data key for `owner`, and its wrapped form bound to both. */
  private make(owner: RecordOwner) {
    const id = randomUUID();
    const key = randomBytes(32);
    return { id, key, wrapped: this.keyring.encrypt(key.toString('base64'), wrapAad(id, owner.kind, owner.id)) };
  }

  private async loadOrMake(db: DbClient, owner: RecordOwner): Promise<{ id: string; key: Buffer }> {
    const select = () =>
      rawQuery<KeyRow>(
        db,
        Prisma.sql`SELECT id::text, wrapped FROM data_key
                   WHERE owner_kind = ${owner.kind}::"DataKeyOwner" AND owner_id = ${owner.id}::uuid`,
      );
    // An owner whose row is not inserted yet (its municipality given) is new: it has no key to look up.
    let row = owner.municipalityId ? undefined : (await select())[0];
    if (!row) {
      const { id, key, wrapped } = this.make(owner);
      // Two requests may key the same record at once: the unique (owner_kind, owner_id) keeps one.
      const made = await rawQuery<{ id: string }>(
        db,
        owner.municipalityId
          ? Prisma.sql`${keyInsert(id, { ...owner, municipalityId: owner.municipalityId }, wrapped)}
              ON CONFLICT (owner_kind, owner_id) DO NOTHING RETURNING id::text`
          : Prisma.sql`INSERT INTO data_key (id, municipality_id, owner_kind, owner_id, wrapped)
              SELECT ${id}::uuid, municipality_id, ${owner.kind}::"DataKeyOwner", id, ${wrapped} FROM ${Prisma.raw(OWNER_TABLE[owner.kind])}
              WHERE id = ${owner.id}::uuid
              ON CONFLICT (owner_kind, owner_id) DO NOTHING RETURNING id::text`,
      );
      if (made.length === 1) return { id, key };
      row = (await select())[0];
      if (!row) throw new Error(`No ${owner.kind} ${owner.id} to key`);
    }
    // An erased record takes no new text: its key is gone and must not come back.
    if (!row.wrapped) throw new AppError('CONFLICT');
    const key = await this.keyById(db, row.id);
    if (!key) throw new AppError('CONFLICT');
    return { id: row.id, key };
  }
}

const perRequest = new WeakMap<object, RecordKeys>();

/** The record keys of one request (keyed by its audit event, which lives as long as the request). */
export function recordKeysOf(ctx: { keyring: Keyring; audit?: object }): RecordKeys {
  const scope = ctx.audit ?? ctx;
  let keys = perRequest.get(scope);
  if (!keys) {
    keys = new RecordKeys(ctx.keyring);
    perRequest.set(scope, keys);
  }
  return keys;
}

/** What sealing and opening need from a service's context. */
export interface KeyContext {
  db: DbClient;
  keyring: Keyring;
  audit?: object;
}

/** The INSERT of a new record's key (RecordKeys.keyNew), for the statement that writes the record's row. */
export const keyNewRecord = (ctx: KeyContext, owner: RecordOwner & { municipalityId: string }) => recordKeysOf(ctx).keyNew(owner);

/** Seals a field's text under its owner's key, bound to `<field>/<rowId>`. */
export const sealText = (ctx: KeyContext, owner: RecordOwner, field: string, rowId: string, plaintext: string) =>
  recordKeysOf(ctx).seal(ctx.db, owner, `${field}/${rowId}`, plaintext);

/**
 * Opens a field's text bound to `<field>/<rowId>` (ERASED_TEXT once its key is destroyed). A value from
 * before record keys opens under the master keyring with `legacyAad`: the bare field name unless it was row-bound.
 */
export function openText(ctx: KeyContext, field: string, rowId: string, stored: string, legacyAad?: string): Promise<string>;
export function openText(ctx: KeyContext, field: string, rowId: string, stored: string | null, legacyAad?: string): Promise<string | null>;
export function openText(ctx: KeyContext, field: string, rowId: string, stored: string | null, legacyAad = field) {
  return recordKeysOf(ctx).openOrNull(ctx.db, `${field}/${rowId}`, stored, legacyAad);
}

const STORED = /^(k1\.[\w-]{22}\.[\w-]{16}\.[\w-]{22}\.[\w-]*|v\d+\.[\w-]{16}\.[\w-]{22}\.[\w-]*|x\.erased)$/;

/**
 * `openText` for a column that held plain words before it was encrypted (bound to `<field>/<rowId>`
 * from the start): a value not yet sealed by the start-up job is those words, shown as they are.
 */
export function openWords(ctx: KeyContext, field: string, rowId: string, stored: string): Promise<string>;
export function openWords(ctx: KeyContext, field: string, rowId: string, stored: string | null): Promise<string | null>;
export async function openWords(ctx: KeyContext, field: string, rowId: string, stored: string | null) {
  if (stored === null || !STORED.test(stored)) return stored;
  return openText(ctx, field, rowId, stored, `${field}/${rowId}`);
}

const MASTER_WORDS = /^v\d+\.[\w-]{16}\.[\w-]{22}\.[\w-]*$/;

/**
 * Words of a row that belongs to no record (a meeting's title and place), sealed under the master
 * keyring bound to `aad` (`<field>/<row id>`); words from before they were sealed show as they are.
 */
export function openMasterWords(keyring: Keyring, aad: string, stored: string): string;
export function openMasterWords(keyring: Keyring, aad: string, stored: string | null): string | null;
export function openMasterWords(keyring: Keyring, aad: string, stored: string | null) {
  return stored !== null && MASTER_WORDS.test(stored) ? keyring.decrypt(stored, aad) : stored;
}
