import type { ServiceContext } from '../../service.js';

/**
 * How long the current session lasts unless something happens, as durations from the server's now
 * (the browser's clock may be off): `idleLeftMs` until the idle limit (`idleMs` after its last sign of
 * activity), `leftMs` until the absolute limit, which nothing moves. The browser warns before either
 * and offers to stay (keepAlive) before the idle one.
 */
export interface SessionLimits {
  idleMs: number;
  idleLeftMs: number;
  leftMs: number;
}

const limits = (ctx: ServiceContext, now: Date, lastSeenAt: Date, expiresAt: Date): SessionLimits => {
  const { idleMs } = ctx.config.session;
  return { idleMs, idleLeftMs: lastSeenAt.getTime() + idleMs - now.getTime(), leftMs: expiresAt.getTime() - now.getTime() };
};

/** The current session's limits, as they stand. */
export async function sessionLimits(ctx: ServiceContext): Promise<SessionLimits> {
  const s = await ctx.db.session.findUniqueOrThrow({ where: { id: ctx.sessionId }, select: { lastSeenAt: true, expiresAt: true } });
  return limits(ctx, ctx.clock(), s.lastSeenAt, s.expiresAt);
}

/**
 * "Stay signed in", and activity in the page (typing in a form): the browser sends it at most once per
 * idle period, when the warning would otherwise show. The session counts as used now, so its idle
 * limit starts again; never past the absolute limit.
 */
export async function keepAlive(ctx: ServiceContext): Promise<SessionLimits> {
  const now = ctx.clock();
  const s = await ctx.db.session.update({ where: { id: ctx.sessionId }, data: { lastSeenAt: now }, select: { expiresAt: true } });
  ctx.audit.subject('Session', ctx.sessionId);
  return limits(ctx, now, now, s.expiresAt);
}
