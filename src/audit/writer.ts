import { rawQuery, type Db, type DbClient, type Tx } from '../db.js';
import { Prisma } from '../generated/prisma/client.js';
import type { Clock } from '../lib/clock.js';
import type { Role } from '../generated/prisma/enums.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { chainOf, contentDigest, type EventContent } from './hash.js';
import { linkStaged } from './chainer.js';
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
 * Collects a request's audit events and appends them, hash-chained, when the work is done. Inside a
 * transaction, one statement (`audit_append`, see hash.ts) locks each chain head, assigns seq, hashes
 * and inserts, so they commit with the work and a head is locked only from that statement to COMMIT.
 * On the plain client (a statement that commits on its own) they are staged under no lock
 * (`audit_stage`) and, once committed, linked onto their chains by the shared chainer (chainer.ts)
 * before the caller goes on: the commits of concurrent calls no longer wait for each other's flush.
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
   * Appends every pending event through `db`: inside a transaction they commit with the work; on the
   * plain client (reads) they commit on their own, and are on their chain, before the caller answers.
   */
  async flush(db: DbClient): Promise<void> {
    const events = this.drain();
    if (!events) return;
    if (inTx(db)) {
      await rawQuery(db, Prisma.sql`SELECT audit_append(${events}::jsonb)`);
      return;
    }
    await rawQuery(db, Prisma.sql`SELECT audit_stage(${events}::jsonb)`);
    await linkStaged(db);
  }

  /**
   * Runs one write (an INSERT … RETURNING) and appends every pending event in the same statement, so on
   * the plain client the row and its record commit together, or neither, in one round trip. The
   * events are appended only when the write returns a row. `beside`, another write of the request (a
   * keyed call's answer), runs in the same statement.
   */
  async appendWith<T>(db: DbClient, write: Prisma.Sql, beside?: Prisma.Sql): Promise<T[]> {
    const events = this.drain();
    const staged = !inTx(db);
    const append = staged ? Prisma.sql`audit_stage(${events ?? '[]'}::jsonb)` : Prisma.sql`audit_append(${events ?? '[]'}::jsonb)`;
    // `a` holds a volatile call, so PostgreSQL evaluates it once (never inlined into the join).
    const rows = await rawQuery<T>(
      db,
      Prisma.sql`WITH w AS (${write}), a AS (SELECT ${append} AS n WHERE EXISTS (SELECT 1 FROM w))${beside ? Prisma.sql`, k AS (${beside})` : Prisma.empty}
      SELECT w.* FROM w, a`,
    );
    if (staged && events && rows.length) await linkStaged(db);
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
  return db.$transaction(
    async (tx) => {
      const audit = new AuditTrail(base, clock);
      const result = await work(tx, audit);
      await audit.flush(tx);
      return result;
    },
    { ...TRANSACTION_LIMITS, ...options },
  );
}
