import type { Db, Tx } from '../db.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { Prisma, type AlertKind, type Locale } from '../generated/prisma/client.js';
import type { AlertChannel } from '../modules/alerts/channel.js';
import { digestZone, nextDigestSql } from '../modules/alerts/digest.js';
import { alertPath, alertText, digestText, type AlertItem } from '../modules/alerts/texts.js';
import type { Job } from './runner.js';

export const ALERTS_LOCK_KEY = 7_318_060;
export const ALERTS_EVERY_MS = 60_000;
/** After this many failed attempts an alert is given up (failed_at) and shown to the admin. */
export const MAX_ATTEMPTS = 6;
/** Minutes before the next attempt after `attempts` failures: 1, 2, 4, 8, 16. */
export const backoffMs = (attempts: number) => 2 ** Math.max(0, attempts - 1) * 60_000;

export interface AlertRun {
  queued: number;
  sent: number;
  failed: number;
}

/**
 * Reminders become alerts: each open reminder raised in the last day gets one outbox row
 * (`ON CONFLICT (reminder_id) DO NOTHING`, so concurrent runs queue it once), unless its reader turned
 * that kind off. Emergency access is told to the coordinators by a `break_glass` reminder, expiring
 * disclosures and consents by theirs; every other reminder is "something is due". A digest alert waits
 * for 06:00 on its municipality's clock (time_zone).
 */
export async function queueReminderAlerts(db: Db | Tx, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 86_400_000);
  return db.$executeRaw`
    INSERT INTO alert_outbox
      (id, municipality_id, user_id, kind, entity_type, entity_id, reference, digest, reminder_id, created_at, next_attempt_at)
    SELECT gen_random_uuid(), r.municipality_id, r.user_id, k.kind, k.entity_type, k.entity_id,
           COALESCE(c.reference, 'W-' || upper(left(r.entity_id::text, 8))), p.mode IS NOT DISTINCT FROM 'digest', r.id, ${now},
           CASE WHEN p.mode = 'digest' THEN ${nextDigestSql(now, Prisma.sql`z.tz`)} ELSE ${now}::timestamptz END
    FROM reminder r
    JOIN app_user u ON u.id = r.user_id AND u.disabled_at IS NULL AND u.municipality_id = r.municipality_id
    JOIN municipality m ON m.id = r.municipality_id
    CROSS JOIN LATERAL (SELECT ${digestZone(Prisma.sql`m.time_zone`)} AS tz) z
    LEFT JOIN case_record c ON c.id = r.case_id
    CROSS JOIN LATERAL (SELECT
      (CASE r.kind WHEN 'break_glass' THEN 'break_glass' WHEN 'disclosure_expiring' THEN 'disclosure_expiring'
                   WHEN 'consent_expiring' THEN 'disclosure_expiring' ELSE 'reminder_due' END)::"AlertKind" AS kind,
      CASE WHEN r.case_id IS NULL THEN r.entity_type ELSE 'Case' END AS entity_type,
      COALESCE(r.case_id, r.entity_id) AS entity_id) k
    LEFT JOIN alert_preference p ON p.user_id = r.user_id AND p.kind = k.kind
    WHERE r.created_at > ${since}::timestamptz AND r.created_at <= ${now}::timestamptz AND r.dismissed_at IS NULL
      AND p.mode IS DISTINCT FROM 'off'
    ON CONFLICT (reminder_id) DO NOTHING`;
}

/**
 * A referral submitted in the last day and still waiting is a "referral to screen" for each active
 * coordinator of its municipality but its referrer (once each: a partial unique index, ON CONFLICT DO NOTHING). Found
 * here rather than by the create procedure, whose row and audit event are one statement.
 */
export async function queueReferralAlerts(db: Db | Tx, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 86_400_000);
  return db.$executeRaw`
    INSERT INTO alert_outbox (id, municipality_id, user_id, kind, entity_type, entity_id, reference, digest, created_at, next_attempt_at)
    SELECT gen_random_uuid(), r.municipality_id, u.id, 'referral_to_screen', 'Referral', r.id, 'R-' || upper(left(r.id::text, 8)),
           p.mode IS NOT DISTINCT FROM 'digest', ${now},
           CASE WHEN p.mode = 'digest' THEN ${nextDigestSql(now, Prisma.sql`z.tz`)} ELSE ${now}::timestamptz END
    FROM referral r
    JOIN app_user u ON u.municipality_id = r.municipality_id AND u.role = 'coordinator' AND u.disabled_at IS NULL AND u.id <> r.referrer_id
    JOIN municipality m ON m.id = r.municipality_id
    CROSS JOIN LATERAL (SELECT ${digestZone(Prisma.sql`m.time_zone`)} AS tz) z
    LEFT JOIN alert_preference p ON p.user_id = u.id AND p.kind = 'referral_to_screen'
    WHERE r.status = 'submitted' AND r.submitted_at > ${since} AND r.submitted_at <= ${now}
      AND p.mode IS DISTINCT FROM 'off'
    ON CONFLICT (user_id, entity_id) WHERE kind = 'referral_to_screen' DO NOTHING`;
}

