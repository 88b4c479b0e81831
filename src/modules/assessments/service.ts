import { subject } from '@casl/ability';
import { accessibleBy } from '../../auth/casl.js';
import { AppError, forbidden } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { randomUUID } from 'node:crypto';
import { openText, sealText } from '../../crypto/envelope.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { findCase, recordEvent, ruleSelect } from '../cases/access.js';
import { factorOrder } from './factors.js';
import { assertCan } from '../../auth/guard.js';
import { trendOf } from './trend.js';
import { scaleOf } from '../../shared/assessments.js';
import type { CreateAssessment } from './schema.js';

/**
 * The field names bound into the ciphertexts, with the row: the assessment's id, a rating's
 * `<assessment id>/<factor id>` (crypto/rotate.ts). Under the case's record key.
 */
export const JUDGEMENT_FIELD = 'assessment.judgement';
export const COMMENT_FIELD = 'assessment.comment';

const factorFields = {
  id: true,
  domain: true,
  code: true,
  labelAr: true,
  labelFr: true,
  labelEn: true,
  position: true,
  active: true,
} satisfies Prisma.AssessmentFactorSelect;

const assessmentSelect = {
  id: true,
  assessedAt: true,
  overallJudgement: true,
  assessor: { select: { id: true, displayName: true } },
  ratings: { select: { rating: true, comment: true, factor: { select: factorFields } } },
} satisfies Prisma.AssessmentSelect;

type RuleRow = Prisma.CaseGetPayload<{ select: typeof ruleSelect }>;

/** True when the user may rate this case now: a trained assessor within its reach (the policy's `rate`). */
export function mayRate(ctx: Pick<ServiceContext, 'ability'>, c: RuleRow) {
  return ctx.ability.can('rate', subject('Assessment', { municipalityId: c.municipalityId, caseId: c.id, case: { ...c } }) as never);
}

/**
 * `assessments.list`: a case's assessments, newest first, with their ratings in the form's order
 * (comments and judgement decrypted), the trend oldest first, and, for whoever may rate, the active
 * factors of a new form. A case out of reach is NOT_FOUND. Audited with the assessments shown.
 */
export async function listAssessments(ctx: ServiceContext, caseId: string) {
  assertCan(ctx.ability, 'read', 'Assessment');
  const c = await findCase(ctx, caseId, 'read:assessments', ruleSelect);
  const rows = await ctx.db.assessment.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('Assessment'), { caseId }] },
    select: assessmentSelect,
    orderBy: [{ assessedAt: 'desc' }, { id: 'desc' }],
  });
  const assessments = await Promise.all(
    rows.map(async (a) => ({
      id: a.id,
      assessedAt: a.assessedAt,
      assessor: a.assessor,
      overallJudgement: await openText(ctx, JUDGEMENT_FIELD, a.id, a.overallJudgement),
      ratings: (
        await Promise.all(
          a.ratings.map(async (r) => ({
            factor: r.factor,
            rating: r.rating,
            comment: await openText(ctx, COMMENT_FIELD, `${a.id}/${r.factor.id}`, r.comment),
          })),
        )
      ).sort(
        (x, y) =>
          DOMAIN_RANK[x.factor.domain] - DOMAIN_RANK[y.factor.domain] ||
          x.factor.position - y.factor.position ||
          x.factor.code.localeCompare(y.factor.code),
      ),
    })),
  );
  const canRate = mayRate(ctx, c);
  const factors = canRate
    ? await ctx.db.assessmentFactor.findMany({
        where: { municipalityId: c.municipalityId, active: true },
        select: factorFields,
        orderBy: factorOrder,
      })
    : null;
  ctx.audit.detail({ assessmentIds: assessments.map((a) => a.id) });
  return { assessments, trend: trendOf(assessments), canRate, factors };
}

const DOMAIN_RANK = { engagement: 0, intent: 1, capability: 2, protective: 3 } as const;

/**
 * Checks a form against the municipality's active factors: each one rated exactly once (possibly
 * "unknown"), on its domain's scale. Problems come back per factor, as `ratings.<factorId>`.
 */
async function checkRatings(ctx: ServiceContext, municipalityId: string, ratings: CreateAssessment['ratings']) {
  const factors = await ctx.db.assessmentFactor.findMany({ where: { municipalityId, active: true }, select: { id: true, domain: true } });
  const byId = new Map(factors.map((f) => [f.id, f]));
  const given = new Set(ratings.map((r) => r.factorId));
  const fields: Record<string, string> = {};
  for (const r of ratings) {
    const factor = byId.get(r.factorId);
    if (!factor) fields[`ratings.${r.factorId}`] = 'factor_inactive';
    else if (!scaleOf(factor.domain).includes(r.rating))
      fields[`ratings.${r.factorId}`] = factor.domain === 'protective' ? 'rating_protective' : 'rating_risk';
  }
  for (const f of factors) if (!given.has(f.id)) fields[`ratings.${f.id}`] = 'rating_required';
  if (Object.keys(fields).length) throw new AppError('BAD_INPUT', { fields });
}

/**
 * `assessments.create`: a trained assessor within the case's reach records a full assessment.
 * Out of reach: NOT_FOUND; within reach but not allowed to rate: FORBIDDEN. Judgement and comments
 * are encrypted; the timeline and the audit event carry ids and counts only.
 */
export async function createAssessment(ctx: ServiceContext, input: CreateAssessment) {
  assertCan(ctx.ability, 'read', 'Assessment');
  const c = await findCase(ctx, input.caseId, 'read:assessments', ruleSelect);
  // They may see the assessments, so this refusal hides nothing: FORBIDDEN.
  if (!mayRate(ctx, c)) throw forbidden('Assessment');
  await checkRatings(ctx, c.municipalityId, input.ratings);
  const now = ctx.clock();
  const id = randomUUID();
  const owner = { kind: 'case' as const, id: c.id };
  const comments = await Promise.all(
    input.ratings.map((r) => (r.comment ? sealText(ctx, owner, COMMENT_FIELD, `${id}/${r.factorId}`, r.comment) : null)),
  );
  const created = await ctx.db.assessment.create({
    data: {
      id,
      caseId: c.id,
      municipalityId: c.municipalityId,
      assessorId: ctx.user.id,
      assessedAt: now,
      createdAt: now,
      overallJudgement: await sealText(ctx, owner, JUDGEMENT_FIELD, id, input.overallJudgement),
      ratings: {
        // One INSERT for the whole form.
        createMany: {
          data: input.ratings.map((r, i) => ({
            factorId: r.factorId,
            municipalityId: c.municipalityId,
            rating: r.rating,
            comment: comments[i] ?? null,
          })),
        },
      },
    },
    select: { id: true, assessedAt: true },
  });
  const unknown = input.ratings.filter((r) => r.rating === 'unknown').length;
  const detail = { assessmentId: created.id, ratings: input.ratings.length, unknown };
  await recordEvent(ctx, c, 'assessment', { assessmentId: created.id });
  ctx.audit.detail(detail);
  return created;
}
