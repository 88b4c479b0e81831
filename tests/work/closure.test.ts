import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { caseEventsOf, openStored } from '../helpers/crypto.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();

/** The case's closure columns, its minuted words opened (sealed under the case's key, bound to the case). */
async function caseRow(id: string) {
  const row = await db.case.findUniqueOrThrow({
    where: { id },
    select: { stage: true, closureReason: true, closeReason: true, closedById: true, closedAt: true, followUpAt: true, nextReviewAt: true },
  });
  if (row.closeReason !== null) expect(row.closeReason).toMatch(/^k1\./);
  return { ...row, closeReason: row.closeReason && (await openStored(db, `case.close_reason/${id}`, row.closeReason)) };
}
const events = (caseId: string, kind: string) => caseEventsOf(db, caseId, kind);

describe('reviews', () => {
  it('a case opens with its first review one municipal interval ahead (the next working day when that is a day off)', async () => {
    const town = await makeTown(db);
    await db.municipality.update({ where: { id: town.town.id }, data: { reviewIntervalDays: 30 } });
    const c = await makeCase(db, town);
    // 15 January + 30 days is Saturday 14 February, the weekend in Jordan: the review falls on Sunday 15th.
    expect((await caseRow(c.id)).nextReviewAt).toEqual(new Date('2026-02-15T00:00:00Z'));
    const { caller } = await callerFor(db, town.socialWorker);
    expect(await caller.cases.get({ id: c.id })).toMatchObject({
      nextReviewAt: new Date('2026-02-15T00:00:00Z'),
      followUpAt: null,
      closureReason: null,
    });
  });

  it('the key worker or coordinator records a review: next date given or one interval ahead, on the timeline, audited', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
    const { caller: keyWorker } = await callerFor(db, town.socialWorker, { clock });
    const { caller: coordinator } = await callerFor(db, town.coordinator, { clock });
    await expect(keyWorker.cases.recordReview({ caseId: c.id, note: 'Attending school again' })).resolves.toEqual({
      id: c.id,
      nextReviewAt: new Date('2026-05-31T00:00:00Z'),
    });
    await expect(coordinator.cases.recordReview({ caseId: c.id, nextReviewAt: '2026-04-01' })).resolves.toMatchObject({
      nextReviewAt: new Date('2026-04-01T00:00:00Z'),
    });
    expect((await events(c.id, 'review')).map((e) => [e.actorId, e.data])).toEqual([
      [town.socialWorker.id, { previous: '2026-04-15', next: '2026-05-31', reason: 'Attending school again' }],
      [town.coordinator.id, { previous: '2026-05-31', next: '2026-04-01' }],
    ]);
    expect(await auditCount(db, town.socialWorker.id, 'case.review')).toBe(1);
    expect(await auditCount(db, town.coordinator.id, 'case.review')).toBe(1);
    // Dates in the past, today, or more than a year ahead are refused; so is a review of a closed case.
    for (const nextReviewAt of ['2026-03-02', '2026-01-01', '2027-06-01']) {
      const input = { caseId: c.id, nextReviewAt };
      expect(await failure(coordinator.cases.recordReview(input), input)).toMatchObject({
        code: 'BAD_INPUT',
        fields: { nextReviewAt: expect.stringMatching(/^too_/) },
      });
    }
    await db.case.update({ where: { id: c.id }, data: { stage: 'closed' } });
    expect(await failure(coordinator.cases.recordReview({ caseId: c.id }))).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await caseRow(c.id)).nextReviewAt).toEqual(new Date('2026-04-01T00:00:00Z'));
  });
});

