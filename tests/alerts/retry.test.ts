import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { emailChannel, type AlertChannel } from '../../src/modules/alerts/channel.js';
import { enqueueAlerts } from '../../src/modules/alerts/enqueue.js';
import { MAX_ATTEMPTS, sendDueAlerts } from '../../src/jobs/alerts.js';
import { startSmtp } from './smtp.js';

const { db } = await testDb();
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

const ORIGIN = 'https://jisr.test';

/** A town whose coordinator's alert the mail server refused MAX_ATTEMPTS times: failed, on the admin's page. */
async function failedAlert(clock: ReturnType<typeof manualClock>) {
  const town = await makeTown(db);
  const entityId = crypto.randomUUID();
  await enqueueAlerts(
    db,
    clock(),
    { municipalityId: town.town.id, kind: 'assigned', entityType: 'Case', entityId, reference: 'C-2026-0321' },
    [town.coordinator.id],
  );
  smtp.failNext(MAX_ATTEMPTS);
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    await sendDueAlerts(db, channel, { origin: ORIGIN, clock });
    clock.advance(60 * 60_000);
  }
  const row = await db.alertOutbox.findFirstOrThrow({ where: { userId: town.coordinator.id } });
  expect(row.failedAt).not.toBeNull();
  return { town, row };
}

const rowOf = (id: string) => db.alertOutbox.findUniqueOrThrow({ where: { id } });

describe('the admin sends a failed alert again', () => {
  it('the alert leaves the failed list, goes at the next run, and the retry is audited with what it had', async () => {
    const clock = manualClock(new Date('2026-09-01T09:00:00Z'));
    const { town, row } = await failedAlert(clock);
    const admin = (await callerFor(db, town.admin, { clock })).caller;
    expect((await admin.alerts.status()).failed.map((f) => f.id)).toEqual([row.id]);

    expect(await admin.alerts.retry({ id: row.id })).toEqual({ id: row.id });
    expect(await rowOf(row.id)).toMatchObject({ failedAt: null, sentAt: null, attempts: 0, lastError: null, nextAttemptAt: clock() });
    expect((await admin.alerts.status()).failed).toEqual([]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.admin.id, action: 'alert.retry', outcome: 'allowed' },
      select: { entityType: true, entityId: true, detail: true },
    });
    expect(event).toMatchObject({ entityType: 'AlertOutbox', entityId: row.id });
    expect(event.detail).toMatchObject({ kind: 'assigned', reference: 'C-2026-0321', attempts: MAX_ATTEMPTS, lastError: row.lastError });

    await sendDueAlerts(db, channel, { origin: ORIGIN, clock });
    expect(smtp.to(town.coordinator.email)).toHaveLength(1);
    expect(await rowOf(row.id)).toMatchObject({ sentAt: clock(), attempts: 1 });
    // Sent: it cannot be retried again.
    expect(await failure(admin.alerts.retry({ id: row.id }))).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses every other role, another municipality’s admin, an unknown id and an alert still waiting, changing nothing', async () => {
    const clock = manualClock(new Date('2026-09-02T09:00:00Z'));
    const { town, row } = await failedAlert(clock);
    const before = await rowOf(row.id);
    for (const user of [town.coordinator, town.socialWorker, town.practitioner, town.auditor]) {
      const caller = (await callerFor(db, user, { clock })).caller;
      expect(await failure(caller.alerts.retry({ id: row.id }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await auditCount(db, user.id, 'alert.retry', 'denied')).toBe(1);
    }
    const other = await makeTown(db);
    const stranger = (await callerFor(db, other.admin, { clock })).caller;
    expect(await failure(stranger.alerts.retry({ id: row.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditCount(db, other.admin.id, 'alert.retry', 'denied')).toBe(1);
    const admin = (await callerFor(db, town.admin, { clock })).caller;
    expect(await failure(admin.alerts.retry({ id: crypto.randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(admin.alerts.retry({ id: 'not-an-id' }))).toMatchObject({ code: 'BAD_INPUT' });
    expect(await rowOf(row.id)).toEqual(before);

    // One still waiting its next attempt is the job's to send, not the admin's.
    await enqueueAlerts(
      db,
      clock(),
      { municipalityId: town.town.id, kind: 'assigned', entityType: 'Case', entityId: crypto.randomUUID(), reference: 'C-2026-0322' },
      [town.socialWorker.id],
    );
    const waiting = await db.alertOutbox.findFirstOrThrow({ where: { userId: town.socialWorker.id } });
    expect(await failure(admin.alerts.retry({ id: waiting.id }))).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await rowOf(waiting.id)).toEqual(waiting);
  });
});
