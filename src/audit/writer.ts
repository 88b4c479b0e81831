import type { Db, DbClient, Tx } from '../db.js';
import type { Clock } from '../lib/clock.js';
import type { Role } from '../generated/prisma/enums.js';
import type { Prisma } from '../generated/prisma/client.js';
import { GENESIS_HASH, chainOf, hashEvent, type HashedEvent } from './hash.js';

/** Who is acting, and from where: the part of every event that a request fixes. */
export interface AuditBase {
  municipalityId: string | null;
  actorId: string | null;
  actorRole: Role | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
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
 * Collects a transaction's audit events and appends them, hash-chained, when the work is done:
 * the chain head is locked only for the few statements at the end, just before COMMIT.
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

  /** Appends every pending event inside `tx`; the caller's transaction commits them with the work. */
  async flush(tx: DbClient): Promise<void> {
    const entries = this.pending;
    this.pending = [];
    const byChain = new Map<string, AuditEntry[]>();
    for (const e of entries) {
      const chain = chainOf(e.municipalityId !== undefined ? e.municipalityId : this.base.municipalityId);
      byChain.set(chain, [...(byChain.get(chain) ?? []), e]);
    }
    // A fixed lock order, so two transactions writing to two chains cannot deadlock.
    for (const chain of [...byChain.keys()].sort()) await this.append(tx, chain, byChain.get(chain)!);
  }

  private async append(tx: DbClient, chain: string, entries: AuditEntry[]) {
    await tx.$executeRaw`INSERT INTO audit_chain_head (chain, seq, hash) VALUES (${chain}, 0, ${GENESIS_HASH}) ON CONFLICT (chain) DO NOTHING`;
    const [head] = await tx.$queryRaw<{ seq: number; hash: string }[]>`SELECT seq, hash FROM audit_chain_head WHERE chain = ${chain} FOR UPDATE`;
    let { seq, hash } = head!;
    const at = this.clock();
    const rows = entries.map((e) => {
      seq += 1;
      const event: HashedEvent = {
        chain,
        seq,
        at,
        municipalityId: e.municipalityId !== undefined ? e.municipalityId : this.base.municipalityId,
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
        prevHash: hash,
      };
      hash = hashEvent(event);
      return { ...event, actorRole: event.actorRole as Role | null, outcome: event.outcome as 'allowed' | 'denied', detail: (e.detail ?? undefined) as Prisma.InputJsonObject | undefined, hash };
    });
    await tx.auditEvent.createMany({ data: rows });
    await tx.auditChainHead.update({ where: { chain }, data: { seq, hash } });
  }
}

/**
 * Runs `work` and its audit events in one transaction: both commit, or neither does.
 * For code outside the tRPC chain (sign-in, CLI); procedures get this from their middleware.
 */
export async function audited<T>(
  db: Db,
  base: AuditBase,
  clock: Clock,
  work: (tx: Tx, audit: AuditTrail) => Promise<T>,
  options?: { timeout?: number },
): Promise<T> {
  return db.$transaction(async (tx) => {
    const audit = new AuditTrail(base, clock);
    const result = await work(tx, audit);
    await audit.flush(tx);
    return result;
  }, options);
}
