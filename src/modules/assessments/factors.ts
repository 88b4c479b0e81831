import { randomBytes } from 'node:crypto';
import { accessibleBy } from '../../auth/casl.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { assertCan } from '../../auth/guard.js';
import type { CreateFactor, UpdateFactor } from './schema.js';

export const factorSelect = {
  id: true,
  domain: true,
  code: true,
  labelAr: true,
  labelFr: true,
  labelEn: true,
  position: true,
  active: true,
  _count: { select: { ratings: true } },
} satisfies Prisma.AssessmentFactorSelect;

/** Domain order (the enum's), then the admin's position, then code: the form's order. */
export const factorOrder = [
  { domain: 'asc' },
  { position: 'asc' },
  { code: 'asc' },
] satisfies Prisma.AssessmentFactorOrderByWithRelationInput[];

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';
const codeTaken = () => new AppError('CONFLICT', { fields: { code: 'CONFLICT' } });

/**
 * `assessments.factors`: the municipality's framework. The admin keeps it; whoever may read
 * assessments reads it. `used` says how many ratings refer to a factor (then it is retired, not removed).
 */
export async function listFactors(ctx: ServiceContext, includeInactive: boolean) {
  assertCan(ctx.ability, 'read', 'AssessmentFactor');
  const rows = await ctx.db.assessmentFactor.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('AssessmentFactor'), includeInactive ? {} : { active: true }] },
    select: factorSelect,
    orderBy: factorOrder,
  });
  ctx.audit.detail({ count: rows.length, factorIds: rows.map((f) => f.id) });
  return rows.map(({ _count, ...f }) => ({ ...f, used: _count.ratings }));
}

/** `assessments.createFactor` (admin): a new factor of the municipality, active, at the end of its domain by default. */
export async function createFactor(ctx: ServiceContext, input: CreateFactor) {
  assertCan(ctx.ability, 'create', 'AssessmentFactor');
  const municipalityId = ctx.user.municipalityId;
  const position =
    input.position ??
    ((await ctx.db.assessmentFactor.aggregate({ where: { municipalityId, domain: input.domain }, _max: { position: true } }))._max
      .position ?? 0) + 1;
  const code = input.code ?? `custom_${randomBytes(4).toString('hex')}`;
  const { _count, ...factor } = await ctx.db.assessmentFactor
    .create({ data: { ...input, code, position, municipalityId }, select: factorSelect })
    .catch((err) => {
      throw isUniqueViolation(err) ? codeTaken() : err;
    });
  ctx.audit.subject('AssessmentFactor', factor.id).detail({ domain: factor.domain, code });
  return { ...factor, used: _count.ratings };
}

/**
 * `assessments.updateFactor` (admin): labels, position, retire or bring back. There is no delete:
 * a factor that was rated stays, retired, so past assessments keep their meaning.
 */
export async function updateFactor(ctx: ServiceContext, input: UpdateFactor) {
  assertCan(ctx.ability, 'update', 'AssessmentFactor');
  const { id, ...changes } = input;
  const before = await ctx.db.assessmentFactor.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'update').ofType('AssessmentFactor'), { id }] },
    select: { labelAr: true, labelFr: true, labelEn: true, position: true, active: true },
  });
  if (!before) throw notFound('AssessmentFactor', id);
  const { _count, ...factor } = await ctx.db.assessmentFactor.update({ where: { id }, data: changes, select: factorSelect });
  const changed = Object.keys(changes).filter((k) => {
    const v = changes[k as keyof typeof changes];
    return v !== undefined && before[k as keyof typeof before] !== v;
  });
  if (changes.active === false && before.active) ctx.audit.narrow('assessment.factor.retire');
  if (changes.active === true && !before.active) ctx.audit.narrow('assessment.factor.reactivate');
  ctx.audit.detail({ changed });
  return { ...factor, used: _count.ratings };
}
