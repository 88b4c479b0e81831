import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { openStored } from '../helpers/crypto.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure, makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { activeFactors, fullRatings, makeAssessor } from '../helpers/assessment-factories.js';
import { COMMENT_FIELD, JUDGEMENT_FIELD } from '../../src/modules/assessments/service.js';

const { db } = await testDb();

const JUDGEMENT = 'Grievance remains, but the young person now attends the youth centre weekly.';

async function ready() {
  const town = await makeTown(db);
  const c = await makeCase(db, town);
  await makeAssessor(db, town.coordinator);
  const { caller, clock } = await callerFor(db, town.coordinator);
  return { town, c, caller, clock };
}

describe('assessments.create: the form', () => {
  it('stores "unknown" distinctly from "low", both in the database and in what the list returns', async () => {
    const { town, c, caller } = await ready();
    const factors = await activeFactors(db, town.town.id);
    const [lowId, unknownId] = [factors[0]!.id, factors[1]!.id];
    const ratings = await fullRatings(db, town.town.id, (f) =>
      f.id === lowId ? 'low' : f.id === unknownId ? 'unknown' : f.domain === 'protective' ? 'absent' : 'high',
    );
    const created = await caller.assessments.create({ caseId: c.id, ratings, overallJudgement: JUDGEMENT });

    const raw = await db.$queryRaw<{ factor_id: string; rating: string }[]>`
      SELECT factor_id::text, rating::text FROM assessment_rating WHERE assessment_id = ${created.id}::uuid AND factor_id IN (${lowId}::uuid, ${unknownId}::uuid)`;
    expect(Object.fromEntries(raw.map((r) => [r.factor_id, r.rating]))).toEqual({ [lowId]: 'low', [unknownId]: 'unknown' });

    const page = await caller.assessments.list({ caseId: c.id });
    const shown = Object.fromEntries(page.assessments[0]!.ratings.map((r) => [r.factor.id, r.rating]));
    expect([shown[lowId], shown[unknownId]]).toEqual(['low', 'unknown']);
    // The trend counts them apart too.
    expect(page.trend[0]!.domains.engagement).toMatchObject({ low: 1, unknown: 1, high: 2, moderate: 0 });
    expect(page.trend[0]!.domains.protective).toMatchObject({ absent: 4, present: 0, unknown: 0 });
  });

  it('encrypts the judgement and comments at rest and decrypts them for the case team', async () => {
    const { town, c, caller } = await ready();
    const ratings = await fullRatings(db, town.town.id, undefined, (f) =>
      f.code === 'pro_family' ? 'Grandmother is a steady presence.' : undefined,
    );
    const created = await caller.assessments.create({ caseId: c.id, ratings, overallJudgement: JUDGEMENT });

    const [row] = await db.$queryRaw<
      { overall_judgement: string }[]
    >`SELECT overall_judgement FROM assessment WHERE id = ${created.id}::uuid`;
    expect(row!.overall_judgement).not.toContain('youth centre');
    expect(row!.overall_judgement).toMatch(/^k1\./);
    expect(await openStored(db, `${JUDGEMENT_FIELD}/${created.id}`, row!.overall_judgement)).toBe(JUDGEMENT);
    const comments = await db.$queryRaw<
      { comment: string | null; factor_id: string }[]
    >`SELECT comment, factor_id::text FROM assessment_rating WHERE assessment_id = ${created.id}::uuid AND comment IS NOT NULL`;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.comment).not.toContain('Grandmother');
    const commentAad = `${COMMENT_FIELD}/${created.id}/${comments[0]!.factor_id}`;
    expect(await openStored(db, commentAad, comments[0]!.comment!)).toBe('Grandmother is a steady presence.');
    // The field and row are bound into the ciphertext: a judgement does not open as a comment.
    await expect(openStored(db, commentAad, row!.overall_judgement)).rejects.toThrow();

    const page = await caller.assessments.list({ caseId: c.id });
    expect(page.assessments[0]!.overallJudgement).toBe(JUDGEMENT);
    expect(page.assessments[0]!.ratings.find((r) => r.factor.code === 'pro_family')!.comment).toBe('Grandmother is a steady presence.');
    expect(page.assessments[0]!.ratings.filter((r) => r.comment !== null)).toHaveLength(1);
  });

  it('records a timeline entry with ids only (shown to readers of the assessments), and an audit event with counts', async () => {
    const { town, c, caller } = await ready();
    const ratings = await fullRatings(db, town.town.id, (f, i) => (i < 3 ? 'unknown' : f.domain === 'protective' ? 'present' : 'low'));
    const created = await caller.assessments.create({ caseId: c.id, ratings, overallJudgement: JUDGEMENT });
    const event = await db.caseEvent.findFirstOrThrow({
      where: { caseId: c.id, kind: 'assessment' },
      select: { data: true, actorId: true },
    });
    expect(event).toEqual({ data: { assessmentId: created.id }, actorId: town.coordinator.id });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'assessment.create' },
      select: { entityId: true, detail: true },
    });
    expect(audit).toEqual({ entityId: c.id, detail: { assessmentId: created.id, ratings: 16, unknown: 3 } });
    const page = await caller.cases.get({ id: c.id });
    expect(page.timeline.find((e) => e.kind === 'assessment')?.data).toEqual({ assessmentId: created.id });
    // A partner shown the summary only does not learn that an assessment took place.
    await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary'], createdById: town.coordinator.id });
    const partner = (await callerFor(db, town.practitioner)).caller;
    expect((await partner.cases.get({ id: c.id })).timeline.map((e) => e.kind)).not.toContain('assessment');
  });

  it('lists newest first with the trend oldest first', async () => {
    const { town, c, caller, clock } = await ready();
    const first = await caller.assessments.create({
      caseId: c.id,
      ratings: await fullRatings(db, town.town.id, (f) => (f.domain === 'protective' ? 'absent' : 'high')),
      overallJudgement: 'First.',
    });
    clock.advance(10 * 60_000);
    const second = await caller.assessments.create({
      caseId: c.id,
      ratings: await fullRatings(db, town.town.id, (f) => (f.domain === 'protective' ? 'present' : 'low')),
      overallJudgement: 'Second.',
    });
    const page = await caller.assessments.list({ caseId: c.id });
    expect(page.assessments.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(page.trend.map((t) => [t.assessmentId, t.domains.intent.high, t.domains.protective.present])).toEqual([
      [first.id, 4, 0],
      [second.id, 0, 4],
    ]);
    expect(page.assessments[0]!.assessor.id).toBe(town.coordinator.id);
    expect(page.factors?.map((f) => f.domain)).toEqual([
      ...Array(4).fill('engagement'),
      ...Array(4).fill('intent'),
      ...Array(4).fill('capability'),
      ...Array(4).fill('protective'),
    ]);
  });
});

