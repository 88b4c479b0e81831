import type { ServiceContext } from '../../service.js';

/**
 * When the current session ends unless something happens: `idleEndsAt` (its last sign of activity plus
 * the idle limit) and `endsAt` (the absolute limit, which nothing moves). The browser warns before
 * either and offers to stay (keepAlive) before the idle one.
 */
export interface SessionLimits {
  idleMs: number;
  idleEndsAt: Date;
  endsAt: Date;
}

/** The current session's limits, as they stand. */
export async function sessionLimits(ctx: ServiceContext): Promise<SessionLimits> {
  const s = await ctx.db.session.findUniqueOrThrow({ where: { id: ctx.sessionId }, select: { lastSeenAt: true, expiresAt: true } });
  const { idleMs } = ctx.config.session;
  return { idleMs, idleEndsAt: new Date(s.lastSeenAt.getTime() + idleMs), endsAt: s.expiresAt };
}

/**
 * "Stay signed in", and typing in a form (the browser sends it at most every few minutes): the session
 * counts as used now, so its idle limit starts again. Never past the absolute limit.
 */
export async function keepAlive(ctx: ServiceContext): Promise<SessionLimits> {
  const now = ctx.clock();
  const s = await ctx.db.session.update({ where: { id: ctx.sessionId }, data: { lastSeenAt: now }, select: { expiresAt: true } });
  ctx.audit.subject('Session', ctx.sessionId);
  const { idleMs } = ctx.config.session;
  return { idleMs, idleEndsAt: new Date(now.getTime() + idleMs), endsAt: s.expiresAt };
}