interface Claimed {
  id: string;
  userId: string;
  kind: AlertKind;
  entityType: string;
  entityId: string;
  reference: string;
  digest: boolean;
  attempts: number;
}

/** The mail server's reason, without the message text (it may echo an address): a code and status. */
function reasonOf(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; name?: unknown };
  const parts = [e.code, e.responseCode].filter((p) => typeof p === 'string' || typeof p === 'number');
  return (parts.length ? parts.join(' ') : String(e.name ?? 'Error')).slice(0, 120);
}

/**
 * Sends what is due, in one transaction that holds the rows it claimed (`FOR UPDATE SKIP LOCKED`):
 * a second run (another replica, the same timer firing twice) skips them, so nothing goes twice. An
 * immediate alert is one message; the due digest rows of one user are one message grouped by kind.
 * A failure counts an attempt, keeps the error's code (no text, no address) and retries with backoff;
 * after MAX_ATTEMPTS the alert is failed and shows on the admin page.
 */
export async function sendDueAlerts(
  db: Db,
  channel: AlertChannel,
  opts: { origin: string; clock?: Clock; batch?: number },
): Promise<Omit<AlertRun, 'queued'>> {
  const now = (opts.clock ?? systemClock)();
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Claimed[]>`
        SELECT id, user_id AS "userId", kind::text AS kind, entity_type AS "entityType", entity_id AS "entityId",
               reference, digest, attempts
        FROM alert_outbox
        WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ${now}
        ORDER BY created_at, id
        LIMIT ${opts.batch ?? 200}
        FOR UPDATE SKIP LOCKED`;
      if (!rows.length) return { sent: 0, failed: 0 };
      const users = await tx.user.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.userId))] } },
        select: { id: true, email: true, locale: true, disabledAt: true },
      });
      const byId = new Map(users.map((u) => [u.id, u]));
      const origin = opts.origin.replace(/\/+$/, '');
      const item = (r: Claimed): AlertItem => ({
        kind: r.kind,
        reference: r.reference,
        link: `${origin}${alertPath(r.kind, r.entityType, r.entityId)}`,
      });
      // Immediate alerts one by one; each user's due digest rows together.
      const batches: Claimed[][] = rows.filter((r) => !r.digest).map((r) => [r]);
      const digests = new Map<string, Claimed[]>();
      for (const r of rows.filter((r) => r.digest)) digests.set(r.userId, [...(digests.get(r.userId) ?? []), r]);
      batches.push(...digests.values());
      let sent = 0;
      let failed = 0;
      for (const batch of batches) {
        const first = batch[0]!;
        const ids = batch.map((r) => r.id);
        const user = byId.get(first.userId);
        if (!user || user.disabledAt) {
          await tx.alertOutbox.updateMany({ where: { id: { in: ids } }, data: { failedAt: now, lastError: 'RECIPIENT_DISABLED' } });
          failed += ids.length;
          continue;
        }
        const locale: Locale = user.locale;
        const text = first.digest ? digestText(locale, batch.map(item)) : alertText(locale, item(first));
        try {
          await channel.send({ to: user.email, locale, ...text });
          await tx.alertOutbox.updateMany({
            where: { id: { in: ids } },
            data: { sentAt: now, attempts: { increment: 1 }, lastError: null },
          });
          sent += ids.length;
        } catch (err) {
          const attempts = Math.max(...batch.map((r) => r.attempts)) + 1;
          const giveUp = attempts >= MAX_ATTEMPTS;
          await tx.alertOutbox.updateMany({
            where: { id: { in: ids } },
            data: {
              attempts,
              lastError: reasonOf(err),
              nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
              failedAt: giveUp ? now : null,
            },
          });
          if (giveUp) failed += ids.length;
        }
      }
      return { sent, failed };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}

/**
 * The alerts job: new referrals and reminders become alerts, then what is due is sent. With no channel (no SMTP set)
 * alerts are still queued and stay in the app (the admin page says so); nothing is sent.
 */
export function alertsJob(
  db: Db,
  opts: { channel: AlertChannel | null; origin: string; clock?: Clock; everyMs?: number; onRun?: (r: AlertRun) => void },
): Job<AlertRun> {
  const clock = opts.clock ?? systemClock;
  return {
    name: 'alerts',
    everyMs: opts.everyMs ?? ALERTS_EVERY_MS,
    lockKey: ALERTS_LOCK_KEY,
    run: async () => {
      const queued = (await queueReferralAlerts(db, clock())) + (await queueReminderAlerts(db, clock()));
      if (!opts.channel) return { queued, sent: 0, failed: 0 };
      return { queued, ...(await sendDueAlerts(db, opts.channel, { origin: opts.origin, clock })) };
    },
    onRun: opts.onRun,
  };
}
