import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, makeCase, makeDisclosure, type Town } from '../helpers/case-factories.js';
import { fullRatings, makeAssessment, makeAssessor } from '../helpers/assessment-factories.js';

const { db } = await testDb();

type U = { id: string; municipalityId: string };
const EXPIRED = new Date('2026-01-10T00:00:00Z');
const JUDGEMENT = 'Engagement with the youth centre is steady; no stated intent to harm.';

/** A case of `town` with one stored assessment, and the ways a user can (not) reach it. */
async function setting(town: Town) {
  const c = await makeCase(db, town);
  const stored = await makeAssessment(db, c, { assessorId: town.coordinator.id, assessedAt: new Date('2026-01-14T10:00:00Z') });
  const mk = async (role: 'social_worker' | 'agency_practitioner', agencyId?: string) =>
    makeUser(db, { municipalityId: town.town.id, role, agencyId: agencyId ?? null });
  const by = town.coordinator.id;
  const teamSw = await mk('social_worker');
  await makeDisclosure(db, c, { userId: teamSw.id, sections: ['summary', 'assessments'], createdById: by });
  const summaryOnlySw = await mk('social_worker');
  await makeDisclosure(db, c, { userId: summaryOnlySw.id, sections: ['summary', 'notes', 'plan'], createdById: by });
  await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['assessments'], createdById: by });
  const expiredAgency = await makeAgency(db, town.town.id);
  await makeDisclosure(db, c, { agencyId: expiredAgency.id, sections: ['assessments'], expiresAt: EXPIRED, createdById: by });
  const summaryAgency = await makeAgency(db, town.town.id);
  await makeDisclosure(db, c, { agencyId: summaryAgency.id, sections: ['summary', 'plan'], createdById: by });
  const revokedAgency = await makeAgency(db, town.town.id);
  await makeDisclosure(db, c, {
    agencyId: revokedAgency.id,
    sections: ['assessments'],
    revokedAt: new Date('2026-01-14T00:00:00Z'),
    createdById: by,
  });
  return {
    c,
    stored,
    teamSw,
    summaryOnlySw,
    otherSw: await mk('social_worker'),
    expiredAp: await mk('agency_practitioner', expiredAgency.id),
    summaryAp: await mk('agency_practitioner', summaryAgency.id),
    revokedAp: await mk('agency_practitioner', revokedAgency.id),
  };
}

describe('assessments.list', () => {
  it('shows the case team (coordinator, key worker, live disclosures with the section) the assessments, audited with their ids', async () => {
    const town = await makeTown(db);
    const s = await setting(town);
    for (const user of [town.coordinator, town.socialWorker, s.teamSw, town.practitioner] as U[]) {
      const { caller } = await callerFor(db, user);
      const page = await caller.assessments.list({ caseId: s.c.id });
      expect(page.assessments.map((a) => a.id)).toEqual([s.stored.id]);
      expect(page.assessments[0]!.overallJudgement).toMatch(/^Synthetic judgement/);
      expect(page.assessments[0]!.ratings).toHaveLength(16);
      const event = await db.auditEvent.findFirstOrThrow({
        where: { actorId: user.id, action: 'assessment.list' },
        select: { entityId: true, detail: true, outcome: true },
      });
      expect(event).toEqual({ entityId: s.c.id, detail: { assessmentIds: [s.stored.id] }, outcome: 'allowed' });
    }
  });

  it('hides the case (NOT_FOUND) from expired, revoked or assessment-less disclosures, other workers and towns; refuses auditors and admins; all audited', async () => {
    const town = await makeTown(db);
    const s = await setting(town);
    const elsewhere = await makeTown(db);
    const refused: [U, string][] = [
      [s.otherSw, 'NOT_FOUND'],
      [s.summaryOnlySw, 'NOT_FOUND'],
      [s.expiredAp, 'NOT_FOUND'],
      [s.summaryAp, 'NOT_FOUND'],
      [s.revokedAp, 'NOT_FOUND'],
      [elsewhere.coordinator, 'NOT_FOUND'],
      [elsewhere.practitioner, 'NOT_FOUND'],
      [town.auditor, 'FORBIDDEN'],
      [town.admin, 'FORBIDDEN'],
    ];
    for (const [user, code] of refused) {
      const { caller } = await callerFor(db, user);
      await expect(caller.assessments.list({ caseId: s.c.id }), `${code} ${user.id}`).rejects.toMatchObject({ code });
      expect(await auditCount(db, user.id, 'assessment.list', 'denied')).toBe(1);
      expect(await auditCount(db, user.id, 'assessment.list', 'allowed')).toBe(0);
    }
  });
});

