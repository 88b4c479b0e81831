import { Prisma } from '../../generated/prisma/client.js';
import { rawQuery } from '../../db.js';
import { assertCan } from '../../auth/guard.js';
import { chainOf } from '../../audit/hash.js';
import { checkAgainstCheckpoints, lastCheckpoint, readCheckpoints, type AnchorReport } from '../../audit/checkpoints.js';
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
 * When the municipality's log was last anchored outside the database, and whether anchoring has
 * stopped: events older than two missed turns that no checkpoint covers (or no signing key at all).
 */
export async function anchorStatus(ctx: ServiceContext) {
  assertCan(ctx.ability, 'verify', 'AuditEvent');
  const chain = chainOf(ctx.user.municipalityId);
  const anchoring = ctx.anchoring;
  const last = anchoring ? await lastCheckpoint(anchoring.dir, chain, anchoring.signer.publicKey) : null;
  // The oldest event no checkpoint covers yet.
  const [pending] = await rawQuery<{ at: Date }>(
    ctx.db,
    Prisma.sql`SELECT at FROM audit_event WHERE chain = ${chain} AND seq = ${(last?.seq ?? 0) + 1}::int`,
  );
  const now = ctx.clock().getTime();
  const stopped = pending !== undefined && (!anchoring || now - pending.at.getTime() > graceMs(anchoring.everyMs));
  ctx.audit.detail({ lastSeq: last?.seq ?? null, stopped });
  return {
    configured: anchoring !== null && anchoring !== undefined,
    everyMinutes: anchoring ? anchoring.everyMs / 60_000 : null,
    last: last ? { seq: last.seq, at: new Date(last.at) } : null,
    unanchoredSince: pending?.at ?? null,
    stopped,
  };
}
