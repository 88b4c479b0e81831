import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { seedDemo } from '../../src/seed/demo.js';
import { verifyAll } from '../../src/audit/verify.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();

describe('the demo meetings', () => {
  it('hold a past, decided and approved meeting and an upcoming one, each invitee seeing their own pack', async () => {
    expect(await seedDemo(db, 'demo password 2026', testKeyring)).toBe(true);
    const user = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, municipalityId: true } });
    const clock = manualClock(new Date());
    const { caller: coord } = await callerFor(db, await user('coordinator@demo.jisr.local'), { clock });
    const [past] = await coord.meetings.list({ when: 'past' });
    const [upcoming] = await coord.meetings.list({ when: 'upcoming' });
    expect(past).toMatchObject({ status: 'approved', agendaCount: 3 });
    expect(upcoming).toMatchObject({ status: 'scheduled', agendaCount: 2 });

    const full = await coord.meetings.get({ id: past!.id });
    expect(full.agenda.map((i) => i.decision)).toEqual(['continue', 'adjust_plan', 'escalate']);
    expect(full.agenda[1]).toMatchObject({ consensus: false, dissent: expect.stringContaining('school') });
    expect(full.minutes.filter((m) => m.correctsId)).toHaveLength(1);

    const { caller: practitioner } = await callerFor(db, await user('practitioner@demo.jisr.local'), { clock });
    const pack = await practitioner.meetings.get({ id: past!.id });
    expect(pack.agenda.map((i) => i.id)).toEqual([full.agenda[1]!.id]);
    expect(pack.agenda[0]!.plan!.map((p) => p.title)).toContain('Weekly football group at the youth centre');
    expect((await verifyAll(db)).every((r) => r.firstBroken === null)).toBe(true);
  });
});