describe('assessments.create: who may rate', () => {
  it('lets trained assessors in reach rate: coordinator, key worker, named team member, practitioner with a live disclosure', async () => {
    const town = await makeTown(db);
    const s = await setting(town);
    const ratings = await fullRatings(db, town.town.id);
    for (const user of [town.coordinator, town.socialWorker, s.teamSw, town.practitioner] as U[]) {
      await makeAssessor(db, user);
      const { caller } = await callerFor(db, user);
      expect((await caller.assessments.list({ caseId: s.c.id })).canRate).toBe(true);
      const created = await caller.assessments.create({ caseId: s.c.id, ratings, overallJudgement: JUDGEMENT });
      const row = await db.assessment.findUniqueOrThrow({ where: { id: created.id }, select: { assessorId: true, caseId: true } });
      expect(row).toEqual({ assessorId: user.id, caseId: s.c.id });
      expect(await auditCount(db, user.id, 'assessment.create')).toBe(1);
    }
    expect(await db.assessment.count({ where: { caseId: s.c.id } })).toBe(5);
  });

  it('refuses trained assessors out of reach (NOT_FOUND) and roles without the right (FORBIDDEN), audited as denied', async () => {
    const town = await makeTown(db);
    const s = await setting(town);
    const elsewhere = await makeTown(db);
    const ratings = await fullRatings(db, town.town.id);
    const refused: [U, string][] = [
      [s.otherSw, 'NOT_FOUND'],
      [s.summaryOnlySw, 'NOT_FOUND'],
      [s.expiredAp, 'NOT_FOUND'],
      [s.summaryAp, 'NOT_FOUND'],
      [s.revokedAp, 'NOT_FOUND'],
      [elsewhere.coordinator, 'NOT_FOUND'],
      [town.auditor, 'FORBIDDEN'],
      [town.admin, 'FORBIDDEN'],
    ];
    for (const [user, code] of refused) {
      await makeAssessor(db, user);
      const { caller } = await callerFor(db, user);
      await expect(
        caller.assessments.create({ caseId: s.c.id, ratings, overallJudgement: JUDGEMENT }),
        `${code} ${user.id}`,
      ).rejects.toMatchObject({ code });
      expect(await auditCount(db, user.id, 'assessment.create', 'denied')).toBe(1);
    }
    expect(await db.assessment.count({ where: { caseId: s.c.id } })).toBe(1);
  });

  it('refuses users who are not trained assessors even on their own cases: FORBIDDEN, audited, nothing stored', async () => {
    const town = await makeTown(db);
    const s = await setting(town);
    const ratings = await fullRatings(db, town.town.id);
    for (const user of [town.coordinator, town.socialWorker, s.teamSw, town.practitioner] as U[]) {
      const { caller } = await callerFor(db, user);
      // They may read the assessments, so they learn nothing new from the refusal.
      expect((await caller.assessments.list({ caseId: s.c.id })).canRate).toBe(false);
      await expect(caller.assessments.create({ caseId: s.c.id, ratings, overallJudgement: JUDGEMENT })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      const denied = await db.auditEvent.findFirstOrThrow({
        where: { actorId: user.id, action: 'assessment.create' },
        select: { outcome: true, entityType: true, entityId: true, detail: true },
      });
      // Refused by a rule about the user, not the case: the event still names the case asked for.
      expect(denied).toEqual({ outcome: 'denied', entityType: 'Case', entityId: s.c.id, detail: { code: 'FORBIDDEN' } });
    }
    expect(await db.assessment.count({ where: { caseId: s.c.id } })).toBe(1);
    expect(await db.caseEvent.count({ where: { caseId: s.c.id, kind: 'assessment' } })).toBe(0);
  });

  it('stops a practitioner once the disclosure expires', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    await makeDisclosure(db, c, {
      agencyId: town.agency.id,
      sections: ['assessments'],
      expiresAt: new Date('2026-01-15T09:20:00Z'),
      createdById: town.coordinator.id,
    });
    await makeAssessor(db, town.practitioner);
    const { caller, clock } = await callerFor(db, town.practitioner);
    const ratings = await fullRatings(db, town.town.id);
    await caller.assessments.create({ caseId: c.id, ratings, overallJudgement: JUDGEMENT });
    // Within the session's idle limit, past the disclosure's end.
    clock.set(new Date('2026-01-15T09:20:01Z'));
    await expect(caller.assessments.create({ caseId: c.id, ratings, overallJudgement: JUDGEMENT })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(caller.assessments.list({ caseId: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
