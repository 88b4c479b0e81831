import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { keysetPage } from '../../lib/cursor.js';
import { URGENCIES } from '../../shared/vocabulary.js';
import type { Position, QueueInput } from './schema.js';
import { personDisplaySelect } from './service.js';
import { workingDaysBetween } from './working-days.js';
import { loadCalendar } from '../work/calendar.js';

const queueSelect = {
  id: true,
  submittedAt: true,
  urgency: true,
  cohort: true,
  cohortItemId: true,
  source: true,
  concernCategories: true,
  person: { select: personDisplaySelect },
  referrer: { select: { id: true, displayName: true } },
  referrerAgency: { select: { id: true, name: true } },
} satisfies Prisma.ReferralSelect;

/**
 * Rows after `p` in queue order: a less urgent tier, or the same tier and later (then by id).
 * The urgency enum is declared least urgent first, so "less urgent" is the part of URGENCIES before it.
 */
function after(p: Position): Prisma.ReferralWhereInput {
  const urgency = p.urgency ?? 'routine';
  const lessUrgent = URGENCIES.slice(0, URGENCIES.indexOf(urgency));
  return {
    OR: [{ urgency: { in: lessUrgent } }, { urgency, submittedAt: { gt: p.at } }, { urgency, submittedAt: p.at, id: { gt: p.id } }],
  };
}

/**
 * The coordinator's screening queue: submitted referrals of the municipality. Order: immediate
 * danger first, then priority, then routine, and oldest first within each, so an urgent referral
 * is never buried under a week of routine ones while the SLA still orders the rest. Each row
 * carries its age in working days (the municipality's weekend and public holidays, its local date)
 * against the municipality's screening SLA; past it is overdue.
 */
export async function listQueue(ctx: ServiceContext, input: z.infer<typeof QueueInput>) {
  assertCan(ctx.ability, 'screen', 'Referral');
  const position = input.cursor ?? null;
  const { screeningSlaDays } = await ctx.db.municipality.findUniqueOrThrow({
    where: { id: ctx.user.municipalityId },
    select: { screeningSlaDays: true },
  });
  const rows = await ctx.db.referral.findMany({
    where: { AND: [accessibleBy(ctx.ability, 'screen').ofType('Referral'), { status: 'submitted' }, position ? after(position) : {}] },
    select: queueSelect,
    orderBy: [{ urgency: 'desc' }, { submittedAt: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
  });
  const { items, nextCursor } = keysetPage(rows, input.limit, (r) => ({ urgency: r.urgency, at: r.submittedAt, id: r.id }));
  ctx.audit
    .touched(
      'Referral',
      items.map((r) => r.id),
    )
    .touched(
      'Person',
      items.map((r) => r.person.id),
    );
  ctx.audit.detail({ count: items.length, page: position ? 'next' : 'first' });
  const now = ctx.clock();
  const calendar = await loadCalendar(ctx.db, ctx.user.municipalityId, now);
  return {
    slaDays: screeningSlaDays,
    items: items.map((r) => {
      const ageWorkingDays = workingDaysBetween(r.submittedAt, now, calendar);
      return { ...r, ageWorkingDays, overdue: ageWorkingDays > screeningSlaDays };
    }),
    nextCursor,
  };
}