describe('assessments.create: validation', () => {
  it('requires every active factor, rated or explicitly unknown, naming the missing ones', async () => {
    const { town, c, caller } = await ready();
    const ratings = await fullRatings(db, town.town.id);
    const [missing, ...rest] = ratings;
    const input = { caseId: c.id, ratings: rest, overallJudgement: JUDGEMENT };
    expect(await failure(caller.assessments.create(input), input)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { [`ratings.${missing!.factorId}`]: 'rating_required' },
    });
    expect(await db.assessment.count({ where: { caseId: c.id } })).toBe(0);
  });

  it('refuses a rating off its domain scale: risk low/moderate/high, protective present/absent', async () => {
    const { town, c, caller } = await ready();
    const factors = await activeFactors(db, town.town.id);
    const risk = factors.find((f) => f.domain === 'intent')!;
    const protective = factors.find((f) => f.domain === 'protective')!;
    const ratings = await fullRatings(db, town.town.id, (f) =>
      f.id === risk.id ? 'present' : f.id === protective.id ? 'high' : f.domain === 'protective' ? 'present' : 'low',
    );
    const input = { caseId: c.id, ratings, overallJudgement: JUDGEMENT };
    const refused = await failure(caller.assessments.create(input), input);
    expect(refused).toMatchObject({ code: 'BAD_INPUT' });
    expect(refused.fields).toEqual({ [`ratings.${risk.id}`]: 'rating_risk', [`ratings.${protective.id}`]: 'rating_protective' });
  });

  it("refuses retired factors, another town's factors, duplicates, an empty judgement and unknown values", async () => {
    const { town, c, caller } = await ready();
    const elsewhere = await makeTown(db);
    const ratings = await fullRatings(db, town.town.id);
    const foreign = (await activeFactors(db, elsewhere.town.id))[0]!;
    const withForeign = {
      caseId: c.id,
      ratings: [...ratings, { factorId: foreign.id, rating: 'low' as const }],
      overallJudgement: JUDGEMENT,
    };
    expect((await failure(caller.assessments.create(withForeign), withForeign)).fields).toEqual({
      [`ratings.${foreign.id}`]: 'factor_inactive',
    });

    await db.assessmentFactor.update({ where: { id: ratings[0]!.factorId }, data: { active: false } });
    const withRetired = { caseId: c.id, ratings, overallJudgement: JUDGEMENT };
    expect((await failure(caller.assessments.create(withRetired), withRetired)).fields).toEqual({
      [`ratings.${ratings[0]!.factorId}`]: 'factor_inactive',
    });
    // Without the retired factor the same form is complete.
    await caller.assessments.create({ caseId: c.id, ratings: ratings.slice(1), overallJudgement: JUDGEMENT });

    const dup = { caseId: c.id, ratings: [...ratings.slice(1), ratings[1]!], overallJudgement: JUDGEMENT };
    expect(await failure(caller.assessments.create(dup), dup)).toMatchObject({ code: 'BAD_INPUT', fields: { ratings: 'duplicate' } });
    const blank = { caseId: c.id, ratings: ratings.slice(1), overallJudgement: '   ' };
    expect(await failure(caller.assessments.create(blank), blank)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { overallJudgement: 'too_small' },
    });
    const score = { caseId: c.id, ratings: [{ ...ratings[1]!, rating: 'severe' }], overallJudgement: JUDGEMENT };
    expect(await failure(caller.assessments.create(score as never), score)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { 'ratings.0.rating': 'invalid_value' },
    });
    expect(await db.assessment.count({ where: { caseId: c.id } })).toBe(1);
  });
});
