import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { text } from '../../lib/text.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { endSessions } from '../../auth/session.js';
import { hasRole } from '../../shared/roles.js';
import type { Role } from '../../generated/prisma/enums.js';
import type { ServiceContext } from '../../service.js';

export const FactorResetIdInput = z.object({ id: z.uuid() });
export const RequestFactorResetInput = z.object({ id: z.uuid(), reason: text().min(10).max(500) });

/** The field bound into a reason's ciphertext, with the request's id: a value copied to another row does not decrypt. */
export const REASON_FIELD = 'second_factor_reset.reason';
const reasonField = (id: string) => `${REASON_FIELD}/${id}`;

/** Who asks for a second factor to be reset, and who may confirm (never the one who asked). */
const REQUESTERS = ['admin'] as const satisfies readonly Role[];
const CONFIRMERS = ['admin', 'auditor'] as const satisfies readonly Role[];
/** How long an account whose password the requester set may not confirm the requester's resets. */
const INDEPENDENCE_MS = 30 * 86_400_000;

/**
 * The second person's list: the municipality's reset requests not confirmed yet. Admins and the
 * auditor see it; the requests one made oneself are marked (they cannot be confirmed by their author).
 */
export async function listFactorResets(ctx: ServiceContext) {
  if (!hasRole(CONFIRMERS, ctx.user.role)) throw forbidden('SecondFactorReset');
  const rows = await ctx.db.secondFactorReset.findMany({
    where: { municipalityId: ctx.user.municipalityId, confirmedAt: null },
    select: {
      id: true,
      requestedAt: true,
      reason: true,
      user: { select: { id: true, displayName: true, role: true } },
      requestedBy: { select: { id: true, displayName: true } },
    },
    orderBy: { requestedAt: 'desc' },
    take: 100,
  });
  ctx.audit.detail({ count: rows.length });
  return rows.map((r) => ({
    ...r,
    reason: r.reason ? ctx.keyring.decrypt(r.reason, reasonField(r.id)) : null,
    // Neither the author nor the account's owner may confirm: the page offers them no button.
    mine: r.requestedBy.id === ctx.user.id || r.user.id === ctx.user.id,
  }));
}

/**
 * An admin asks for an account's second factor to be reset (its owner lost the phone and the recovery
 * codes), with the reason (encrypted). Nothing changes until someone else confirms; the request is
 * flagged for the auditor (the flag and the event never carry the reason).
 */
export async function requestFactorReset(ctx: ServiceContext, input: z.infer<typeof RequestFactorResetInput>) {
  const userId = input.id;
  if (!hasRole(REQUESTERS, ctx.user.role)) throw forbidden('User', userId);
  const target = await ctx.db.user.findFirst({
    where: { id: userId, municipalityId: ctx.user.municipalityId },
    select: { id: true, role: true },
  });
  if (!target) throw notFound('User', userId);
  const open = await ctx.db.secondFactorReset.findFirst({ where: { userId, confirmedAt: null }, select: { id: true } });
  if (open) throw new AppError('FACTOR_RESET_PENDING');
  const now = ctx.clock();
  const id = randomUUID();
  const reason = ctx.keyring.encrypt(input.reason, reasonField(id));
  const reset = await ctx.db.secondFactorReset.create({
    data: { id, municipalityId: ctx.user.municipalityId, userId, requestedById: ctx.user.id, requestedAt: now, reason },
    select: { id: true },
  });
  await flag(ctx, 'second_factor_reset_requested', target, reset.id);
  ctx.audit.subject('SecondFactorReset', reset.id).detail({ userId });
  return reset;
}

/**
 * A second admin or the auditor confirms: the factor and its recovery codes are removed and the
 * account's sessions end, so its owner signs in with the password and enrols again (forced if the
 * role requires it). The author of the request, and the account's owner, cannot confirm it.
 */
export async function confirmFactorReset(ctx: ServiceContext, id: string) {
  if (!hasRole(CONFIRMERS, ctx.user.role)) throw forbidden('SecondFactorReset', id);
  const reset = await ctx.db.secondFactorReset.findFirst({
    where: { id, municipalityId: ctx.user.municipalityId, confirmedAt: null },
    select: { id: true, userId: true, requestedById: true, user: { select: { id: true, role: true } } },
  });
  if (!reset) throw notFound('SecondFactorReset', id);
  // Two people: an admin alone can never take over an account's second factor.
  if (reset.requestedById === ctx.user.id || reset.userId === ctx.user.id) throw forbidden('SecondFactorReset', id);
  const now = ctx.clock();
  // Nor an account whose password the requester set lately (creating it or resetting it): they may
  // still hold it, and would confirm their own request under another name.
  const me = await ctx.db.user.findUniqueOrThrow({
    where: { id: ctx.user.id },
    select: { credentialsSetById: true, credentialsSetAt: true },
  });
  const lately = me.credentialsSetAt && now.getTime() - me.credentialsSetAt.getTime() < INDEPENDENCE_MS;
  if (me.credentialsSetById === reset.requestedById && lately) throw new AppError('FACTOR_RESET_NOT_INDEPENDENT');
  await ctx.db.secondFactorReset.update({ where: { id }, data: { confirmedById: ctx.user.id, confirmedAt: now }, select: { id: true } });
  await ctx.db.recoveryCode.deleteMany({ where: { userId: reset.userId } });
  await ctx.db.secondFactor.deleteMany({ where: { userId: reset.userId } });
  const ended = await endSessions(ctx.db, now, 'second_factor_reset', { userId: reset.userId });
  await flag(ctx, 'second_factor_reset_confirmed', reset.user, id, reset.requestedById);
  ctx.audit.subject('SecondFactorReset', id).detail({ userId: reset.userId, requestedBy: reset.requestedById, endedSessions: ended });
  return { ok: true as const };
}

async function flag(
  ctx: ServiceContext,
  kind: 'second_factor_reset_requested' | 'second_factor_reset_confirmed',
  account: { id: string; role: Role },
  resetId: string,
  requestedBy?: string,
) {
  await ctx.db.auditFlag.create({
    data: {
      municipalityId: ctx.user.municipalityId,
      kind,
      subjectUserId: account.id,
      actorId: ctx.user.id,
      detail: { role: account.role, resetId, ...(requestedBy ? { requestedBy } : {}) },
      createdAt: ctx.clock(),
    },
    select: { id: true },
  });
}
