import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor, testConfig } from '../helpers/callers.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { referralInput } from '../helpers/referral-factories.js';
import { onwardScene, SUMMARY } from '../onward/helpers.js';
import { manualClock } from '../../src/lib/clock.js';
import { emailChannel, type AlertChannel } from '../../src/modules/alerts/channel.js';
import { alertsJob, queueReferralAlerts, queueReminderAlerts } from '../../src/jobs/alerts.js';
import { sweepMunicipality } from '../../src/jobs/reminders.js';
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

/** Who was queued an alert about `entityId`: [user, kind], sorted. */
async function queued(entityId: string) {
  const rows = await db.alertOutbox.findMany({ where: { entityId }, select: { userId: true, kind: true, reference: true } });
  return rows.map((r) => [r.userId, r.kind]).sort();
}
const sorted = (pairs: [string, string][]) => pairs.sort();

describe('events queue alerts for the right people only', () => {
  it('a new referral: each coordinator of its municipality, once, and the e-mail holds neither the name nor the concern', async () => {
    const town = await makeTown(db);
    const coord2 = await makeUser(db, { municipalityId: town.town.id, role: 'coordinator', locale: 'ar' });
    const other = await makeTown(db);
    const clock = manualClock(new Date('2026-07-01T08:00:00Z'));
    const sw = (await callerFor(db, town.socialWorker, { clock, config })).caller;
    const input = referralInput();
    const referral = await sw.referrals.create(input);
    clock.advance(MINUTE);
    expect(await queueReferralAlerts(db, clock())).toBeGreaterThanOrEqual(2);
    expect(await queueReferralAlerts(db, clock())).toBe(0); // a second run queues nothing again
    expect(await queued(referral.id)).toEqual(
      sorted([
        [town.coordinator.id, 'referral_to_screen'],
        [coord2.id, 'referral_to_screen'],
      ]),
    );
    expect(await db.alertOutbox.count({ where: { userId: other.coordinator.id } })).toBe(0);
    // A coordinator who submits one is not told of their own referral; the other coordinator is.
    const own = await (await callerFor(db, town.coordinator, { clock, config })).caller.referrals.create(referralInput());
    await queueReferralAlerts(db, clock());
    expect(await queued(own.id)).toEqual([[coord2.id, 'referral_to_screen']]);

    const job = alertsJob(db, { channel, origin: 'https://jisr.test', clock });
    await job.run();
    expect(smtp.to(coord2.email)).toHaveLength(2);
    const mail = smtp.to(coord2.email).find((m) => m.text.includes(`/referrals/${referral.id}`));
    expect(mail).toMatchObject({ language: 'ar' });
    expect(mail!.text).toContain(`https://jisr.test/referrals/${referral.id}`);
    for (const secret of [input.newPerson!.nameLatin!, input.newPerson!.nameArabic!, 'Synthetic concern', 'recruiter', 'returnee'])
      expect(`${mail!.subject}\n${mail!.text}`).not.toContain(secret);
  });

  it('an assignment: the new key worker, not the coordinator who assigned', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: null });
    const clock = manualClock(new Date('2026-07-02T08:00:00Z'));
    const coordinator = (await callerFor(db, town.coordinator, { clock, config })).caller;
    await coordinator.cases.assign({ id: c.id, keyWorkerId: town.socialWorker.id });
    const rows = await db.alertOutbox.findMany({ where: { entityId: c.id }, select: { userId: true, kind: true, reference: true } });
    const { reference } = await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { reference: true } });
    expect(rows).toEqual([{ userId: town.socialWorker.id, kind: 'assigned', reference }]);
  });

  it("an onward referral: the receiving agency's practitioners, not another agency's or municipality's", async () => {
    const town = await makeTown(db);
    const { c, other, otherPractitioner } = await onwardScene(db, town);
    const second = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: other.id });
    const elsewhere = await makeTown(db);
    const clock = manualClock(new Date('2026-07-03T08:00:00Z'));
    const keyWorker = (await callerFor(db, town.socialWorker, { clock, config })).caller;
    const sent = await keyWorker.onward.send({ caseId: c.id, agencyId: other.id, summary: SUMMARY, shareName: true });
    expect(await queued(sent.id)).toEqual(
      sorted([
        [otherPractitioner.id, 'onward_to_answer'],
        [second.id, 'onward_to_answer'],
      ]),
    );
    for (const u of [town.practitioner, elsewhere.practitioner, town.coordinator])
      expect(await db.alertOutbox.count({ where: { userId: u.id } })).toBe(0);
    const row = await db.alertOutbox.findFirstOrThrow({ where: { entityId: sent.id }, select: { reference: true } });
    expect(row.reference).toBe(`O-${sent.id.slice(0, 8).toUpperCase()}`);
  });

  it('a break-glass: the case’s key worker at once, the coordinators through their notice, once each', async () => {
    const town = await makeTown(db);
    const keyWorker = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const c = await makeCase(db, town, { keyWorkerId: keyWorker.id });
    const clock = manualClock(new Date('2026-07-04T08:00:00Z'));
    const sw = (await callerFor(db, town.socialWorker, { clock, config })).caller;
    await sw.cases.breakGlass({
      caseId: c.id,
      sections: ['summary'],
      justification: 'Synthetic emergency: the family needs help tonight.',
    });
    await queueReminderAlerts(db, clock());
    await queueReminderAlerts(db, clock());
    expect(await queued(c.id)).toEqual(
      sorted([
        [keyWorker.id, 'break_glass'],
        [town.coordinator.id, 'break_glass'],
      ]),
    );
    expect(await db.alertOutbox.count({ where: { userId: town.socialWorker.id } })).toBe(0);
  });

  it('a disclosure about to expire and other due items: their reminder readers, as the sweep raised them', async () => {
    const town = await makeTown(db);
    const agency = await makeAgency(db, town.town.id);
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id });
    await makeDisclosure(db, c, { agencyId: agency.id, createdById: town.coordinator.id, expiresAt: new Date('2026-07-08T00:00:00Z') });
    const at = new Date('2026-07-05T08:00:00Z');
    await sweepMunicipality(db, town.town.id, () => at);
    const reminders = await db.reminder.findMany({
      where: { municipalityId: town.town.id, kind: 'disclosure_expiring' },
      select: { userId: true },
    });
    expect(reminders.length).toBeGreaterThan(0);
    await queueReminderAlerts(db, at);
    const alerts = await db.alertOutbox.findMany({
      where: { municipalityId: town.town.id, kind: 'disclosure_expiring' },
      select: { userId: true },
    });
    expect(alerts.map((a) => a.userId).sort()).toEqual(reminders.map((r) => r.userId).sort());
  });
});
