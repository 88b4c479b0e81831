import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeMunicipality, makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase } from '../helpers/case-factories.js';
import { makeAssessment } from '../helpers/assessment-factories.js';

const { db, owner } = await testDb();

type U = { id: string; municipalityId: string };
const labels = { labelAr: 'دعم الأقران في المدرسة', labelFr: "Soutien des pairs à l'école", labelEn: 'Peer support at school' };

describe('the default framework', () => {
  it('is seeded by the database for every new municipality: four factors per domain, labelled in three languages', async () => {
    const town = await makeMunicipality(db);
    const rows = await db.$queryRaw<{ d: string; n: bigint; labelled: bigint }[]>`
      SELECT domain::text AS d, count(*) AS n, count(*) FILTER (WHERE label_ar <> '' AND label_fr <> '' AND label_en <> '' AND active) AS labelled
      FROM assessment_factor WHERE municipality_id = ${town.id}::uuid GROUP BY domain ORDER BY domain`;
    expect(rows.map((r) => [r.d, Number(r.n), Number(r.labelled)])).toEqual([
      ['engagement', 4, 4],
      ['intent', 4, 4],
      ['capability', 4, 4],
      ['protective', 4, 4],
    ]);
    // Each municipality gets its own copy, to change as it likes.
    const other = await makeMunicipality(db);
    const codes = (id: string) =>
      db.assessmentFactor.findMany({ where: { municipalityId: id }, select: { code: true }, orderBy: { code: 'asc' } });
    expect(await codes(other.id)).toEqual(await codes(town.id));
    expect(await db.assessmentFactor.count({ where: { municipalityId: { in: [town.id, other.id] } } })).toBe(32);
  });
  it('backfills a municipality that existed before (the migration runs the same function), and only once', async () => {
    // A municipality inserted without triggers stands for one created before the migration.
    const id = await owner.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      const [row] = await tx.$queryRaw<
        { id: string }[]
      >`INSERT INTO municipality (id, name, country) VALUES (gen_random_uuid(), 'Older Test Town', 'LB') RETURNING id::text`;
      return row!.id;
    });
    expect(await db.assessmentFactor.count({ where: { municipalityId: id } })).toBe(0);
    await db.$executeRaw`SELECT assessment_default_factors(${id}::uuid)`;
    await db.$executeRaw`SELECT assessment_default_factors(${id}::uuid)`;
    expect(await db.assessmentFactor.count({ where: { municipalityId: id, active: true } })).toBe(16);
  });
});

describe('assessments.factors / createFactor / updateFactor', () => {
  it('lets the admin list, add, relabel, reorder and retire factors, each audited', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.admin);
    const before = await caller.assessments.factors();
    expect(before).toHaveLength(16);
    expect(before[0]).toMatchObject({ domain: 'engagement', position: 1, active: true, used: 0 });

    const added = await caller.assessments.createFactor({ domain: 'protective', ...labels });
    expect(added).toMatchObject({ domain: 'protective', position: 5, active: true, ...labels });
    expect(added.code).toMatch(/^custom_[0-9a-f]{8}$/);
    const moved = await caller.assessments.updateFactor({ id: added.id, position: 0, labelEn: 'Peer support at school or college' });
    expect(moved).toMatchObject({ position: 0, labelEn: 'Peer support at school or college', labelFr: labels.labelFr });
    const protective = (await caller.assessments.factors()).filter((f) => f.domain === 'protective');
    expect(protective[0]!.id).toBe(added.id);

    const retired = await caller.assessments.updateFactor({ id: added.id, active: false });
    expect(retired.active).toBe(false);
    expect((await caller.assessments.factors({ includeInactive: false })).map((f) => f.id)).not.toContain(added.id);
    expect(await auditCount(db, town.admin.id, 'assessment.factor.create')).toBe(1);
    expect(await auditCount(db, town.admin.id, 'assessment.factor.update')).toBe(1);
    expect(await auditCount(db, town.admin.id, 'assessment.factor.retire')).toBe(1);
    expect(await auditCount(db, town.admin.id, 'assessment.factor.list')).toBe(3);
  });

  it('counts the ratings a factor has, so a used factor is retired, not removed', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    await makeAssessment(db, c, { assessorId: town.coordinator.id, assessedAt: new Date('2026-01-14T10:00:00Z') });
    const { caller } = await callerFor(db, town.admin);
    const factors = await caller.assessments.factors();
    expect(factors.every((f) => f.used === 1)).toBe(true);
    expect('delete' in caller.assessments).toBe(false);
  });

  it('refuses a duplicate code, and a factor of another municipality (NOT_FOUND)', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const { caller } = await callerFor(db, town.admin);
    const input = { domain: 'intent' as const, code: 'eng_grievance', ...labels };
    expect(await failure(caller.assessments.createFactor(input), input)).toMatchObject({ code: 'CONFLICT', fields: { code: 'CONFLICT' } });
    const foreign = (await callerFor(db, elsewhere.admin)).caller;
    const theirs = (await foreign.assessments.factors())[0]!;
    await expect(caller.assessments.updateFactor({ id: theirs.id, active: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditCount(db, town.admin.id, 'assessment.factor.update', 'denied')).toBe(1);
    expect((await db.assessmentFactor.findUniqueOrThrow({ where: { id: theirs.id }, select: { active: true } })).active).toBe(true);
  });

  it('lets the case roles read the factors but not change them; the auditor gets nothing; all refusals audited', async () => {
    const town = await makeTown(db);
    const factor = (await db.assessmentFactor.findFirstOrThrow({ where: { municipalityId: town.town.id }, select: { id: true } })).id;
    for (const user of [town.coordinator, town.socialWorker, town.practitioner] as U[]) {
      const { caller } = await callerFor(db, user);
      expect(await caller.assessments.factors()).toHaveLength(16);
      await expect(caller.assessments.createFactor({ domain: 'intent', ...labels })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.assessments.updateFactor({ id: factor, active: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await auditCount(db, user.id, 'assessment.factor.create', 'denied')).toBe(1);
      expect(await auditCount(db, user.id, 'assessment.factor.update', 'denied')).toBe(1);
    }
    const { caller } = await callerFor(db, town.auditor);
    await expect(caller.assessments.factors()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.assessments.createFactor({ domain: 'intent', ...labels })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await auditCount(db, town.auditor.id, 'assessment.factor.list', 'denied')).toBe(1);
    expect(await db.assessmentFactor.count({ where: { municipalityId: town.town.id } })).toBe(16);
    expect(await db.assessmentFactor.count({ where: { municipalityId: town.town.id, active: false } })).toBe(0);
  });

  it('validates labels and requires a change', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.admin);
    const short = { domain: 'intent' as const, ...labels, labelAr: 'x' };
    expect(await failure(caller.assessments.createFactor(short), short)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { labelAr: 'too_small' },
    });
    const factor = (await caller.assessments.factors())[0]!;
    const nothing = { id: factor.id };
    expect(await failure(caller.assessments.updateFactor(nothing), nothing)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { active: 'required' },
    });
  });
});
