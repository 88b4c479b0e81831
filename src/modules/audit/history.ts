import { linkBeforeReading } from '../../audit/chainer.js';
import { assertCan } from '../../auth/guard.js';
import { notFound } from '../../errors.js';
import type { HistoryType } from '../../shared/audit-actions.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ServiceContext } from '../../service.js';
import { cursorId } from './service.js';

/** Which record's history: an id, or (for a case) its reference. */
export interface HistoryQuery {
  id?: string;
  reference?: string;
  cursor?: number;
  limit: number;
}

// As in the log: `seq`, never the global id. No entity id, request, IP or detail goes out as such:
// only the facts the page names in words (sections, the refusal's code).
const historySelect = {
  seq: true,
  at: true,
  actorRole: true,
  action: true,
  entityType: true,
  entityId: true,
  outcome: true,
  detail: true,
  actor: { select: { displayName: true, agency: { select: { name: true } } } },
} satisfies Prisma.AuditEventSelect;

type HistoryRow = Prisma.AuditEventGetPayload<{ select: typeof historySelect }>;

const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : null);

/**
 * The record the history is asked of, in the reader's municipality. The history right is
 * municipality-wide and auditors read no case content, so only its existence is checked here, and
 * only its id, reference and when it was anonymised are read; a record elsewhere or nowhere is NOT_FOUND alike.
 */
async function recordOf(
  ctx: ServiceContext,
  type: HistoryType,
  q: HistoryQuery,
): Promise<{ id: string; reference: string | null; anonymisedAt: Date | null }> {
  const municipalityId = ctx.user.municipalityId;
  // Whether retention anonymised it: the page says so (its accesses, and the anonymisation itself, stay listed).
  if (type === 'Case') {
    const found = await ctx.db.case.findFirst({
      where: { municipalityId, ...(q.id ? { id: q.id } : { reference: q.reference }) },
      select: { id: true, reference: true, anonymisedAt: true },
    });
    if (!found) throw notFound('Case', q.id);
    return found;
  }
  const where = { municipalityId, id: q.id };
  const found =
    type === 'Person'
      ? await ctx.db.person.findFirst({ where, select: { id: true, anonymisedAt: true } })
      : await ctx.db.referral.findFirst({ where, select: { id: true, anonymisedAt: true } });
  if (!found) throw notFound(type, q.id);
  return { id: found.id, reference: null, anonymisedAt: found.anonymisedAt };
}

/** One access, as the page shows it. `via` says whether the event was about the record or showed it beside another. */
function entryOf(e: HistoryRow, type: HistoryType, id: string) {
  const detail = (e.detail ?? {}) as Record<string, unknown>;
  const about = e.entityType === type && e.entityId === id;
  return {
    seq: e.seq,
    at: e.at,
    action: e.action,
    outcome: e.outcome,
    actor: e.actor ? { name: e.actor.displayName, role: e.actorRole, agency: e.actor.agency?.name ?? null } : null,
    via: about ? ('record' as const) : ('shown' as const),
    /** The kind of record the event was about, when it showed this one beside it (a meeting's pack, a person's search). */
    through: about ? null : e.entityType,
    sections: about ? strings(detail.sections) : null,
    refusal: e.outcome === 'denied' && typeof detail.code === 'string' ? detail.code : null,
  };
}

/**
 * Every access to one case, person or referral, newest first, one keyset page at a time: the events
 * that name it or showed it (audit_event_entity, a range of its primary key). For auditors and
 * coordinators of its municipality; the look is itself an event about the record, so it is in the
 * history too.
 */
export async function accessHistory(ctx: ServiceContext, type: HistoryType, q: HistoryQuery) {
  await linkBeforeReading(ctx.db);
  assertCan(ctx.ability, 'history', 'AuditEvent');
  const record = await recordOf(ctx, type, q);
  ctx.audit.subject(type, record.id);
  const before = q.cursor ? await cursorId(ctx, q.cursor) : undefined;
  const links = await ctx.db.auditEventEntity.findMany({
    where: { municipalityId: ctx.user.municipalityId, entityType: type, entityId: record.id, eventId: before ? { lt: before } : undefined },
    select: { event: { select: historySelect } },
    orderBy: { eventId: 'desc' },
    take: q.limit + 1,
  });
  const items = links.slice(0, q.limit).map((l) => entryOf(l.event, type, record.id));
  const nextCursor = links.length > q.limit ? String(items[items.length - 1]!.seq) : null;
  ctx.audit.detail({ count: items.length, page: q.cursor ? 'next' : 'first', ...(q.reference ? { byReference: true } : {}) });
  return { record: { type, ...record }, items, nextCursor };
}
