import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';
import { sweepMunicipality } from '../../src/jobs/reminders.js';
import { onwardScene, SUMMARY } from './helpers.js';

const { db } = await testDb();

const open = (entityId: string) =>
  db.reminder.findMany({
    where: { entityId, kind: 'onward_unanswered', dismissedAt: null },
    select: { userId: true, caseId: true, dueAt: true },
    orderBy: { userId: 'asc' },
  });

describe('an onward referral unanswered after N working days', () => {
  it("becomes a reminder for the agency's practitioners and the sender, by the town's calendar, and goes when answered", async () => {
    // Jordan: Friday and Saturday off; sent Thursday 15 January 2026 at noon in Amman.
    const town = await makeTown(db);
    const m = town.town.id;
    await db.municipality.update({ where: { id: m }, data: { onwardAnswerDays: 5 } });
    // Sunday 25 January is a public holiday: not a working day.
    await db.publicHoliday.create({ data: { municipalityId: m, date: new Date('2026-01-25T00:00:00Z'), name: 'Synthetic holiday' } });
    const { c } = await onwardScene(db, town);
    const clock = manualClock();
    const sent = await (await callerFor(db, town.socialWorker, { clock })).caller.onward.send({
      caseId: c.id,
      agencyId: town.agency.id,
      summary: SUMMARY,
    });

    // Working days: Sun 18, Mon 19, Tue 20, Wed 21, Thu 22 (5); Fri 23 and Sat 24 off; Sun 25 a holiday.
    clock.set(new Date('2026-01-25T10:00:00Z'));
    await sweepMunicipality(db, m, clock);
    expect(await open(sent.id)).toEqual([]);

    // Monday 26 is the sixth working day: overdue.
    clock.set(new Date('2026-01-26T06:00:00Z'));
    await sweepMunicipality(db, m, clock);
    const due = new Date('2026-01-26T00:00:00Z');
    expect(await open(sent.id)).toEqual(
      [
        { userId: town.practitioner.id, caseId: null, dueAt: due },
        { userId: town.socialWorker.id, caseId: c.id, dueAt: due },
      ].sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    );
    // On the practitioner's "my work" (no case: they may not see it), and the key worker's with the case.
    const practitionerWork = await (await callerFor(db, town.practitioner, { clock })).caller.work.mine();
    expect(practitionerWork.now.filter((i) => i.kind === 'onward_unanswered')).toMatchObject([{ case: null, onward: { id: sent.id } }]);
    const keyWorkerWork = await (await callerFor(db, town.socialWorker, { clock })).caller.work.mine();
    expect(keyWorkerWork.now.filter((i) => i.kind === 'onward_unanswered')).toMatchObject([{ case: { id: c.id } }]);

    // Answered: the next sweep resolves both.
    await (await callerFor(db, town.practitioner, { clock })).caller.onward.decline({ id: sent.id, reason: 'No places left this term.' });
    await sweepMunicipality(db, m, clock);
    expect(await open(sent.id)).toEqual([]);
  });
});
