import { ForbiddenError } from '@casl/ability';
import { AppError, DENIAL_CODES } from '../errors.js';
import { AuditTrail, TRANSACTION_LIMITS, type AuditBase } from '../audit/writer.js';
import { defineAbilityFor } from '../auth/ability.js';
import { resolveSession } from '../auth/session.js';
import type { Db, DbClient } from '../db.js';
import type { Clock } from '../lib/clock.js';
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
 * Signed-in users. Resolves the session and builds the CASL ability once. A mutation runs in one
 * transaction with its audit events: the work and its record commit together or not at all. A read
 * (tRPC query) writes nothing but its audit events, so it runs on the plain client and its events
 * are appended in one autocommit statement before the result is returned: if that fails, no data
 * goes out. A `singleStatement` mutation runs the same way: its write carries its events (appendWith).
 * A refusal is audited as "denied" on its own (after a mutation's work rolled back).
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, next, path, meta, type }) => {
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

  const callNext = (db: DbClient, audit: AuditTrail) => next({ ctx: { db, user, sessionId, ability, audit } });
  let result: Awaited<ReturnType<typeof callNext>> | undefined;
  try {
    if (user.mustChangePassword && !meta?.allowPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (type === 'query' || meta?.singleStatement) {
      const audit = new AuditTrail(base, ctx.clock);
      result = await callNext(ctx.db, audit);
      if (result.ok) await audit.flush(ctx.db);
    } else {
      await ctx.db.$transaction(
        async (tx) => {
          const audit = new AuditTrail(base, ctx.clock);
          result = await callNext(tx, audit);
          if (!result.ok) throw ROLLBACK;
          await audit.flush(tx);
        },
        TRANSACTION_LIMITS,
      );
    }
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

/** One autocommit statement: the refusal's event, outside the (rolled back) work. */
async function auditDenial(ctx: { db: Db; clock: Clock }, base: AuditBase, path: string, denial: { type?: string; id?: string; code: string }) {
  const audit = new AuditTrail(base, ctx.clock);
  audit.record({
    action: path,
    outcome: 'denied',
    entityType: denial.type || undefined,
    entityId: denial.id,
    detail: { code: denial.code },
  });
  await audit.flush(ctx.db);
}
