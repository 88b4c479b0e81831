import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { callerFor, testConfig } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { referralInput } from '../helpers/referral-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { emailChannel, type AlertChannel } from '../../src/modules/alerts/channel.js';
import { nextDigestAt } from '../../src/modules/alerts/digest.js';
import { enqueueAlerts } from '../../src/modules/alerts/enqueue.js';
import { queueReferralAlerts, queueReminderAlerts, sendDueAlerts } from '../../src/jobs/alerts.js';
import { startSmtp } from './smtp.js';

const { db } = await testDb();
const MINUTE = 60_000;
const config = testConfig({ session: { idleMs: 24 * 60 * MINUTE, absoluteMs: 24 * 60 * MINUTE } });
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let channel: AlertChannel;

beforeAll(async () => {
  smtp = await startSmtp();
  channel = emailChannel(smtp.url, 'Jisr <alerts@jisr.test>');
});
afterAll(async () => {
  channel.close?.();
  await smtp.close();
});

const at = (iso: string) => new Date(iso);

describe('the daily digest goes at 06:00 on the clock of the recipient’s municipality', () => {
  it('computes the next 06:00 in the zone, around local midnight and across a change of daylight time', () => {
    // Amman is UTC+3 all year: 06:00 there is 03:00 UTC.
    expect(nextDigestAt(at('2026-06-02T20:59:00Z'), 'Asia/Amman')).toEqual(at('2026-06-03T03:00:00Z')); // 23:59 local
    expect(nextDigestAt(at('2026-06-02T21:30:00Z'), 'Asia/Amman')).toEqual(at('2026-06-03T03:00:00Z')); // 00:30 local: this morning
    expect(nextDigestAt(at('2026-06-03T02:59:00Z'), 'Asia/Amman')).toEqual(at('2026-06-03T03:00:00Z'));
    expect(nextDigestAt(at('2026-06-03T03:00:00Z'), 'Asia/Amman')).toEqual(at('2026-06-04T03:00:00Z')); // just gone: tomorrow
    // Tunis is UTC+1; a municipality without a zone, or with one nobody knows, reads as UTC.
    expect(nextDigestAt(at('2026-06-02T23:30:00Z'), 'Africa/Tunis')).toEqual(at('2026-06-03T05:00:00Z'));
    expect(nextDigestAt(at('2026-06-02T23:30:00Z'), '')).toEqual(at('2026-06-03T06:00:00Z'));
    expect(nextDigestAt(at('2026-06-02T23:30:00Z'), 'Mars/Olympus')).toEqual(at('2026-06-03T06:00:00Z'));
    // Beirut moves from UTC+2 to UTC+3 at midnight on 29 March 2026: the morning after is 06:00 summer time.
    expect(nextDigestAt(at('2026-03-28T05:00:00Z'), 'Asia/Beirut')).toEqual(at('2026-03-29T03:00:00Z'));
    expect(nextDigestAt(at('2026-03-27T05:00:00Z'), 'Asia/Beirut')).toEqual(at('2026-03-28T04:00:00Z'));
  });

  it('a digest queued just after midnight in Amman goes that morning at 06:00 there (03:00 UTC), not at 06:00 UTC', async () => {
    const town = await makeTown(db); // JO: Asia/Amman (the country's zone, set on insert)
    expect((await db.municipality.findUniqueOrThrow({ where: { id: town.town.id } })).timeZone).toBe('Asia/Amman');
    const clock = manualClock(at('2026-06-02T21:30:00Z')); // 00:30 on 3 June in Amman
    await db.alertPreference.create({
      data: { userId: town.coordinator.id, municipalityId: town.town.id, kind: 'assigned', mode: 'digest', updatedAt: clock() },
    });
    const about = {
      municipalityId: town.town.id,
      kind: 'assigned' as const,
      entityType: 'Case',
      entityId: crypto.randomUUID(),
      reference: 'C-2026-0101',
    };
    expect(await enqueueAlerts(db, clock(), about, [town.coordinator.id])).toBe(1);
    const row = await db.alertOutbox.findFirstOrThrow({ where: { userId: town.coordinator.id }, select: { nextAttemptAt: true } });
    expect(row.nextAttemptAt).toEqual(at('2026-06-03T03:00:00Z'));

    clock.set(at('2026-06-03T02:59:00Z')); // 05:59 there
    await sendDueAlerts(db, channel, { origin: 'https://jisr.test', clock });
    expect(smtp.to(town.coordinator.email)).toHaveLength(0);
    clock.set(at('2026-06-03T03:00:00Z')); // 06:00 there
    await sendDueAlerts(db, channel, { origin: 'https://jisr.test', clock });
    expect(smtp.to(town.coordinator.email)).toHaveLength(1);
  });

  it("the job's queries (new referrals, reminders) use each municipality's own zone, and UTC for a zone PostgreSQL does not know", async () => {
    const amman = await makeTown(db);
    const tunis = await makeTown(db);
    await db.municipality.update({ where: { id: tunis.town.id }, data: { timeZone: 'Africa/Tunis' } });
    const nowhere = await makeTown(db);
    await db.municipality.update({ where: { id: nowhere.town.id }, data: { timeZone: 'Mars/Olympus' } });
    const clock = manualClock(at('2026-06-02T23:30:00Z')); // 02:30 in Amman, 00:30 in Tunis, on 3 June
    const digestUsers = [];
    for (const t of [amman, tunis, nowhere]) {
      const coordinator = await makeUser(db, { municipalityId: t.town.id, role: 'coordinator' });
      await db.alertPreference.create({
        data: { userId: coordinator.id, municipalityId: t.town.id, kind: 'referral_to_screen', mode: 'digest', updatedAt: clock() },
      });
      await (await callerFor(db, t.socialWorker, { clock, config })).caller.referrals.create(referralInput());
      digestUsers.push(coordinator.id);
    }
    clock.advance(MINUTE);
    await queueReferralAlerts(db, clock());
    const when = async (userId: string) =>
      (
        await db.alertOutbox.findFirstOrThrow({
          where: { userId, kind: 'referral_to_screen' },
          select: { nextAttemptAt: true, digest: true },
        })
      ).nextAttemptAt;
    expect(await when(digestUsers[0]!)).toEqual(at('2026-06-03T03:00:00Z'));
    expect(await when(digestUsers[1]!)).toEqual(at('2026-06-03T05:00:00Z'));
    expect(await when(digestUsers[2]!)).toEqual(at('2026-06-03T06:00:00Z'));
    // The others of each town want it at once: due now.
    expect(await when(amman.coordinator.id)).toEqual(clock());

    // A reminder's alert too: the key worker of an Amman case who wants reminders in the digest.
    const c = await makeCase(db, amman, { keyWorkerId: amman.socialWorker.id });
    await db.alertPreference.create({
      data: { userId: amman.socialWorker.id, municipalityId: amman.town.id, kind: 'reminder_due', mode: 'digest', updatedAt: clock() },
    });
    await db.reminder.create({
      data: {
        municipalityId: amman.town.id,
        userId: amman.socialWorker.id,
        caseId: c.id,
        kind: 'review_overdue',
        entityType: 'Case',
        entityId: c.id,
        dueAt: at('2026-06-03T00:00:00Z'),
        createdAt: clock(),
      },
    });
    await queueReminderAlerts(db, clock());
    const reminder = await db.alertOutbox.findFirstOrThrow({
      where: { userId: amman.socialWorker.id },
      select: { nextAttemptAt: true, digest: true },
    });
    expect(reminder).toEqual({ digest: true, nextAttemptAt: at('2026-06-03T03:00:00Z') });
  });
});
