import { createHash } from 'node:crypto';
import superjson from 'superjson';
import { z } from 'zod';
import { rawQuery, type Db, type DbClient } from '../db.js';
import { Prisma } from '../generated/prisma/client.js';
import { AppError } from '../errors.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Subject } from '../audit/event.js';
import type { Clock } from '../lib/clock.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { serialize } from '../lib/wire.js';

/** The field name bound into a kept answer's ciphertext (see crypto/keyring.ts). */
export const ANSWER_FIELD = 'idempotency.answer';

/**
 * What a kept answer is sealed to: the field and its row (user and key, as crypto/rotate.ts names the row),
 * so a sealed answer copied into another user's row opens for no one.
 */
export const answerAad = (userId: string, key: string) => `${ANSWER_FIELD}/${userId}/${key}`;

/** How long a key holds: a retry comes within minutes; a day covers a restart after a night's outage. */
export const KEY_LIFETIME_MS = 24 * 3_600_000;

/** The first call under a key, as kept: what it answered, its request, the record its event named. */
export interface Earlier {
  answer: unknown;
  requestId: string;
  entity: Subject;
}

interface KeptRow {
  procedure: string;
  request_id: string;
  entity_type: string | null;
  entity_id: string | null;
  answer: string;
}

const Key = z.uuid();

/**
 * A call with an `Idempotency-Key` header to a procedure declared `idempotent`. The key is the user's
 * own: rows are found by (user, key), so another user's key never answers for them. Its answer is kept
 * (encrypted: it can name a person) by the statement `keep` makes, run with the work: in its
 * transaction, or in its one statement (AuditTrail.appendWith), so a committed write always has its key
 * and a rolled-back one never does.
 */
export class KeyedCall {
  /** Whether the work's statements include `keep`'s (checked for single-statement procedures). */
  kept = false;

  private constructor(
    private readonly deps: { keyring: Keyring; clock: Clock; requestId: string },
    private readonly userId: string,
    private readonly municipalityId: string,
    private readonly key: string,
    private readonly procedure: string,
    private readonly requestHash: string,
  ) {}

  /** The keyed call of a request, or null without a key; a key that is not a UUID is refused. */
  static of(
    deps: KeyedCall['deps'] & { idempotencyKey: string | null },
    user: { id: string; municipalityId: string },
    procedure: string,
    input: unknown,
  ) {
    if (deps.idempotencyKey === null) return null;
    if (!Key.safeParse(deps.idempotencyKey).success) throw new AppError('BAD_INPUT', { fields: { idempotencyKey: 'invalid_format' } });
    const hash = createHash('sha256').update(canonicalJson(input)).digest('hex');
    return new KeyedCall(deps, user.id, user.municipalityId, deps.idempotencyKey.toLowerCase(), procedure, hash);
  }

  /** The first call under this key: the same request's (a retry), 'other' when another request used it, or null. */
  async find(db: DbClient): Promise<Earlier | 'other' | null> {
    const [row] = await rawQuery<KeptRow>(
      db,
      Prisma.sql`SELECT procedure, request_id, entity_type, entity_id, answer FROM idempotency_key
                 WHERE user_id = ${this.userId}::uuid AND key = ${this.key}::uuid`,
    );
    if (!row) return null;
    if (row.procedure !== this.procedure) return 'other';
    // The request's hash is sealed with the answer: in clear it would confirm a guessed input offline. An
    // answer sealed to another row (copied in), or in an older form, opens for no one: refused, never answered.
    let sealed: { hash?: string; answer?: unknown };
    try {
      sealed = JSON.parse(this.deps.keyring.decrypt(row.answer, answerAad(this.userId, this.key)));
    } catch {
      return 'other';
    }
    if (sealed.hash !== this.requestHash) return 'other';
    return {
      answer: superjson.deserialize(sealed.answer as Parameters<typeof superjson.deserialize>[0]),
      requestId: row.request_id,
      entity: { type: (row.entity_type ?? undefined) as Subject['type'], id: row.entity_id ?? undefined },
    };
  }

  /**
   * The INSERT that keeps `answer` under the key. Run beside the work, it waits for a twin call that
   * holds the key uncommitted and fails (unique violation) once the twin has committed: the work goes
   * with it, and the call answers as the twin did (`once`).
   */
  readonly keep = (answer: unknown, entity: Subject): Prisma.Sql => {
    this.kept = true;
    const kept = JSON.stringify({ hash: this.requestHash, answer: serialize(answer) });
    const sealed = this.deps.keyring.encrypt(kept, answerAad(this.userId, this.key));
    return Prisma.sql`INSERT INTO idempotency_key
      (user_id, municipality_id, key, procedure, request_id, entity_type, entity_id, answer, created_at)
      VALUES (${this.userId}::uuid, ${this.municipalityId}::uuid, ${this.key}::uuid, ${this.procedure}, ${this.deps.requestId},
              ${entity.type ?? null}, ${entity.id ?? null}, ${sealed}, ${this.deps.clock()}::timestamptz)`;
  };

  /**
   * Runs the call at most once. A key already kept for this request answers without the work (unless
   * `work` writes in one statement, which finds out for itself, at no extra round trip); kept for
   * another request it is refused (ALREADY_SUBMITTED). When the work fails, a twin call may have
   * committed meanwhile (the key's unique violation, or the twin's effects, e.g. ALREADY_SCREENED):
   * its answer is the answer.
   */
  async once<R extends { ok: boolean }>(
    db: Db,
    opts: { lookFirst: boolean },
    work: () => Promise<R>,
    replay: (earlier: Earlier) => Promise<R>,
  ): Promise<R> {
    if (opts.lookFirst) {
      const found = await this.find(db);
      if (found === 'other') throw new AppError('ALREADY_SUBMITTED');
      if (found) return replay(found);
    }
    const afterFailure = async (cause: unknown, otherwise: () => R): Promise<R> => {
      const found = await this.find(db).catch(() => null);
      if (found && found !== 'other') return replay(found);
      if (found === 'other' && isKeyTaken(cause)) throw new AppError('ALREADY_SUBMITTED');
      return otherwise();
    };
    let result: R;
    try {
      result = await work();
    } catch (err) {
      return afterFailure(err, () => {
        throw err;
      });
    }
    return result.ok ? result : afterFailure((result as { error?: unknown }).error, () => result);
  }
}

/** Whether an error (or one of its causes) is the unique violation of idempotency_key, as pg or Prisma reports it. */
function isKeyTaken(err: unknown): boolean {
  // biome-ignore lint/suspicious/noExplicitAny: pg's and Prisma's errors and their causes have no common type
  for (let e: any = err, depth = 0; e && depth < 6; e = e.cause, depth++) {
    const text = `${e.code ?? ''} ${e.constraint ?? ''} ${e.message ?? ''} ${JSON.stringify(e.meta ?? null)}`;
    if (/23505|P2002|UniqueConstraintViolation|unique constraint/i.test(text) && /idempotency_key/.test(text)) return true;
  }
  return false;
}

/** Deletes the keys older than their lifetime; the reminder job runs it on every turn. */
export function purgeIdempotencyKeys(db: DbClient, now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM idempotency_key WHERE created_at < ${new Date(now.getTime() - KEY_LIFETIME_MS)}::timestamptz`;
}
