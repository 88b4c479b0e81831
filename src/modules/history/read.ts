import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { findCase, ruleSelect, visibleSections } from '../cases/access.js';
import { planOf } from '../cases/interventions.js';
import { historyOf } from './record.js';

/** The fields whose history each record shows (what a correction or save may change). */
export const PERSON_FIELDS = [
  'nameArabic',
  'nameLatin',
  'birthDate',
  'birthYear',
  'sex',
  'nationality',
  'languages',
  'cohort',
  'contact',
  'guardianName',
  'guardianContact',
  'fatherName',
  'locality',
  'governorate',
  'birthYearEstimated',
  'safeContact',
] as const;
const REFERRAL_FIELDS = ['cohort', 'source', 'urgency', 'concernCategories', 'concernCorrection'] as const;
const INTERVENTION_FIELDS = ['status', 'outcome'] as const;

/** A person's details' history, to those who may read the person (the same rule as people.get). */
export async function personHistory(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'read', 'Person');
  const person = await ctx.db.person.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id }] },
    select: { id: true },
  });
  if (!person) throw notFound('Person', id);
  return historyOf(ctx, 'Person', [id], PERSON_FIELDS);
}

/** A referral's history (its facts and the corrections of its concern), to those who may read the referral. */
export async function referralHistory(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'read', 'Referral');
  const referral = await ctx.db.referral.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('Referral'), { id }] },
    select: { id: true },
  });
  if (!referral) throw notFound('Referral', id);
  return historyOf(ctx, 'Referral', [id], REFERRAL_FIELDS);
}

/**
 * A case's history by section: the summary's to those who read the summary, the interventions' to
 * those who read the plan (and only the interventions they see there). A case out of reach is NOT_FOUND.
 */
export async function caseHistory(ctx: ServiceContext, id: string) {
  const c = await findCase(ctx, id, 'read', ruleSelect);
  const sections = visibleSections(ctx, c);
  const summary = sections.includes('summary') ? await historyOf(ctx, 'Case', [id], ['summary']) : null;
  const plan = sections.includes('plan') ? await planOf(ctx, id) : null;
  const interventions = plan
    ? (
        await historyOf(
          ctx,
          'Intervention',
          plan.map((i) => i.id),
          INTERVENTION_FIELDS,
        )
      ).map((h) => ({
        ...h,
        title: plan.find((i) => i.id === h.entityId)?.title ?? '',
      }))
    : null;
  ctx.audit.detail({ sections: [...(summary ? ['summary'] : []), ...(interventions ? ['plan'] : [])] });
  return { summary, interventions };
}
