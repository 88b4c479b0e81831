import { AppError, notFound } from '../../errors.js';
import { accessibleBy } from '../../auth/casl.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../auth/password.js';
import { endSessions } from '../../auth/session.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { noticeSelect, pendingNotice } from './notice.js';
import { sessionLimits } from './keep-alive.js';

/** The signed-in user, their municipality, the account notice they have not dismissed and when the session ends, for the app shell. */
export async function me(ctx: ServiceContext) {
  const { municipality, ...notice } = await ctx.db.user.findUniqueOrThrow({
    where: { id: ctx.user.id },
    // The zone and country let the browser count "today" where the municipality is and format its way.
    select: { municipality: { select: { id: true, name: true, country: true, timeZone: true, kind: true } }, ...noticeSelect },
  });
  ctx.audit.subject('User', ctx.user.id);
  const { enrolled, mustEnrol } = ctx.factor;
  const session = await sessionLimits(ctx);
  return {
    ...ctx.user,
    municipality: { ...municipality, timeZone: municipality.timeZone || 'UTC' },
    notice: pendingNotice(notice),
    secondFactor: { enrolled, mustEnrol },
    session,
  };
}

export async function logout(ctx: ServiceContext) {
  await endSessions(ctx.db, ctx.clock(), 'logout', { id: ctx.sessionId });
  ctx.audit.subject('Session', ctx.sessionId);
}

const sessionSelect = {
  id: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  ip: true,
  userAgent: true,
} satisfies Prisma.SessionSelect;

/** My live sessions, the current one marked. */
export async function listSessions(ctx: ServiceContext) {
  const rows = await ctx.db.session.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('Session'), { endedAt: null, expiresAt: { gt: ctx.clock() } }] },
    select: sessionSelect,
    orderBy: { lastSeenAt: 'desc' },
  });
  ctx.audit.detail({ count: rows.length, sessionIds: rows.map((s) => s.id) });
  return rows.map((s) => ({ ...s, current: s.id === ctx.sessionId }));
}

/** Ends one of my sessions; someone else's is NOT_FOUND. */
export async function endSession(ctx: ServiceContext, id: string) {
  const count = await endSessions(ctx.db, ctx.clock(), 'ended_by_user', {
    AND: [accessibleBy(ctx.ability, 'update').ofType('Session'), { id }],
  });
  if (count === 0) throw notFound('Session', id);
}

/** Needs the current password; ends every other session of mine. */
export async function changePassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }) {
  const row = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', { fields: { currentPassword: 'WRONG_PASSWORD' } });
  }
  checkPasswordPolicy(input.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('PASSWORD_UNCHANGED', { fields: { newPassword: 'PASSWORD_UNCHANGED' } });
  }
  const now = ctx.clock();
  await ctx.db.user.update({
    where: { id: ctx.user.id },
    data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, passwordChangedAt: now },
    select: { id: true },
  });
  const ended = await endSessions(ctx.db, now, 'password_changed', { userId: ctx.user.id, id: { not: ctx.sessionId } });
  ctx.audit.subject('User', ctx.user.id).detail({ endedSessions: ended });
}

export async function setLocale(ctx: ServiceContext, locale: 'ar' | 'fr' | 'en') {
  await ctx.db.user.update({ where: { id: ctx.user.id }, data: { locale }, select: { id: true } });
  ctx.audit.subject('User', ctx.user.id).detail({ locale });
}

/** Marks the account notice seen (who set my password, and when); the event names the notice it closes. */
export async function dismissNotice(ctx: ServiceContext) {
  const row = await ctx.db.user.update({
    where: { id: ctx.user.id },
    data: { noticeSeenAt: ctx.clock() },
    select: { credentialsSetAt: true },
  });
  ctx.audit.subject('User', ctx.user.id).detail({ credentialsSetAt: row.credentialsSetAt });
}
