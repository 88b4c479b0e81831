import { rawQuery, type DbClient } from '../db.js';
import { Prisma } from '../generated/prisma/client.js';
import { linkStaged } from './chainer.js';
import { GENESIS_HASH, hashEvent, idlessHashEvent, legacyHashEvent, type HashedEvent } from './hash.js';

export type BreakReason = 'hash_mismatch' | 'link_mismatch' | 'sequence_gap' | 'missing_tail' | 'missing_head' | 'unlinked';

export interface ChainReport {
  chain: string;
  checked: number;
  /** The first event that does not verify; null when the chain is whole. */
  firstBroken: { id: string | null; seq: number; reason: BreakReason } | null;
}

const BATCH = 2_000;

/**
 * Whether an event carries the hash of its content, place and id (hash.ts). Events written before
 * migration 20261204090000_runtime_role (or before 20261125210500_audit_append) carry an earlier
 * definition, which covers every field, seq and the previous hash but not the id: it is accepted only
 * below the chain's epoch (audit_hash_epoch), so from there on the id is always covered.
 */
function hashMatches(row: HashedEvent & { hash: string }, idCoveredFrom: number): boolean {
  if (hashEvent(row) === row.hash) return true;
  return row.seq < idCoveredFrom && (idlessHashEvent(row) === row.hash || legacyHashEvent(row) === row.hash);
}

/** How long a staged event (chainer.ts) may wait for its link before verify raises the alarm. */
const LINK_ALARM = Prisma.sql`interval '1 minute'`;

/**
 * Recomputes one chain from its first event and names the first broken link. Staged events are linked
 * first (a crash may have left some); verify covers the linked ones, and an event staged over a minute
 * ago and still not linked breaks the chain's report ('unlinked'): it is recorded but not yet protected.
 */
export async function verifyChain(db: DbClient, chain: string): Promise<ChainReport> {
  // A link that fails is reported by what it leaves staged.
  await linkStaged(db).catch(() => undefined);
  const report = await verifyLinked(db, chain);
  if (report.firstBroken) return report;
  const [stale] = await rawQuery<{ id: string }>(
    db,
    Prisma.sql`SELECT id::text FROM audit_pending WHERE chain = ${chain} AND staged_at < now() - ${LINK_ALARM} ORDER BY id LIMIT 1`,
  );
  return stale ? { ...report, firstBroken: { id: stale.id, seq: report.checked + 1, reason: 'unlinked' } } : report;
}

async function verifyLinked(db: DbClient, chain: string): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  const epoch = await db.auditHashEpoch.findUnique({ where: { chain }, select: { idCoveredFrom: true } });
  const idCoveredFrom = epoch?.idCoveredFrom ?? 1;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { chain, seq: { gte: expected } },
      orderBy: { seq: 'asc' },
      take: BATCH,
    });
    for (const row of rows) {
      const broken = (reason: BreakReason): ChainReport => ({
        chain,
        checked,
        firstBroken: { id: row.id.toString(), seq: row.seq, reason },
      });
      checked += 1;
      if (row.seq !== expected) return broken('sequence_gap');
      if (row.prevHash !== prev) return broken('link_mismatch');
      if (!hashMatches(row, idCoveredFrom)) return broken('hash_mismatch');
      prev = row.hash;
      expected += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.auditChainHead.findUnique({ where: { chain } });
  // The head is what the writers chain onto; losing it (or its last events) must not pass unseen.
  if (!head && checked > 0) return { chain, checked, firstBroken: { id: null, seq: expected, reason: 'missing_head' } };
  if (head && (head.seq !== expected - 1 || head.hash !== prev)) {
    return { chain, checked, firstBroken: { id: null, seq: expected, reason: 'missing_tail' } };
  }
  return { chain, checked, firstBroken: null };
}

/**
 * Verifies every chain (the CLI's view); a municipality's auditor verifies only theirs. Chains are
 * taken from the heads and from the events themselves, so a deleted head cannot hide a chain.
 */
export async function verifyAll(db: DbClient): Promise<ChainReport[]> {
  const rows = await db.$queryRaw<{ chain: string }[]>`
    SELECT chain FROM audit_chain_head UNION SELECT DISTINCT chain FROM audit_event
    UNION SELECT DISTINCT chain FROM audit_pending ORDER BY chain`;
  const reports: ChainReport[] = [];
  for (const { chain } of rows) reports.push(await verifyChain(db, chain));
  return reports;
}
