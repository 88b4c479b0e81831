import { rawQuery, type Db, type DbClient, type Tx } from '../db.js';
import { Prisma } from '../generated/prisma/client.js';
import type { Clock } from '../lib/clock.js';
import type { Role } from '../generated/prisma/enums.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { chainOf, contentDigest, type EventContent } from './hash.js';
import { linkSoon, linkStaged } from './chainer.js';
import type { AuditAction } from './actions.js';

/** Who is acting, and from where: the part of every event that a request fixes. */
export interface AuditBase {
  municipalityId: string | null;
  actorId: string | null;
  actorRole: Role | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  outcome?: 'allowed' | 'denied';
  purpose?: string;
  /** Safe facts only: never passwords, tokens or free text about a person. */
  detail?: Record<string, unknown>;
  /** For events about a tenant other than the actor's (e.g. a sign-in before the actor is known). */
  municipalityId?: string | null;
  actorId?: string | null;
  actorRole?: Role | null;
}

/**
 * Collects a request's audit events and writes them when the work is done: staged (`audit_stage`, no
 * lock) in the same transaction or statement as the work, so they commit with it or not at all, and
 * once committed linked onto their hash chains by the shared chainer (chainer.ts) in the order they
 * were staged. No call holds a chain head across a round trip or a commit, so the commits of
 * concurrent calls flush together. Verify and the checkpoints cover linked events; an event left
 * staged past a minute breaks verify ('unlinked'), and every read of the audit record links first.
 * `onChain` (inside a transaction) appends with `audit_append` instead, for the rare writer that must
 * cite its own event's place on the chain in the same transaction (a deletion certificate).
 */
export class AuditTrail {
  private pending: AuditEntry[] = [];

  constructor(
    readonly base: AuditBase,
    private readonly clock: Clock,
  ) {}

  record(entry: AuditEntry): void {
    this.pending.push(entry);
  }

  /**
   * Writes every pending event through `db`: inside a transaction they commit with the work (whoever
   * opened it links them after COMMIT: linkSoon); on the plain client (reads) they commit on their own
   * before the caller answers, and the chainer links them.
   */
  async flush(db: DbClient, opts: { onChain?: boolean } = {}): Promise<void> {
    const events = this.drain();
    if (!events) return;
    if (opts.onChain && inTx(db)) {
      await rawQuery(db, Prisma.sql`SELECT audit_append(${events}::jsonb)`);
      return;
    }
    await rawQuery(db, Prisma.sql`SELECT audit_stage(${events}::jsonb)`, { prepared: true });
    if (!inTx(db)) linkSoon(db);
  }

  /**
   * Runs one write (an INSERT … RETURNING) and appends every pending event in the same statement, so on
   * the plain client the row and its record commit together, or neither, in one round trip. The
   * events are appended only when the write returns a row. `beside`, other writes of the request (a
   * keyed call's answer, a new record's key), run in the same statement. The statement is prepared on
   * its connection (db.ts): a write passed here must take few shapes (values as parameters, never spliced).
   */
  async appendWith<T>(db: DbClient, write: Prisma.Sql, beside: Prisma.Sql[] = []): Promise<T[]> {
    const events = this.drain();
    const append = Prisma.sql`audit_stage(${events ?? '[]'}::jsonb)`;
    const others = beside.map((sql, i) => Prisma.sql`, ${Prisma.raw(`k${i}`)} AS (${sql})`);
    // `a` holds a volatile call, so PostgreSQL evaluates it once (never inlined into the join).
    const rows = await rawQuery<T>(
      db,
      Prisma.sql`WITH w AS (${write}), a AS (SELECT ${append} AS n WHERE EXISTS (SELECT 1 FROM w))${
        others.length ? Prisma.join(others, '') : Prisma.empty
      }
      SELECT w.* FROM w, a`,
      { prepared: true },
    );
    if (!inTx(db) && events && rows.length) linkSoon(db);
    return rows;
  }

  /** The pending events as audit_append's argument (null when there are none), emptying the queue. */
  private drain(): string | null {
    const entries = this.pending;
    this.pending = [];
    if (entries.length === 0) return null;
    const at = this.clock();
    const events = entries.map((e) => {
      const municipalityId = e.municipalityId !== undefined ? e.municipalityId : this.base.municipalityId;
      const content: EventContent = {
        chain: chainOf(municipalityId),
        at,
        municipalityId,
        actorId: e.actorId !== undefined ? e.actorId : this.base.actorId,
        actorRole: e.actorRole !== undefined ? e.actorRole : this.base.actorRole,
        action: e.action,
        entityType: e.entityType ?? null,
        entityId: e.entityId ?? null,
        outcome: e.outcome ?? 'allowed',
        purpose: e.purpose ?? null,
        requestId: this.base.requestId,
        ip: this.base.ip,
        detail: e.detail ?? null,
      };
      return { ...content, digest: contentDigest(content) };
    });
    // canonicalJson writes dates and bigints as the digest saw them, so the stored detail hashes the same.
    return canonicalJson(events);
  }
}

/**
 * Runs `work` in a transaction of its own, unless `db` already is one: for a service that needs
 * several statements under a `noTransaction` procedure (see trpc/init.ts). Its events still go out
 * with its last write (appendWith) or the caller's flush.
 */
export async function inTransaction<T>(db: DbClient, work: (tx: DbClient) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction((tx) => work(tx), TRANSACTION_LIMITS) : work(db);
}

/** Whether `db` is a transaction's client (the plain client is the one that can open them). */
const inTx = (db: DbClient) => !('$transaction' in db);

/**
 * How long a transaction may wait for a connection and how long it may run, everywhere (procedures,
 * sign-in, CLI): Prisma's defaults (2 s, 5 s) fail a burst of sign-ins or of case openings queued on
 * one counter row on a busy machine, where waiting a little longer is the right answer.
 */
export const TRANSACTION_LIMITS = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * Runs `work` and its audit events in one transaction: both commit, or neither does.
 * For code outside the tRPC chain (sign-in, CLI); procedures get this from their middleware.
 */
export async function auditedTransaction<T>(
  db: Db,
  base: AuditBase,
  clock: Clock,
  work: (tx: Tx, audit: AuditTrail) => Promise<T>,
  options?: { timeout?: number },
): Promise<T> {
  const result = await db.$transaction(
    async (tx) => {
      const audit = new AuditTrail(base, clock);
      const result = await work(tx, audit);
      await audit.flush(tx);
      return result;
    },
    { ...TRANSACTION_LIMITS, ...options },
  );
  // Sign-in and the command line: their events are on the chain before they answer or exit.
  await linkStaged(db);
  return result;
}
