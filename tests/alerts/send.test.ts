import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { emailChannel, type AlertChannel } from '../../src/modules/alerts/channel.js';
import { enqueueAlerts } from '../../src/modules/alerts/enqueue.js';
import { MAX_ATTEMPTS, sendDueAlerts } from '../../src/jobs/alerts.js';
import { startSmtp } from './smtp.js';

const { db } = await testDb();
const ORIGIN = 'https://jisr.test';
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

/** A town, a case-like record to point at, and three coordinators, one per language. */
async function town() {
  const t = await makeTown(db);
  const mk = (locale: 'ar' | 'fr' | 'en') =>
    makeUser(db, { municipalityId: t.town.id, role: 'coordinator', locale, displayName: `Coordinator Zafira ${locale}` });
  const [ar, fr, en] = [await mk('ar'), await mk('fr'), await mk('en')];
  const entityId = crypto.randomUUID();
  const event = {
    municipalityId: t.town.id,
    kind: 'referral_to_screen' as const,
    entityType: 'Referral',
    entityId,
    reference: `R-${entityId.slice(0, 8).toUpperCase()}`,
  };
  return { ...t, ar, fr, en, event };
}

const outbox = (userId: string) => db.alertOutbox.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

describe('alert e-mails', () => {
  it("arrive at the mail server in each recipient's language, with the reference and a link and nothing personal", async () => {
    const clock = manualClock(new Date('2026-06-01T09:00:00Z'));
    const t = await town();
    expect(await enqueueAlerts(db, clock(), t.event, [t.ar.id, t.fr.id, t.en.id])).toBe(3);
    const run = await sendDueAlerts(db, channel, { origin: `${ORIGIN}/`, clock });
    expect(run.sent).toBeGreaterThanOrEqual(3);
    const link = `${ORIGIN}/referrals/${t.event.entityId}`;
    const [ar, fr, en] = [smtp.to(t.ar.email), smtp.to(t.fr.email), smtp.to(t.en.email)];
    expect([ar.length, fr.length, en.length]).toEqual([1, 1, 1]);
    expect(ar[0]).toMatchObject({ language: 'ar' });
    expect(ar[0]!.subject).toContain('إحالة جديدة بانتظار الفرز');
    expect(fr[0]!.subject).toContain('Une nouvelle orientation attend');
    expect(en[0]!.subject).toContain('A new referral is waiting to be screened');
    for (const m of [...ar, ...fr, ...en]) {
      expect(m.text).toContain(t.event.reference);
      expect(m.text).toContain(link);
      // No name (the recipient's or anyone's), no address in the body.
      expect(m.text).not.toMatch(/Zafira|Test |@/);
      expect(m.subject).not.toMatch(/Zafira|Test /);
    }
    expect((await outbox(t.ar.id))[0]).toMatchObject({ sentAt: clock(), attempts: 1, lastError: null });
  });

  it('a daily digest waits until the morning (06:00 in Amman, the town’s zone) and groups the day’s alerts by kind in one message', async () => {
    const clock = manualClock(new Date('2026-06-02T09:00:00Z'));
    const t = await town();
    await db.alertPreference.createMany({
      data: (['referral_to_screen', 'break_glass'] as const).map((kind) => ({
        userId: t.fr.id,
        municipalityId: t.town.id,
        kind,
        mode: 'digest' as const,
        updatedAt: clock(),
      })),
    });
    await enqueueAlerts(db, clock(), t.event, [t.fr.id, t.en.id]);
    await enqueueAlerts(db, clock(), { ...t.event, entityId: crypto.randomUUID(), reference: 'R-SECOND01' }, [t.fr.id]);
    await enqueueAlerts(db, clock(), { ...t.event, kind: 'break_glass', entityType: 'Case', reference: 'C-2026-0042' }, [t.fr.id]);
    await sendDueAlerts(db, channel, { origin: ORIGIN, clock });
    expect(smtp.to(t.en.email)).toHaveLength(1); // the other coordinator's: at once
    expect(smtp.to(t.fr.email)).toHaveLength(0);
    clock.set(new Date('2026-06-03T02:59:00Z')); // 05:59 in Amman
    await sendDueAlerts(db, channel, { origin: ORIGIN, clock });
    expect(smtp.to(t.fr.email)).toHaveLength(0);
    clock.set(new Date('2026-06-03T03:01:00Z'));
    await sendDueAlerts(db, channel, { origin: ORIGIN, clock });
    const [digest, ...more] = smtp.to(t.fr.email);
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe('Jisr: Votre résumé du jour (3)');
    expect(digest!.text).toContain('Une nouvelle orientation attend d’être examinée (2)');
    expect(digest!.text).toContain('Un accès d’urgence a été utilisé sur un dossier (1)');
    for (const ref of [t.event.reference, 'R-SECOND01', 'C-2026-0042']) expect(digest!.text).toContain(ref);
    expect((await outbox(t.fr.id)).every((r) => r.sentAt && r.digest)).toBe(true);
  });

  it('a refusing mail server is retried with backoff, and after the last attempt the alert is failed', async () => {
    const clock = manualClock(new Date('2026-06-04T09:00:00Z'));
    const t = await town();
    await enqueueAlerts(db, clock(), t.event, [t.en.id]);
    smtp.failNext(1);
    await sendDueAlerts(db, channel, { origin: ORIGIN, clock });
    expect(smtp.to(t.en.email)).toHaveLength(0);
    const [failed] = await outbox(t.en.id);
    expect(failed).toMatchObject({ sentAt: null, failedAt: null, attempts: 1, nextAttemptAt: new Date('2026-06-04T09:01:00Z') });
    expect(failed!.lastError).toMatch(/451/);
    expect(failed!.lastError).not.toContain('@');
    clock.advance(30_000); // before the backoff: not tried
    await sendDueAlerts(db, channel, { origin: ORIGIN, clock });
    expect((await outbox(t.en.id))[0]!.attempts).toBe(1);
    clock.advance(30_000);
    await sendDueAlerts(db, channel, { origin: ORIGIN, clock });
    expect(smtp.to(t.en.email)).toHaveLength(1);
    expect((await outbox(t.en.id))[0]).toMatchObject({ sentAt: clock(), attempts: 2, lastError: null });

    // A server that never takes it: MAX_ATTEMPTS tries, then failed.
    await enqueueAlerts(db, clock(), t.event, [t.fr.id]);
    smtp.failNext(MAX_ATTEMPTS);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await sendDueAlerts(db, channel, { origin: ORIGIN, clock });
      clock.advance(60 * 60_000);
    }
    const [given] = await outbox(t.fr.id);
    expect(given).toMatchObject({ sentAt: null, attempts: MAX_ATTEMPTS });
    expect(given!.failedAt).not.toBeNull();
    await sendDueAlerts(db, channel, { origin: ORIGIN, clock });
    expect(smtp.to(t.fr.email)).toHaveLength(0);
  });

  it('two runs at once send each alert once', async () => {
    const clock = manualClock(new Date('2026-06-05T09:00:00Z'));
    const t = await town();
    const extra = await Promise.all(Array.from({ length: 5 }, () => makeUser(db, { municipalityId: t.town.id, role: 'coordinator' })));
    const ids = [t.ar.id, t.fr.id, t.en.id, ...extra.map((u) => u.id)];
    await enqueueAlerts(db, clock(), t.event, ids);
    const runs = await Promise.all([0, 1, 2].map(() => sendDueAlerts(db, channel, { origin: ORIGIN, clock })));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(ids.length);
    for (const e of [t.ar.email, t.fr.email, t.en.email, ...extra.map((u) => u.email)]) expect(smtp.to(e)).toHaveLength(1);
  });

  it("follows each user's choice: off queues nothing; other municipalities' and disabled users are dropped", async () => {
    const clock = manualClock(new Date('2026-06-06T09:00:00Z'));
    const t = await town();
    const other = await makeTown(db);
    const gone = await makeUser(db, { municipalityId: t.town.id, role: 'coordinator', disabled: true });
    await db.alertPreference.create({
      data: { userId: t.ar.id, municipalityId: t.town.id, kind: 'referral_to_screen', mode: 'off', updatedAt: clock() },
    });
    await db.alertPreference.create({
      data: { userId: t.fr.id, municipalityId: t.town.id, kind: 'assigned', mode: 'off', updatedAt: clock() },
    });
    expect(await enqueueAlerts(db, clock(), t.event, [t.ar.id, t.fr.id, other.coordinator.id, gone.id])).toBe(1);
    expect(await outbox(t.ar.id)).toHaveLength(0);
    expect(await outbox(t.fr.id)).toHaveLength(1);
    expect(await outbox(other.coordinator.id)).toHaveLength(0);
    expect(await outbox(gone.id)).toHaveLength(0);
  });
});
