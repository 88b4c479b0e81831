import QRCode from 'qrcode';
import { AppError } from '../../errors.js';
import { AuditTrail } from '../../audit/writer.js';
import { endSessions } from '../../auth/session.js';
import {
  decryptSecret,
  encryptSecret,
  keyUri,
  looksLikeRecoveryCode,
  matchStep,
  newRecoveryCodes,
  newSecret,
  recoveryHash,
  secretText,
} from '../../auth/totp.js';
import type { Db } from '../../db.js';
import type { RequestContext, ServiceContext } from '../../service.js';
import { FAILURE_WINDOW_MS, LOCK_AFTER_FAILURES, LOCK_MS, lockCounters } from './login.js';

/** How long a proved second factor stays fresh for the actions that ask for it again (step-up). */
export const STEP_UP_MS = 5 * 60_000;

/**
 * For actions that must not rest on a stolen session alone (audit export, break-glass, later the
 * subject-access export): an enrolled user must have proved the second factor in this session within
 * the last five minutes (`auth.stepUp`). A user without one has nothing to prove.
 */
export function requireFreshSecondFactor(ctx: Pick<ServiceContext, 'factor' | 'clock'>) {
  if (!ctx.factor.enrolled) return;
  const at = ctx.factor.verifiedAt;
  if (!at || ctx.clock().getTime() - at.getTime() > STEP_UP_MS) throw new AppError('STEP_UP_REQUIRED');
}

const invalid = () => new AppError('INVALID_CODE', { fields: { code: 'INVALID_CODE' } });

