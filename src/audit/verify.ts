import type { DbClient } from '../db.js';
import { GENESIS_HASH, hashEvent, idlessHashEvent, legacyHashEvent, type HashedEvent } from './hash.js';

export type BreakReason = 'hash_mismatch' | 'link_mismatch' | 'sequence_gap' | 'missing_tail' | 'missing_head';

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

/** Recomputes one chain from its first event and names the first broken link. */
export async function verifyChain(db: DbClient, chain: string): Promise<ChainReport> {
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
    SELECT chain FROM audit_chain_head UNION SELECT DISTINCT chain FROM audit_event ORDER BY chain`;
  const reports: ChainReport[] = [];
  for (const { chain } of rows) reports.push(await verifyChain(db, chain));
  return reports;
}
