import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { subject } from '@casl/ability';
import { keysetPage } from '../../lib/cursor.js';
import { after, ruleSelect } from './access.js';
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

/** The list's columns plus what the case rules look at, for deciding each row's summary in memory. */
const listWithRulesSelect = { ...listSelect, ...ruleSelect } satisfies Prisma.CaseSelect;

type ListRow = Prisma.CaseGetPayload<{ select: typeof listSelect }> & { summaryVisible: boolean };

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
  // One statement: person, key worker and lead agency (and the disclosures) come by join, not a query each.
  const query = {
    relationLoadStrategy: 'join' as const,
    where,
    orderBy: [{ openedAt: 'desc' }, { id: 'desc' }] satisfies Prisma.CaseOrderByWithRelationInput[],
    take: input.limit + 1,
  };
  // When the summary rule is the read rule itself (a coordinator's), every listed row shows it. Otherwise each row
  // brings what the rules look at and the same CASL rules decide in memory, as the case page does: no second query.
  const sameRule = JSON.stringify(summaryReadable) === JSON.stringify(listReadable);
  const rows: ListRow[] = sameRule
    ? (await ctx.db.case.findMany({ ...query, select: listSelect })).map((r) => ({ ...r, summaryVisible: true }))
    : (await ctx.db.case.findMany({ ...query, select: listWithRulesSelect })).map(({ municipalityId, keyWorkerId, disclosures, ...r }) => ({
        ...r,
        summaryVisible: ctx.ability.can('read:summary', subject('Case', { id: r.id, municipalityId, keyWorkerId, disclosures }) as never),
      }));
  const { items, nextCursor } = keysetPage(rows, input.limit, (r) => ({ at: r.openedAt, id: r.id }));
  const { cursor: _c, limit: _l, ...filters } = input;
  ctx.audit.detail({ count: items.length, caseIds: items.map((r) => r.id), filters: Object.keys(filters).filter((k) => filters[k as keyof typeof filters] !== undefined), page: input.cursor ? 'next' : 'first' });
  return {
    items: items.map(({ summaryVisible, ...r }) =>
      summaryVisible ? { ...r, summaryVisible: true as const } : { id: r.id, reference: r.reference, stage: r.stage, summaryVisible: false as const },
    ),
    nextCursor,
  };
}
