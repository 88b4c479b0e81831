import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { chainOf } from '../../audit/hash.js';
import { verifyChain } from '../../audit/verify.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ListAuditInput } from './schema.js';

const eventSelect = {
  id: true,
  seq: true,
  at: true,
  actorId: true,
  actorRole: true,
  action: true,
  entityType: true,
  entityId: true,
  outcome: true,
  purpose: true,
  requestId: true,
  ip: true,
  detail: true,
  actor: { select: { displayName: true, email: true } },
} satisfies Prisma.AuditEventSelect;

/** The events this auditor may read that match audit.list's filters (shared by the list and the export). */
export function auditWhere(
  ctx: Pick<ServiceContext, 'ability'>,
  f: Omit<z.infer<typeof ListAuditInput>, 'cursor' | 'limit'>,
  extra: Prisma.AuditEventWhereInput = {},
): Prisma.AuditEventWhereInput {
  return {
    AND: [
      accessibleBy(ctx.ability).ofType('AuditEvent'),
      {
        actorId: f.actorId,
        action: f.action ? { startsWith: f.action } : undefined,
        entityType: f.entityType,
        entityId: f.entityId,
        outcome: f.outcome,
        at: f.from || f.to ? { gte: f.from, lt: f.to } : undefined,
      },
      extra,
    ],
  };
}

/** The municipality's audit log, newest first, filtered, one keyset page at a time. */
export async function listEvents(ctx: ServiceContext, input: z.infer<typeof ListAuditInput>) {
  assertCan(ctx.ability, 'read', 'AuditEvent');
  const where = auditWhere(ctx, input, { id: input.cursor ? { lt: BigInt(input.cursor) } : undefined });
  const rows = await ctx.db.auditEvent.findMany({ where, select: eventSelect, orderBy: { id: 'desc' }, take: input.limit + 1 });
  const items = rows.slice(0, input.limit).map((r) => ({ ...r, id: r.id.toString() }));
  const nextCursor = rows.length > input.limit ? items[items.length - 1]!.id : null;
  const { cursor: _c, limit: _l, ...filters } = input;
  ctx.audit.detail({ filters: Object.keys(filters).filter((k) => filters[k as keyof typeof filters] !== undefined), page: input.cursor ? 'next' : 'first' });
  return { items, nextCursor };
}

/** Recomputes the municipality's chain; names the first broken event, if any. */
export async function verify(ctx: ServiceContext) {
  assertCan(ctx.ability, 'verify', 'AuditEvent');
  const report = await verifyChain(ctx.db, chainOf(ctx.user.municipalityId));
  ctx.audit.detail({ checked: report.checked, broken: report.firstBroken ? report.firstBroken.seq : null });
  return { checked: report.checked, firstBroken: report.firstBroken, verifiedAt: ctx.clock() };
}
