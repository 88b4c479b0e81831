import { AppError } from '../../errors.js';
import { normalizeEmail } from '../../lib/email.js';
import { auditedTransaction } from '../../audit/writer.js';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from '../../auth/password.js';
import { createSession, endSessions, hashTokenOf, sessionUserSelect } from '../../auth/session.js';
import { noticeSelect, pendingNotice } from './notice.js';
import type { RequestContext } from '../../service.js';
import type { Tx } from '../../db.js';

export const LOCK_AFTER_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/**
 * The user's failure counters, with the row locked until the transaction ends. NO KEY UPDATE, not
 * UPDATE: every audit event naming the user takes a KEY SHARE lock on this row (its foreign key), and
 * FOR UPDATE would make a read audited under the chain head wait for the sign-in, which itself waits
 * for the head to write its event: a deadlock under load (40P01, seen as 500s in the benchmarks).
 */
export async function lockCounters(tx: Tx, userId: string) {
  const [row] = await tx.$queryRaw<{ failures: number; since: Date | null; lockedUntil: Date | null }[]>`
    SELECT failed_logins AS failures, failed_logins_since AS since, locked_until AS "lockedUntil"
    FROM app_user WHERE id = ${userId}::uuid FOR NO KEY UPDATE`;
  return row!;
}

/**
 * The one answer to every failed sign-in: unknown address, disabled or locked account, wrong password.
 * A distinct answer for a locked account would tell anyone which addresses exist (only real accounts
 * lock), so the message names both possibilities; the audit event keeps the real reason.
 */
const refused = () => new AppError('INVALID_CREDENTIALS');

/**
 * Signs in with e-mail and password. The address is compared exactly, in its stored form (trimmed,
 * lower-cased): never as a pattern. Unknown e-mail, disabled account, locked account and wrong password
 * answer alike and cost one argon2 verification each; 5 failures in 15 minutes lock the account for 15.
 * Every outcome is audited. The failure bookkeeping commits before the error is thrown.
 */
export async function login(ctx: RequestContext, input: { email: string; password: string }) {
  const now = ctx.clock();
  const client = { ip: ctx.ip, userAgent: ctx.userAgent };
  const base = { municipalityId: null, actorId: null, actorRole: null, requestId: ctx.requestId, ip: ctx.ip };
  const user = await ctx.db.user.findUnique({
    where: { email: normalizeEmail(input.email) },
    select: {
      ...sessionUserSelect,
      passwordHash: true,
      disabledAt: true,
      lockedUntil: true,
      failedLogins: true,
      failedLoginsSince: true,
      secondFactor: { select: { enabledAt: true } },
      ...noticeSelect,
    },
  });

  if (!user || user.disabledAt) {
    await dummyVerify(input.password);
    await auditedTransaction(ctx.db, { ...base, municipalityId: user?.municipalityId ?? null }, ctx.clock, async (_tx, audit) =>
      audit.record({
        action: 'auth.login',
        outcome: 'denied',
        actorId: user?.id ?? null,
        entityType: user ? 'User' : undefined,
        entityId: user?.id,
        detail: { reason: user ? 'disabled' : 'unknown_account' },
      }),
    );
    throw refused();
  }

  const who = { ...base, municipalityId: user.municipalityId, actorId: user.id, actorRole: user.role };
  if (user.lockedUntil && user.lockedUntil > now) {
    await dummyVerify(input.password);
    await auditedTransaction(ctx.db, who, ctx.clock, async (_tx, audit) =>
      audit.record({ action: 'auth.login', outcome: 'denied', entityType: 'User', entityId: user.id, detail: { reason: 'locked' } }),
    );
    throw refused();
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await auditedTransaction(ctx.db, who, ctx.clock, async (tx, audit) => {
      // Counted on the locked row, so concurrent guesses cannot all read the same count.
      const counter = await lockCounters(tx, user.id);
      const inWindow = counter.since && now.getTime() - counter.since.getTime() < FAILURE_WINDOW_MS;
      const failures = inWindow ? counter.failures + 1 : 1;
      const lock = failures >= LOCK_AFTER_FAILURES;
      await tx.user.update({
        where: { id: user.id },
        data: {
          failedLogins: lock ? 0 : failures,
          failedLoginsSince: lock ? null : inWindow ? counter.since : now,
          lockedUntil: lock ? new Date(now.getTime() + LOCK_MS) : undefined,
        },
        select: { id: true },
      });
      audit.record({
        action: 'auth.login',
        outcome: 'denied',
        entityType: 'User',
        entityId: user.id,
        detail: { reason: 'wrong_password', failures },
      });
      if (lock) audit.record({ action: 'auth.lock', entityType: 'User', entityId: user.id, detail: { minutes: LOCK_MS / 60_000 } });
    });
    throw refused();
  }

  const rehash = needsRehash(user.passwordHash) ? await hashPassword(input.password) : undefined;
  const started = await auditedTransaction(ctx.db, who, ctx.clock, async (tx, audit) => {
    // A lock set by a concurrent failure after we first looked still holds.
    const counter = await lockCounters(tx, user.id);
    if (counter.lockedUntil && counter.lockedUntil > now) {
      audit.record({ action: 'auth.login', outcome: 'denied', entityType: 'User', entityId: user.id, detail: { reason: 'locked' } });
      return { locked: counter.lockedUntil } as const;
    }
    // A cookie brought to sign-in is never reused: a new token every time (no fixation).
    if (ctx.token) await endSessions(tx, now, 'replaced', { tokenHash: hashTokenOf(ctx.token) });
    await tx.user.update({
      where: { id: user.id },
      data: { failedLogins: 0, failedLoginsSince: null, lockedUntil: null, lastLoginAt: now, passwordHash: rehash },
      select: { id: true },
    });
    // An enrolled user is only half signed in until the code (auth.verifyFactor).
    const session = await createSession(tx, now, ctx.config.session, user, client, Boolean(user.secondFactor?.enabledAt));
    audit.record({
      action: 'auth.login',
      entityType: 'Session',
      entityId: session.sessionId,
      detail: rehash ? { rehashed: true } : undefined,
    });
    return session;
  });
  if ('locked' in started) throw refused();
  const { token } = started;
  ctx.setSessionCookie(token);
  const { passwordHash: _h, secondFactor: _2, disabledAt: _d, lockedUntil: _l, failedLogins: _f, failedLoginsSince: _s, ...rest } = user;
  // The municipality's kind is the session's (auth/ability.ts); the shell reads the municipality from auth.me.
  const { credentialsSetAt: _a, credentialsSetHow: _w, noticeSeenAt: _n, credentialsSetBy: _b, municipality: _k, ...me } = rest;
  // 'code': half signed in, the second factor's code is owed (auth.verifyFactor) before anything else.
  return { ...me, notice: pendingNotice(user), secondFactor: user.secondFactor?.enabledAt ? ('code' as const) : null };
}
