import type { DbClient } from '../db.js';
import type { Clock } from '../lib/clock.js';
import type { Prisma } from '../generated/prisma/client.js';
import { hashToken, newSessionToken } from './token.js';

export { hashToken as hashTokenOf };

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** What every authenticated request knows about its user; never the password hash. */
export const sessionUserSelect = {
  id: true,
  municipalityId: true,
  agencyId: true,
  email: true,
  displayName: true,
  role: true,
  locale: true,
  mustChangePassword: true,
  trainedAssessor: true,
} satisfies Prisma.UserSelect;

export type SessionUser = Prisma.UserGetPayload<{ select: typeof sessionUserSelect }>;

export type ResolvedSession =
  | { status: 'ok'; sessionId: string; user: SessionUser }
  | { status: 'expired' }
  | { status: 'none' };

// lastSeenAt is written at most once a minute, not on every request.
const TOUCH_EVERY_MS = 60_000;

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: DbClient,
  now: Date,
  policy: SessionPolicy,
  user: { id: string; municipalityId: string },
  client: { ip: string | null; userAgent: string | null },
) {
  const { token, hash } = newSessionToken();
  const session = await db.session.create({
    data: {
      tokenHash: hash,
      userId: user.id,
      municipalityId: user.municipalityId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteMs),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return { token, sessionId: session.id };
}

/** Finds the live session for a token, ending it if it has passed its idle or absolute limit. */
export async function resolveSession(
  db: DbClient,
  clock: Clock,
  policy: SessionPolicy,
  token: string | null,
): Promise<ResolvedSession> {
  if (!token || token.length > 100) return { status: 'none' };
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      endedAt: true,
      lastSeenAt: true,
      expiresAt: true,
      user: { select: { ...sessionUserSelect, disabledAt: true } },
    },
  });
  if (!session || session.endedAt) return session?.endedAt ? { status: 'expired' } : { status: 'none' };
  const now = clock();
  const idle = now.getTime() - session.lastSeenAt.getTime() > policy.idleMs;
  const absolute = now >= session.expiresAt;
  if (idle || absolute || session.user.disabledAt) {
    const reason = session.user.disabledAt ? 'user_disabled' : absolute ? 'absolute_timeout' : 'idle_timeout';
    await endSessions(db, now, reason, { id: session.id });
    return { status: 'expired' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now }, select: { id: true } });
  }
  const { disabledAt: _disabled, ...user } = session.user;
  return { status: 'ok', sessionId: session.id, user };
}

/** Ends the live sessions matching `where` (one session, a user's, all but one). Returns how many. */
export async function endSessions(db: DbClient, now: Date, reason: string, where: Prisma.SessionWhereInput) {
  const { count } = await db.session.updateMany({
    where: { AND: [where, { endedAt: null }] },
    data: { endedAt: now, endReason: reason },
  });
  return count;
}
