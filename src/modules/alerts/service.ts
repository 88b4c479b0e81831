import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ServiceContext } from '../../service.js';
import { ALERT_KINDS, type AlertModeName } from '../../shared/vocabulary.js';
import { AppError } from '../../errors.js';
import type { RetryAlert, SetAlertPreferences } from './schema.js';

async function current(ctx: ServiceContext) {
  const rows = await ctx.db.alertPreference.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('AlertPreference'), { userId: ctx.user.id }] },
    select: { kind: true, mode: true },
  });
  const mode = new Map(rows.map((r) => [r.kind, r.mode]));
  return ALERT_KINDS.map((kind) => ({ kind, mode: (mode.get(kind) ?? 'immediate') as AlertModeName }));
}

/** The user's own choice for each kind of alert (no choice: at once), and whether e-mail is on at all. */
export async function getAlertPreferences(ctx: ServiceContext) {
  assertCan(ctx.ability, 'read', 'AlertPreference');
  ctx.audit.subject('User', ctx.user.id);
  return { email: ctx.config.emailAlerts ?? false, preferences: await current(ctx) };
}

/** Sets the user's own choices; the audit event keeps each change (before → after). */
export async function setAlertPreferences(ctx: ServiceContext, input: SetAlertPreferences) {
  assertCan(ctx.ability, 'update', 'AlertPreference');
  const before = new Map((await current(ctx)).map((p) => [p.kind, p.mode]));
  const now = ctx.clock();
  const changes: Record<string, { from: AlertModeName; to: AlertModeName }> = {};
  for (const p of input.preferences) {
    if (before.get(p.kind) === p.mode) continue;
    changes[p.kind] = { from: before.get(p.kind)!, to: p.mode };
    await ctx.db.alertPreference.upsert({
      where: { userId_kind: { userId: ctx.user.id, kind: p.kind } },
      create: { userId: ctx.user.id, municipalityId: ctx.user.municipalityId, kind: p.kind, mode: p.mode, updatedAt: now },
      update: { mode: p.mode, updatedAt: now },
    });
  }
  ctx.audit.subject('User', ctx.user.id).detail({ changes });
  return { email: ctx.config.emailAlerts ?? false, preferences: await current(ctx) };
}

const failedSelect = {
  id: true,
  kind: true,
  reference: true,
  createdAt: true,
  failedAt: true,
  attempts: true,
  lastError: true,
} satisfies Prisma.AlertOutboxSelect;

/**
 * Admin: whether alerts are e-mailed (JISR_SMTP_URL) or stay in the app, how many wait, and the latest
 * alerts given up on, without recipient or names (kind, reference, when, attempts, the server's code).
 */
export async function alertStatus(ctx: ServiceContext) {
  assertCan(ctx.ability, 'read', 'AlertOutbox');
  const [waiting, failed] = await Promise.all([
    ctx.db.alertOutbox.count({ where: { AND: [accessibleBy(ctx.ability).ofType('AlertOutbox'), { sentAt: null, failedAt: null }] } }),
    ctx.db.alertOutbox.findMany({
      where: { AND: [accessibleBy(ctx.ability).ofType('AlertOutbox'), { failedAt: { not: null } }] },
      orderBy: [{ failedAt: 'desc' }, { id: 'asc' }],
      take: 100,
      select: failedSelect,
    }),
  ]);
  return { email: ctx.config.emailAlerts ?? false, waiting, failed };
}

/**
 * Admin: a failed alert goes again at the alerts job's next run, with its attempts counted afresh (the
 * mail server was put right, or the recipient's address). Only a failed alert of the admin's own
 * municipality: another's, or one that does not exist, is NOT_FOUND; one still waiting or already sent
 * cannot be retried (INVALID_TRANSITION). The event keeps how many attempts and which code it had.
 */
export async function retryAlert(ctx: ServiceContext, input: RetryAlert) {
  assertCan(ctx.ability, 'update', 'AlertOutbox');
  ctx.audit.subject('AlertOutbox', input.id);
  const row = await ctx.db.alertOutbox.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'update').ofType('AlertOutbox'), { id: input.id }] },
    select: failedSelect,
  });
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.failedAt) throw new AppError('INVALID_TRANSITION');
  const now = ctx.clock();
  // Guarded on failedAt: of two admins retrying at once, one changes the row; the other is told.
  const { count } = await ctx.db.alertOutbox.updateMany({
    where: { AND: [accessibleBy(ctx.ability, 'update').ofType('AlertOutbox'), { id: row.id, failedAt: { not: null }, sentAt: null }] },
    data: { failedAt: null, attempts: 0, lastError: null, nextAttemptAt: now },
  });
  if (!count) throw new AppError('INVALID_TRANSITION');
  ctx.audit.detail({ kind: row.kind, reference: row.reference, attempts: row.attempts, lastError: row.lastError });
  return { id: row.id };
}
