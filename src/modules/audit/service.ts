import { linkBeforeReading } from '../../audit/chainer.js';
import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError } from '../../errors.js';
import { escapeLike } from '../../lib/text.js';
import { chainOf } from '../../audit/hash.js';
import { verifyChain } from '../../audit/verify.js';
import { checkAnchors } from './anchors.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ListAuditInput } from './schema.js';

// No `id`: it comes from one sequence shared by every municipality, so it would tell one town's
// auditor how busy the others are. `seq` numbers the events of this municipality's chain.
export const eventSelect = {
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
  ctx: Pick<ServiceContext, 'ability' | 'user'>,
  f: Omit<z.infer<typeof ListAuditInput>, 'cursor' | 'limit'>,
  extra: Prisma.AuditEventWhereInput = {},
): Prisma.AuditEventWhereInput {
  return {
    AND: [
      accessibleBy(ctx.ability).ofType('AuditEvent'),
      {
        actorId: f.actorId,
        // A prefix the auditor typed: '%' and '_' are letters here, never wildcards.
        action: f.action ? { startsWith: escapeLike(f.action) } : undefined,
        entityType: f.entityType,
        entityId: f.entityId,
        outcome: f.outcome,
        at: f.from || f.to ? { gte: f.from, lt: f.to } : undefined,
        // Through the link table's primary key (municipality, type, id, event), as the access history reads it.
        touched: f.record
          ? { some: { municipalityId: ctx.user.municipalityId, entityType: f.record.type, entityId: f.record.id } }
          : undefined,
      },
      extra,
    ],
  };
}

/** The municipality's audit log, newest first, filtered, one keyset page at a time. */
export async function listEvents(ctx: ServiceContext, input: z.infer<typeof ListAuditInput>) {
  await linkBeforeReading(ctx.db);
  assertCan(ctx.ability, 'read', 'AuditEvent');
  const where = auditWhere(ctx, input, { id: input.cursor ? { lt: await cursorId(ctx, input.cursor) } : undefined });
  const rows = await ctx.db.auditEvent.findMany({ where, select: eventSelect, orderBy: { id: 'desc' }, take: input.limit + 1 });
  const items = rows.slice(0, input.limit);
  const nextCursor = rows.length > input.limit ? String(items[items.length - 1]!.seq) : null;
  const { cursor: _c, limit: _l, ...filters } = input;
  ctx.audit.detail({
    filters: Object.keys(filters).filter((k) => filters[k as keyof typeof filters] !== undefined),
    page: input.cursor ? 'next' : 'first',
  });
  return { items, nextCursor };
}

/**
 * The id behind a cursor (the seq of the last event of the previous page): ids and seqs rise together
 * within a chain, and paging on the id keeps every filter's index usable. A seq that names no event of
 * the reader's chain was not handed out by this list.
 */
export async function cursorId(ctx: ServiceContext, cursor: number): Promise<bigint> {
  const row = await ctx.db.auditEvent.findUnique({
    where: { chain_seq: { chain: chainOf(ctx.user.municipalityId), seq: cursor } },
    select: { id: true },
  });
  if (!row) throw new AppError('BAD_INPUT', { fields: { cursor: 'invalid' } });
  return row.id;
}

/**
 * Recomputes the municipality's chain and compares it with the signed checkpoints written outside the
 * database; names the first broken event and the first checkpoint the database contradicts, if any.
 */
export async function verify(ctx: ServiceContext) {
  assertCan(ctx.ability, 'verify', 'AuditEvent');
  const chain = chainOf(ctx.user.municipalityId);
  const report = await verifyChain(ctx.db, chain);
  const anchors = await checkAnchors(ctx, chain);
  const firstBroken = report.firstBroken && { seq: report.firstBroken.seq, reason: report.firstBroken.reason };
  ctx.audit.detail({
    checked: report.checked,
    broken: firstBroken?.seq ?? null,
    checkpoints: anchors?.checked ?? null,
    contradicted: anchors?.firstContradicted?.seq ?? null,
  });
  return { checked: report.checked, firstBroken, anchors, verifiedAt: ctx.clock() };
}
