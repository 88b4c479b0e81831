import { ForbiddenError } from '@casl/ability';
import { AppError, DENIAL_CODES } from '../errors.js';
import { AuditTrail, audited, type AuditBase } from '../audit/writer.js';
import { defineAbilityFor } from '../auth/ability.js';
import { resolveSession } from '../auth/session.js';
import type { Tx } from '../db.js';
import { t } from './init.js';
import { toTRPCError } from './errors.js';

/** Thrown out of the transaction callback when the procedure failed, so its work rolls back. */
const ROLLBACK = Symbol('rollback');

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  return result.ok ? result : { ...result, error: toTRPCError(result.error) };
});

/** Anyone may call: sign-in, health of the session. Errors go through the one table. */
export const publicProcedure = t.procedure.use(mapErrors);

function deniedEntity(cause: unknown): { type?: string; id?: string; code: string } | null {
  if (cause instanceof AppError && DENIAL_CODES.has(cause.code)) {
    return { type: cause.options.entity?.type, id: cause.options.entity?.id, code: cause.code };
  }
  if (cause instanceof ForbiddenError) return { type: String(cause.subjectType ?? ''), code: 'FORBIDDEN' };
  return null;
}

/**
 * Signed-in users. Resolves the session, builds the CASL ability once, and runs the procedure in
 * one transaction with its audit events: the work and its record commit together or not at all.
 * A refusal rolls the work back and is then audited as "denied" in a transaction of its own.
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, next, path, meta }) => {
  const resolved = await resolveSession(ctx.db, ctx.clock, ctx.config.session, ctx.token);
  if (resolved.status !== 'ok') {
    if (resolved.status === 'expired') ctx.clearSessionCookie();
    throw new AppError(resolved.status === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  }
  const { user, sessionId } = resolved;
  const base: AuditBase = {
    municipalityId: user.municipalityId,
    actorId: user.id,
    actorRole: user.role,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  const ability = defineAbilityFor(user, ctx.clock());

  const callNext = (db: Tx, audit: AuditTrail) => next({ ctx: { db, user, sessionId, ability, audit } });
  let result: Awaited<ReturnType<typeof callNext>> | undefined;
  try {
    if (user.mustChangePassword && !meta?.allowPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    await ctx.db.$transaction(
      async (tx) => {
        const audit = new AuditTrail(base, ctx.clock);
        result = await callNext(tx, audit);
        if (!result.ok) throw ROLLBACK;
        await audit.flush(tx);
      },
      { maxWait: 5_000, timeout: 15_000 },
    );
  } catch (err) {
    if (err !== ROLLBACK) {
      const denial = deniedEntity(err);
      if (denial) await auditDenial(ctx, base, meta?.action ?? path, denial);
      throw err;
    }
  }
  if (!result!.ok) {
    const denial = deniedEntity(result!.error.cause);
    if (denial) await auditDenial(ctx, base, meta?.action ?? path, denial);
  }
  return result!;
});

async function auditDenial(
  ctx: { db: Parameters<typeof audited>[0]; clock: Parameters<typeof audited>[2] },
  base: AuditBase,
  path: string,
  denial: { type?: string; id?: string; code: string },
) {
  await audited(ctx.db, base, ctx.clock, async (_tx, audit) => {
    audit.record({
      action: path,
      outcome: 'denied',
      entityType: denial.type || undefined,
      entityId: denial.id,
      detail: { code: denial.code },
    });
  });
}