describe('closure and follow-up', () => {
  it('needs a reason from the list, words for "other", and the explicit confirmation', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { stage: 'review' });
    const { caller } = await callerFor(db, town.coordinator);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ closureReason: 'risk_removed' }, { confirm: 'required' }],
      [{ closureReason: 'risk_removed', confirm: false }, { confirm: 'required' }],
      [{ closureReason: 'other', confirm: true }, { reason: 'required' }],
      [{ closureReason: 'other', confirm: true, reason: ' x ' }, { reason: 'required' }],
      [{ closureReason: 'bored', confirm: true }, { closureReason: 'invalid_value' }],
      [{ confirm: true }, { closureReason: 'invalid_value' }],
      [{ closureReason: 'moved_away', confirm: true, followUpMonths: 0 }, { followUpMonths: 'too_small' }],
      [{ closureReason: 'moved_away', confirm: true, followUpMonths: 25 }, { followUpMonths: 'too_big' }],
    ];
    for (const [over, fields] of cases) {
      const input = { id: c.id, ...over };
      expect(await failure(caller.cases.close(input as never), input), JSON.stringify(over)).toMatchObject({ code: 'BAD_INPUT', fields });
    }
    expect((await caseRow(c.id)).stage).toBe('review');
    expect(await events(c.id, 'close')).toEqual([]);
  });

  it('records the reason, who closed, and a follow-up N months ahead; reopening is recorded and clears them', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { stage: 'intervention' });
    const clock = manualClock(new Date('2026-03-31T15:00:00Z'));
    const { caller } = await callerFor(db, town.coordinator, { clock });
    const closed = await caller.cases.close({
      id: c.id,
      closureReason: 'other',
      reason: 'Family moved within the city, support continues at school',
      confirm: true,
      followUpMonths: 6,
    });
    expect(closed).toEqual({ id: c.id, stage: 'closed', followUpAt: new Date('2026-10-01T00:00:00Z') });
    expect(await caseRow(c.id)).toEqual({
      stage: 'closed',
      closureReason: 'other',
      closeReason: 'Family moved within the city, support continues at school',
      closedById: town.coordinator.id,
      closedAt: new Date('2026-03-31T15:00:00Z'),
      followUpAt: new Date('2026-10-01T00:00:00Z'),
      nextReviewAt: null,
    });
    const otherItem = await db.listItem.findFirstOrThrow({
      where: { municipalityId: town.town.id, list: 'closure_reason', code: 'other' },
      select: { id: true },
      orderBy: { sortOrder: 'asc' },
    });
    const close = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'case.close' },
      select: { entityId: true, detail: true },
    });
    expect(close).toEqual({
      entityId: c.id,
      // The city's own list item the reason was chosen from (its core code is the closure reason).
      detail: { from: 'intervention', to: 'closed', closureReason: 'other', closureItemId: otherItem.id, followUpAt: '2026-10-01' },
    });

    const { caller: later } = await callerFor(db, town.coordinator, { clock: manualClock(new Date('2026-04-02T09:00:00Z')) });
    await later.cases.reopen({ id: c.id, reason: 'New concern from the school' });
    expect(await caseRow(c.id)).toEqual({
      stage: 'assessment',
      closureReason: null,
      closeReason: null,
      closedById: null,
      closedAt: null,
      followUpAt: null,
      nextReviewAt: new Date('2026-07-01T00:00:00Z'),
    });
    // The history stays: the closure, then the reopening naming what it undid.
    expect((await events(c.id, 'close')).map((e) => e.data)).toEqual([
      {
        from: 'intervention',
        to: 'closed',
        reason: 'Family moved within the city, support continues at school',
        closureReason: 'other',
        closureItemId: otherItem.id,
        followUpAt: '2026-10-01',
      },
    ]);
    expect((await events(c.id, 'reopen')).map((e) => [e.actorId, e.data])).toEqual([
      [
        town.coordinator.id,
        { from: 'closed', to: 'assessment', reason: 'New concern from the school', closureReason: 'other', followUpAt: '2026-10-01' },
      ],
    ]);
    expect(await auditCount(db, town.coordinator.id, 'case.reopen')).toBe(1);

    // Closed again without a follow-up: none is set.
    await later.cases.close({ id: c.id, closureReason: 'risk_removed', confirm: true });
    expect(await caseRow(c.id)).toMatchObject({ closureReason: 'risk_removed', closeReason: null, followUpAt: null });
  });
});
