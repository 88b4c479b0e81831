import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testConfig } from '../helpers/callers.js';
import { auditCount, failure } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { enqueueAlerts } from '../../src/modules/alerts/enqueue.js';
import { ALERT_KINDS } from '../../src/shared/vocabulary.js';

const { db } = await testDb();

describe("a user's own alert choices", () => {
  it('start at "immediate", are changed by their owner, audited before → after, and steer what is queued', async () => {
    const town = await makeTown(db);
    const clock = manualClock(new Date('2026-08-01T09:00:00Z'));
    const me = (await callerFor(db, town.coordinator, { clock })).caller;
    const start = await me.alerts.preferences();
    expect(start.email).toBe(false);
    expect(start.preferences).toHaveLength(ALERT_KINDS.length);
    expect(start.preferences.every((p) => p.mode === 'immediate')).toBe(true);

    const set = await me.alerts.setPreferences({
      preferences: [
        { kind: 'referral_to_screen', mode: 'digest' },
        { kind: 'reminder_due', mode: 'off' },
        { kind: 'assigned', mode: 'immediate' },
      ],
    });
    expect(set.preferences).toContainEqual({ kind: 'referral_to_screen', mode: 'digest' });
    expect(set.preferences).toContainEqual({ kind: 'reminder_due', mode: 'off' });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'alert.preferences.update', outcome: 'allowed' },
      select: { entityType: true, entityId: true, detail: true },
    });
    expect(event).toMatchObject({ entityType: 'User', entityId: town.coordinator.id });
    expect(event.detail).toMatchObject({
      changes: { referral_to_screen: { from: 'immediate', to: 'digest' }, reminder_due: { from: 'immediate', to: 'off' } },
    });
    expect(Object.keys((event.detail as { changes: object }).changes)).toHaveLength(2); // "assigned" did not change

    const about = { municipalityId: town.town.id, entityType: 'Referral', entityId: crypto.randomUUID(), reference: 'R-00000001' };
    expect(await enqueueAlerts(db, clock(), { ...about, kind: 'reminder_due' }, [town.coordinator.id])).toBe(0);
    await enqueueAlerts(db, clock(), { ...about, kind: 'referral_to_screen' }, [town.coordinator.id]);
    expect(
      await db.alertOutbox.findFirstOrThrow({ where: { userId: town.coordinator.id }, select: { digest: true, nextAttemptAt: true } }),
    ).toEqual({
      digest: true,
      nextAttemptAt: new Date('2026-08-02T03:00:00Z'), // 06:00 in Amman, the town's zone
    });
  });

  it("cannot touch another user's choices: a crafted user id is refused and changes nothing; bad input is refused", async () => {
    const town = await makeTown(db);
    const me = (await callerFor(db, town.socialWorker)).caller;
    const crafted = { userId: town.coordinator.id, preferences: [{ kind: 'break_glass', mode: 'off' }] } as never;
    expect(await failure(me.alerts.setPreferences(crafted))).toMatchObject({ code: 'BAD_INPUT' });
    for (const bad of [
      { preferences: [{ kind: 'break_glass', mode: 'off', userId: town.coordinator.id }] },
      { preferences: [{ kind: 'everything', mode: 'off' }] },
      { preferences: [{ kind: 'break_glass', mode: 'hourly' }] },
      { preferences: [] },
      {
        preferences: [
          { kind: 'break_glass', mode: 'off' },
          { kind: 'break_glass', mode: 'digest' },
        ],
      },
    ])
      expect(await failure(me.alerts.setPreferences(bad as never))).toMatchObject({ code: 'BAD_INPUT' });
    expect(await db.alertPreference.count({ where: { userId: { in: [town.coordinator.id, town.socialWorker.id] } } })).toBe(0);
    const theirs = await (await callerFor(db, town.coordinator)).caller.alerts.preferences();
    expect(theirs.preferences.every((p) => p.mode === 'immediate')).toBe(true);
  });
});

describe("the admin's view of alert delivery", () => {
  it('says whether alerts are e-mailed, counts those waiting, lists failed ones of its own municipality without names', async () => {
    const town = await makeTown(db);
    const other = await makeTown(db);
    const clock = manualClock(new Date('2026-08-03T09:00:00Z'));
    const about = { kind: 'assigned' as const, entityType: 'Case', entityId: crypto.randomUUID(), reference: 'C-2026-0007' };
    await enqueueAlerts(db, clock(), { ...about, municipalityId: town.town.id }, [town.coordinator.id, town.socialWorker.id]);
    await enqueueAlerts(db, clock(), { ...about, municipalityId: other.town.id, reference: 'C-2026-0999' }, [other.coordinator.id]);
    await db.alertOutbox.updateMany({
      where: { userId: { in: [town.coordinator.id, other.coordinator.id] } },
      data: { failedAt: clock(), attempts: 6, lastError: 'EENVELOPE 550' },
    });

    const inApp = await (await callerFor(db, town.admin, { clock })).caller.alerts.status();
    expect(inApp).toMatchObject({ email: false, waiting: 1 });
    expect(inApp.failed).toEqual([
      {
        id: expect.any(String),
        kind: 'assigned',
        reference: 'C-2026-0007',
        createdAt: clock(),
        failedAt: clock(),
        attempts: 6,
        lastError: 'EENVELOPE 550',
      },
    ]);
    const byMail = await (await callerFor(db, town.admin, { clock, config: testConfig({ emailAlerts: true }) })).caller.alerts.status();
    expect(byMail.email).toBe(true);

    for (const user of [town.coordinator, town.socialWorker, town.practitioner, town.auditor]) {
      const caller = (await callerFor(db, user, { clock })).caller;
      expect(await failure(caller.alerts.status())).toMatchObject({ code: 'FORBIDDEN' });
      expect(await auditCount(db, user.id, 'alert.status', 'denied')).toBe(1);
    }
  });
});
