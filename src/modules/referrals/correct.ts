import { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { text } from '../../lib/text.js';
import { COHORTS, CONCERN_CATEGORIES, REFERRAL_SOURCES, URGENCIES } from '../../shared/vocabulary.js';
import { diff, recordChanges, staleVersion, type Change } from '../history/record.js';
import { chosenItem, chosenItems } from '../lists/chosen.js';

/**
 * A correction of a referral's facts. The concern text stays as the referrer wrote it: what was wrong
 * in it is said in a correction (`concernCorrection`), a new entry of the referral's history.
 */
export const CorrectReferralInput = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  cohort: z.enum(COHORTS).optional(),
  source: z.enum(REFERRAL_SOURCES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  concernCategories: z
    .array(z.enum(CONCERN_CATEGORIES))
    .min(1)
    .max(CONCERN_CATEGORIES.length)
    .transform((list) => [...new Set(list)])
    .optional(),
  concernCorrection: text().min(10).max(2000).optional(),
});
type CorrectReferral = z.infer<typeof CorrectReferralInput>;

/** The facts a correction may change, as the history names them. */
export const REFERRAL_FACTS = ['cohort', 'source', 'urgency', 'concernCategories'] as const;

/**
 * Corrects a referral's facts (DESIGN: own referrals | coordinator): NOT_FOUND out of reach,
 * STALE_VERSION when it changed since the form was opened. Each changed fact, and the correction of
 * the concern, is an entry of the referral's history; the audit event names the fields, not values.
 */
export async function correctReferral(ctx: ServiceContext, input: CorrectReferral) {
  assertCan(ctx.ability, 'correct', 'Referral');
  const row = await ctx.db.referral.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'correct').ofType('Referral'), { id: input.id }] },
    select: {
      id: true,
      municipalityId: true,
      version: true,
      cohort: true,
      source: true,
      urgency: true,
      concernCategories: true,
      concernItemIds: true,
      anonymisedAt: true,
    },
  });
  if (!row) throw notFound('Referral', input.id);
  // Retention destroyed the referral's words and categories: a correction would write them back.
  if (row.anonymisedAt) throw new AppError('CASE_ANONYMISED');
  const { id, version, concernCorrection, ...facts } = input;
  const sent = REFERRAL_FACTS.filter((f) => facts[f] !== undefined);
  const theirs = () => Object.fromEntries(sent.map((f) => [f, row[f]]));
  if (version !== row.version) throw await staleVersion(ctx, 'Referral', id, theirs());
  const changes: Change[] = diff(row, facts);
  if (concernCorrection) changes.push({ field: 'concernCorrection', from: null, to: concernCorrection });
  if (changes.length === 0) return { id, version, unchanged: true };
  const items = await correctedItems(ctx, row, changes);
  const { count } = await ctx.db.referral.updateMany({
    where: { id, municipalityId: row.municipalityId, version },
    data: { ...facts, ...items, version: { increment: 1 } },
  });
  if (count === 0) throw await staleVersion(ctx, 'Referral', id, theirs());
  await recordChanges(ctx, { type: 'Referral', id, municipalityId: row.municipalityId, version: version + 1 }, changes);
  ctx.audit.subject('Referral', id).detail({ fields: changes.map((c) => c.field), version: version + 1 });
  return { id, version: version + 1, unchanged: false };
}

/**
 * The municipality's items (modules/lists) that go with corrected codes: a changed cohort takes the first
 * live item of its new code; categories keep the items already chosen for codes they still hold, and take
 * the first live item of each new code. A code with no live item left is refused (`item_retired`).
 */
async function correctedItems(
  ctx: ServiceContext,
  row: { concernItemIds: string[] },
  changes: Change[],
): Promise<{ cohortItemId?: string | null; concernItemIds?: string[] }> {
  const changed = (field: string) => changes.find((c) => c.field === field)?.to;
  const cohort = changed('cohort') as (typeof COHORTS)[number] | undefined;
  const codes = changed('concernCategories') as (typeof CONCERN_CATEGORIES)[number][] | undefined;
  const out: { cohortItemId?: string | null; concernItemIds?: string[] } = {};
  if (cohort) out.cohortItemId = (await chosenItem(ctx, 'cohort', { code: cohort }, 'cohort')).itemId;
  if (codes) {
    const before = await ctx.db.listItem.findMany({
      where: { id: { in: row.concernItemIds }, municipalityId: ctx.user.municipalityId },
      select: { id: true, code: true },
    });
    const kept = before.filter((i) => codes.includes(i.code as never));
    const keptCodes = new Set(kept.map((i) => i.code));
    const added = await chosenItems(ctx, 'concern_category', { codes: codes.filter((c) => !keptCodes.has(c)) }, 'concernCategories');
    out.concernItemIds = [...kept.map((i) => i.id), ...added.itemIds];
  }
  return out;
}
