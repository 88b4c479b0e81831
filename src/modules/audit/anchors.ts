import { linkBeforeReading } from '../../audit/chainer.js';
import { Prisma } from '../../generated/prisma/client.js';
import { rawQuery, type DbClient } from '../../db.js';
import { assertCan } from '../../auth/guard.js';
import { chainOf } from '../../audit/hash.js';
import { checkAgainstCheckpoints, lastCheckpoint, readCheckpoints, type Anchoring, type AnchorReport } from '../../audit/checkpoints.js';
import type { ServiceContext } from '../../service.js';

/** The chain compared with its checkpoints; null when this server anchors nothing (no signing key). */
export async function checkAnchors(ctx: ServiceContext, chain: string): Promise<Omit<AnchorReport, 'chain'> | null> {
  if (!ctx.anchoring) return null;
  const entries = await readCheckpoints(ctx.anchoring.dir, chain);
  const { chain: _c, ...report } = await checkAgainstCheckpoints(ctx.db, chain, entries, ctx.anchoring.signer.publicKey);
  return report;
}

/** How late anchoring may be before the page warns: two missed turns and a minute. */
const graceMs = (everyMs: number) => 2 * everyMs + 60_000;

/**
 * A chain's anchoring at `now`: the last checkpoint, the oldest event no checkpoint covers yet, and
 * whether anchoring has stopped (that event is older than two missed turns, or nothing anchors at all).
 * Shared by the audit page and the flag rule of stopped checkpoints.
 */
export async function anchoringOf(db: DbClient, anchoring: Anchoring | null | undefined, chain: string, now: Date) {
  const last = anchoring ? await lastCheckpoint(anchoring.dir, chain, anchoring.signer.publicKey) : null;
  const pendingSeq = (last?.seq ?? 0) + 1;
  const [pending] = await rawQuery<{ at: Date }>(
    db,
    Prisma.sql`SELECT at FROM audit_event WHERE chain = ${chain} AND seq = ${pendingSeq}::int`,
  );
  const stopped = pending !== undefined && (!anchoring || now.getTime() - pending.at.getTime() > graceMs(anchoring.everyMs));
  return { last, pending: pending ? { seq: pendingSeq, at: pending.at } : null, stopped };
}

/**
 * When the municipality's log was last anchored outside the database, and whether anchoring has
 * stopped: events older than two missed turns that no checkpoint covers (or no signing key at all).
 */
export async function anchorStatus(ctx: ServiceContext) {
  await linkBeforeReading(ctx.db);
  assertCan(ctx.ability, 'verify', 'AuditEvent');
  const anchoring = ctx.anchoring;
  const { last, pending, stopped } = await anchoringOf(ctx.db, anchoring, chainOf(ctx.user.municipalityId), ctx.clock());
  ctx.audit.detail({ lastSeq: last?.seq ?? null, stopped });
  return {
    configured: anchoring !== null && anchoring !== undefined,
    everyMinutes: anchoring ? anchoring.everyMs / 60_000 : null,
    last: last ? { seq: last.seq, at: new Date(last.at) } : null,
    unanchoredSince: pending?.at ?? null,
    stopped,
  };
}
