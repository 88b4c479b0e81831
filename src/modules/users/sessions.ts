import { z } from 'zod';
import { notFound } from '../../errors.js';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { endSessions } from '../../auth/session.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';

export const UserSessionsInput = z.object({ userId: z.uuid() });
export const EndUserSessionInput = z.object({ id: z.uuid() });

const sessionSelect = {
  id: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  ip: true,
  userAgent: true,
  factorPending: true,
} satisfies Prisma.SessionSelect;

/**
 * An account's live sessions, for an admin of its municipality (device, address, started, last seen);
 * the admin's own current session is marked. Another municipality's account is NOT_FOUND.
 */
export async function listUserSessions(ctx: ServiceContext, userId: string) {
  assertCan(ctx.ability, 'oversee', 'Session');
  const user = await ctx.db.user.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('User'), { id: userId }] },
    select: { id: true },
  });
  if (!user) throw notFound('User', userId);
  const rows = await ctx.db.session.findMany({
    where: {
      AND: [accessibleBy(ctx.ability, 'oversee').ofType('Session'), { userId, endedAt: null, expiresAt: { gt: ctx.clock() } }],
    },
    select: sessionSelect,
    orderBy: { lastSeenAt: 'desc' },
    take: 200,
  });
  ctx.audit.subject('User', userId).detail({ count: rows.length, sessionIds: rows.map((s) => s.id) });
  return rows.map((s) => ({ ...s, current: s.id === ctx.sessionId }));
}

/**
 * Ends one session of an account of the admin's municipality, at once: its next request is
 * UNAUTHENTICATED (sessions are read from the database on every request). Another municipality's
 * session, an ended one or an id that exists nowhere is NOT_FOUND.
 */
export async function endUserSession(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'oversee', 'Session');
  const session = await ctx.db.session.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'oversee').ofType('Session'), { id, endedAt: null }] },
    select: { userId: true },
  });
  if (!session) throw notFound('Session', id);
  const count = await endSessions(ctx.db, ctx.clock(), 'ended_by_admin', { id });
  if (count === 0) throw notFound('Session', id);
  ctx.audit.subject('Session', id).detail({ userId: session.userId });
  return { ok: true as const };
}