/** Starts (or starts again) enrolment: a new secret, shown as a QR code (SVG, drawn here) and as text. */
export async function beginEnrolment(ctx: ServiceContext) {
  const now = ctx.clock();
  const existing = await ctx.db.secondFactor.findUnique({ where: { userId: ctx.user.id }, select: { enabledAt: true } });
  if (existing?.enabledAt) throw new AppError('SECOND_FACTOR_ENROLLED');
  const key = newSecret();
  const secret = encryptSecret(ctx.keyring, ctx.user.id, key);
  await ctx.db.secondFactor.upsert({
    where: { userId: ctx.user.id },
    create: { userId: ctx.user.id, municipalityId: ctx.user.municipalityId, secret, createdAt: now },
    update: { secret, createdAt: now, lastStep: null },
    select: { userId: true },
  });
  const uri = keyUri('Jisr', ctx.user.email, key);
  ctx.audit.subject('User', ctx.user.id);
  return { secret: secretText(key), uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
}

/**
 * Confirms enrolment with a first code of the new secret; returns the ten recovery codes, shown this
 * once (only their hashes are kept). The session counts as having just proved the factor.
 */
export async function confirmEnrolment(ctx: ServiceContext, code: string) {
  const now = ctx.clock();
  const row = await ctx.db.secondFactor.findUnique({ where: { userId: ctx.user.id }, select: { secret: true, enabledAt: true } });
  if (!row) throw invalid();
  if (row.enabledAt) throw new AppError('SECOND_FACTOR_ENROLLED');
  const step = matchStep(decryptSecret(ctx.keyring, ctx.user.id, row.secret), code, now, null);
  if (step === null) throw invalid();
  const codes = newRecoveryCodes();
  await ctx.db.secondFactor.update({ where: { userId: ctx.user.id }, data: { enabledAt: now, lastStep: step }, select: { userId: true } });
  await ctx.db.recoveryCode.deleteMany({ where: { userId: ctx.user.id } });
  await ctx.db.recoveryCode.createMany({
    data: codes.map((c) => ({ userId: ctx.user.id, municipalityId: ctx.user.municipalityId, codeHash: recoveryHash(c) })),
  });
  await ctx.db.session.update({ where: { id: ctx.sessionId }, data: { factorAt: now }, select: { id: true } });
  ctx.audit.subject('User', ctx.user.id).detail({ recoveryCodes: codes.length });
  return { recoveryCodes: codes };
}

type ProveContext = ServiceContext & Pick<RequestContext, 'requestId' | 'ip'>;

/**
 * Checks a TOTP code (±1 step, later than the last one accepted) or an unused recovery code, on the
 * user's locked counter row, so two requests cannot both spend one code. A wrong code counts toward
 * the sign-in lockout (login.ts): the fifth in 15 minutes locks the account and ends this session.
 * Runs its own transaction (the procedure is `noTransaction`): the count commits though the call fails.
 */
async function prove(ctx: ProveContext, code: string): Promise<'totp' | 'recovery'> {
  const now = ctx.clock();
  const userId = ctx.user.id;
  const outcome = await (ctx.db as Db).$transaction(async (tx) => {
    const counter = await lockCounters(tx, userId);
    const row = await tx.secondFactor.findUnique({ where: { userId }, select: { secret: true, enabledAt: true, lastStep: true } });
    if (counter.lockedUntil && counter.lockedUntil > now) return 'locked' as const;
    if (row?.enabledAt) {
      const step = matchStep(decryptSecret(ctx.keyring, userId, row.secret), code.trim(), now, row.lastStep);
      let method: 'totp' | 'recovery' | null = step === null ? null : 'totp';
      if (step !== null) await tx.secondFactor.update({ where: { userId }, data: { lastStep: step }, select: { userId: true } });
      if (!method && looksLikeRecoveryCode(code)) {
        const used = await tx.recoveryCode.updateMany({
          where: { userId, codeHash: recoveryHash(code), usedAt: null },
          data: { usedAt: now },
        });
        if (used.count === 1) method = 'recovery';
      }
      if (method) {
        await tx.user.update({ where: { id: userId }, data: { failedLogins: 0, failedLoginsSince: null }, select: { id: true } });
        return method;
      }
    }
    const inWindow = counter.since && now.getTime() - counter.since.getTime() < FAILURE_WINDOW_MS;
    const failures = inWindow ? counter.failures + 1 : 1;
    const lock = failures >= LOCK_AFTER_FAILURES;
    await tx.user.update({
      where: { id: userId },
      data: {
        failedLogins: lock ? 0 : failures,
        failedLoginsSince: lock ? null : inWindow ? counter.since : now,
        lockedUntil: lock ? new Date(now.getTime() + LOCK_MS) : undefined,
      },
      select: { id: true },
    });
    if (lock) {
      await endSessions(tx, now, 'locked', { id: ctx.sessionId });
      const base = {
        municipalityId: ctx.user.municipalityId,
        actorId: userId,
        actorRole: ctx.user.role,
        requestId: ctx.requestId,
        ip: ctx.ip,
      };
      const audit = new AuditTrail(base, ctx.clock);
      audit.record({ action: 'auth.lock', entityType: 'User', entityId: userId, detail: { minutes: LOCK_MS / 60_000, by: 'code' } });
      await audit.flush(tx);
    }
    return 'wrong' as const;
  });
  if (outcome === 'locked' || outcome === 'wrong') throw invalid();
  return outcome;
}

/** The sign-in's second step: the code owed after the password. The session becomes a full one. */
export async function verifySignIn(ctx: ProveContext, code: string) {
  if (!ctx.factor.pending) throw new AppError('CONFLICT');
  const method = await prove(ctx, code);
  await ctx.db.session.update({
    where: { id: ctx.sessionId },
    data: { factorPending: false, factorAt: ctx.clock() },
    select: { id: true },
  });
  ctx.audit.subject('Session', ctx.sessionId).detail({ method });
  return { ok: true as const };
}

/** Proves the second factor again, for the actions that ask for a fresh one (requireFreshSecondFactor). */
export async function stepUp(ctx: ProveContext, code: string) {
  if (!ctx.factor.enrolled) throw new AppError('CONFLICT');
  const method = await prove(ctx, code);
  await ctx.db.session.update({ where: { id: ctx.sessionId }, data: { factorAt: ctx.clock() }, select: { id: true } });
  ctx.audit.subject('Session', ctx.sessionId).detail({ method });
  return { ok: true as const };
}
