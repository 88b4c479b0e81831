import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { after, pageOf } from './access.js';
import type { ListCases } from './schema.js';

const DAY_MS = 86_400_000;
/** A live case with nothing on its timeline for this long is overdue for review. */
export const REVIEW_OVERDUE_DAYS = 30;

const listSelect = {
  id: true,
  reference: true,
  stage: true,
  cohort: true,
  openedAt: true,
  updatedAt: true,
  person: { select: { nameArabic: true, nameLatin: true } },
  keyWorker: { select: { id: true, displayName: true } },
  leadAgency: { select: { id: true, name: true } },
} satisfies Prisma.CaseSelect;

function overdue(now: Date): Prisma.CaseWhereInput {
  const since = new Date(now.getTime() - REVIEW_OVERDUE_DAYS * DAY_MS);
  return { stage: { notIn: ['closed', 'follow_up'] }, events: { none: { at: { gte: since } } } };
}

/**
 * The cases the user may see, newest opened first (openedAt desc, id desc), one keyset page at a
 * time. A row whose summary the user may not read shows its reference and stage only.
 */
export async function listCases(ctx: ServiceContext, input: ListCases) {
  assertCan(ctx.ability, 'read', 'Case');
  const summaryReadable = accessibleBy(ctx.ability, 'read:summary').ofType('Case');
  const listReadable = accessibleBy(ctx.ability).ofType('Case');
  // Filtering on a field a row hides would reveal it, so those filters only look at cases whose summary the user reads.
  const onHiddenFields = Boolean(input.cohort || input.keyWorkerId || input.leadAgencyId);
  const where: Prisma.CaseWhereInput = {
    AND: [
      listReadable,
      onHiddenFields ? summaryReadable : {},
      { stage: input.stage, cohort: input.cohort, keyWorkerId: input.keyWorkerId, leadAgencyId: input.leadAgencyId },
      input.reference ? { reference: { startsWith: input.reference, mode: 'insensitive' } } : {},
      input.overdue === undefined ? {} : input.overdue ? overdue(ctx.clock()) : { NOT: overdue(ctx.clock()) },
      after('openedAt', input.cursor),
    ],
  };
  const rows = await ctx.db.case.findMany({ where, select: listSelect, orderBy: [{ openedAt: 'desc' }, { id: 'desc' }], take: input.limit + 1 });
  const { items, nextCursor } = pageOf(rows, input.limit, (r) => r.openedAt);
  // When the summary rule is the read rule itself (a coordinator's), every listed row shows it: no second query.
  const sameRule = JSON.stringify(summaryReadable) === JSON.stringify(listReadable);
  const withSummary = sameRule
    ? new Set(items.map((r) => r.id))
    : new Set(
        (await ctx.db.case.findMany({ where: { AND: [summaryReadable, { id: { in: items.map((r) => r.id) } }] }, select: { id: true } })).map((r) => r.id),
      );
  const { cursor: _c, limit: _l, ...filters } = input;
  ctx.audit.record({
    action: 'case.list',
    entityType: 'Case',
    detail: { count: items.length, caseIds: items.map((r) => r.id), filters: Object.keys(filters).filter((k) => filters[k as keyof typeof filters] !== undefined), page: input.cursor ? 'next' : 'first' },
  });
  return {
    items: items.map((r) =>
      withSummary.has(r.id)
        ? { ...r, summaryVisible: true as const }
        : { id: r.id, reference: r.reference, stage: r.stage, summaryVisible: false as const },
    ),
    nextCursor,
  };
}
