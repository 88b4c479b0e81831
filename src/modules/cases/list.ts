import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { subject } from '@casl/ability';
import { keysetPage } from '../../lib/cursor.js';
import { municipalToday } from '../work/calendar.js';
import { after, ruleSelect } from './access.js';
import type { ListCases } from './schema.js';
import { listRule, listSqlPage } from './list-sql.js';

const listSelect = {
  id: true,
  reference: true,
  stage: true,
  cohort: true,
  openedAt: true,
  updatedAt: true,
  personId: true,
  person: { select: { nameArabic: true, nameLatin: true } },
  keyWorker: { select: { id: true, displayName: true } },
  leadAgency: { select: { id: true, name: true } },
} satisfies Prisma.CaseSelect;

/** The list's columns plus what the case rules look at, for deciding each row's summary in memory. */
const listWithRulesSelect = { ...listSelect, ...ruleSelect } satisfies Prisma.CaseSelect;

type ListRow = Prisma.CaseGetPayload<{ select: typeof listSelect }> & { summaryVisible: boolean };

/** Overdue for review, as everywhere else (the reminders, the case page): open, and its review date is before today. */
function overdue(today: Date): Prisma.CaseWhereInput {
  return { stage: { notIn: ['closed', 'follow_up'] }, nextReviewAt: { lt: today } };
}

/** Its exact complement: a case with no review date is not overdue (NOT would drop it, as SQL's NULL does). */
function notOverdue(today: Date): Prisma.CaseWhereInput {
  return { OR: [{ stage: { in: ['closed', 'follow_up'] } }, { nextReviewAt: null }, { nextReviewAt: { gte: today } }] };
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
  // "Today" where the municipality is: after midnight in Amman, yesterday's review date is overdue.
  const today = input.overdue === undefined ? null : await municipalToday(ctx.db, ctx.user.municipalityId, ctx.clock());
  const where: Prisma.CaseWhereInput = {
    AND: [
      listReadable,
      onHiddenFields ? summaryReadable : {},
      { stage: input.stage, cohort: input.cohort, keyWorkerId: input.keyWorkerId, leadAgencyId: input.leadAgencyId },
      input.reference ? { reference: { startsWith: input.reference, mode: 'insensitive' } } : {},
      today === null ? {} : input.overdue ? overdue(today) : notOverdue(today),
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
  // The common page under the two common rule sets is one hand-written statement (list-sql.ts).
  const plain = !onHiddenFields && !input.reference && input.overdue === undefined;
  const rule = plain ? listRule(ctx, listReadable, summaryReadable) : null;
  const rows: ListRow[] = rule
    ? await listSqlPage(ctx, rule, { stage: input.stage, cursor: input.cursor, take: input.limit + 1 })
    : sameRule
      ? (await ctx.db.case.findMany({ ...query, select: listSelect })).map((r) => ({ ...r, summaryVisible: true }))
      : (await ctx.db.case.findMany({ ...query, select: listWithRulesSelect })).map(
          ({ municipalityId, keyWorkerId, disclosures, breakGlasses, ...r }) => ({
            ...r,
            // Every field the rules look at, break-glasses too (a live one with 'summary' shows it); none goes out.
            summaryVisible: ctx.ability.can(
              'read:summary',
              subject('Case', { id: r.id, municipalityId, keyWorkerId, disclosures, breakGlasses }) as never,
            ),
          }),
        );
  const { items, nextCursor } = keysetPage(rows, input.limit, (r) => ({ at: r.openedAt, id: r.id }));
  const { cursor: _c, limit: _l, ...filters } = input;
  // Every row shown is in its case's access history; a row with its summary names its person too.
  ctx.audit
    .touched(
      'Case',
      items.map((r) => r.id),
    )
    .touched(
      'Person',
      items.flatMap((r) => (r.summaryVisible ? [r.personId] : [])),
    );
  ctx.audit.detail({
    count: items.length,
    filters: Object.keys(filters).filter((k) => filters[k as keyof typeof filters] !== undefined),
    page: input.cursor ? 'next' : 'first',
  });
  return {
    items: items.map(({ summaryVisible, personId: _p, ...r }) =>
      summaryVisible
        ? { ...r, summaryVisible: true as const }
        : { id: r.id, reference: r.reference, stage: r.stage, summaryVisible: false as const },
    ),
    nextCursor,
  };
}
