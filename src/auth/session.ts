import { rawQuery, type DbClient } from '../db.js';
import type { Clock } from '../lib/clock.js';
import { Prisma } from '../generated/prisma/client.js';
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
  // A hub holds no casework (auth/ability.ts gives its users the hub's rules only): the kind decides.
  municipality: { select: { kind: true } },
} satisfies Prisma.UserSelect;

export type SessionUser = Prisma.UserGetPayload<{ select: typeof sessionUserSelect }>;

/** Where a session stands with the second factor (auth/second-factor.ts). */
export interface FactorState {
  /** Signed in with the password; the code is still owed. */
  pending: boolean;
  /** The user's role must use a second factor here and the user has none yet: enrolment comes first. */
  mustEnrol: boolean;
  enrolled: boolean;
  /** When this session last proved the factor, for step-up. */
  verifiedAt: Date | null;
}

export type ResolvedSession =
  | { status: 'ok'; sessionId: string; user: SessionUser; factor: FactorState }
  | { status: 'expired' }
  | { status: 'none' };

// lastSeenAt is written at most once a minute, not on every request; under a short idle limit, at
// least four times within it (a one-minute limit would otherwise end a session in use).
const TOUCH_EVERY_MS = 60_000;

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: DbClient,
  now: Date,
  policy: SessionPolicy,
  user: { id: string; municipalityId: string },
  client: { ip: string | null; userAgent: string | null },
  factorPending = false,
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
      factorPending,
    },
    select: { id: true },
  });
  return { token, sessionId: session.id };
}

interface SessionRow {
  id: string;
  ended_at: Date | null;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  municipality_id: string;
  agency_id: string | null;
  email: string;
  display_name: string;
  role: SessionUser['role'];
  locale: SessionUser['locale'];
  must_change_password: boolean;
  trained_assessor: boolean;
  kind: SessionUser['municipality']['kind'];
  disabled_at: Date | null;
  factor_pending: boolean;
  factor_at: Date | null;
  factor_required: boolean;
  factor_enrolled: boolean;
}

/**
 * Finds the live session for a token, ending it if it has passed its idle or absolute limit.
 * One round trip (the session joined to its user); a second only to touch lastSeenAt or end it.
 */
export async function resolveSession(db: DbClient, clock: Clock, policy: SessionPolicy, token: string | null): Promise<ResolvedSession> {
  if (!token || token.length > 100) return { status: 'none' };
  // The columns of sessionUserSelect (the municipality's kind from the join that reads its factor roles), and the user's disabledAt.
  const [session] = await rawQuery<SessionRow>(
    db,
    Prisma.sql`
    SELECT s.id, s.ended_at, s.last_seen_at, s.expires_at, u.id AS user_id, u.municipality_id, u.agency_id, u.email,
           u.display_name, u.role::text AS role, u.locale::text AS locale, u.must_change_password, u.trained_assessor, u.disabled_at,
           m.kind::text AS kind,
           s.second_factor_pending AS factor_pending, s.second_factor_at AS factor_at,
           u.role = ANY(m.second_factor_roles) AS factor_required, f.enabled_at IS NOT NULL AS factor_enrolled
      FROM session s JOIN app_user u ON u.id = s.user_id JOIN municipality m ON m.id = u.municipality_id
      LEFT JOIN second_factor f ON f.user_id = u.id
     WHERE s.token_hash = ${hashToken(token)}`,
    { prepared: true },
  );
  if (!session || session.ended_at) return session?.ended_at ? { status: 'expired' } : { status: 'none' };
  const now = clock();
  const idle = now.getTime() - session.last_seen_at.getTime() > policy.idleMs;
  const absolute = now >= session.expires_at;
  if (idle || absolute || session.disabled_at) {
    const reason = session.disabled_at ? 'user_disabled' : absolute ? 'absolute_timeout' : 'idle_timeout';
    await endSessions(db, now, reason, { id: session.id });
    return { status: 'expired' };
  }
  if (now.getTime() - session.last_seen_at.getTime() > Math.min(TOUCH_EVERY_MS, policy.idleMs / 4)) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now }, select: { id: true } });
  }
  const user = {
    id: session.user_id,
    municipalityId: session.municipality_id,
    agencyId: session.agency_id,
    email: session.email,
    displayName: session.display_name,
    role: session.role,
    locale: session.locale,
    mustChangePassword: session.must_change_password,
    trainedAssessor: session.trained_assessor,
    municipality: { kind: session.kind },
  } satisfies Record<keyof typeof sessionUserSelect, unknown>;
  const factor: FactorState = {
    pending: session.factor_pending,
    mustEnrol: Boolean(session.factor_required) && !session.factor_enrolled,
    enrolled: session.factor_enrolled,
    verifiedAt: session.factor_at,
  };
  return { status: 'ok', sessionId: session.id, user, factor };
}

/** Ends the live sessions matching `where` (one session, a user's, all but one). Returns how many. */
export async function endSessions(db: DbClient, now: Date, reason: string, where: Prisma.SessionWhereInput) {
  const { count } = await db.session.updateMany({
    where: { AND: [where, { endedAt: null }] },
    data: { endedAt: now, endReason: reason },
  });
  return count;
}
