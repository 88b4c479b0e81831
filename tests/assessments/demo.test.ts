import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { seedDemo } from '../../src/seed/demo.js';
import { verifyAll } from '../../src/audit/verify.js';

// A database of its own: the demo seeds only an empty one.
const { db } = await testDb();

describe('the demo assessments', () => {
  it('gives the case under review two assessments with a trend, readable by the demo coordinator, with an intact audit log', async () => {
    expect(await seedDemo(db, 'demo password 2026', testKeyring)).toBe(true);
    const review = await db.case.findFirstOrThrow({ where: { stage: 'review' }, select: { id: true } });
    const coordinator = await db.user.findUniqueOrThrow({
      where: { email: 'coordinator@demo.jisr.local' },
      select: { id: true, municipalityId: true, trainedAssessor: true },
    });
    expect(coordinator.trainedAssessor).toBe(true);
    const { caller } = await callerFor(db, coordinator);
    const page = await caller.assessments.list({ caseId: review.id });
    expect(page.assessments).toHaveLength(2);
    expect(page.trend).toHaveLength(2);
    expect(page.assessments.flatMap((a) => a.ratings).some((r) => r.rating === 'unknown')).toBe(true);
    expect(page.assessments[0]!.overallJudgement.length).toBeGreaterThan(20);
    expect(page.canRate).toBe(true);
    expect(await db.caseEvent.count({ where: { caseId: review.id, kind: 'assessment' } })).toBe(2);
    expect((await verifyAll(db)).every((r) => r.firstBroken === null)).toBe(true);
  });
});
