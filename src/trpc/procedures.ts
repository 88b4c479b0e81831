import { ForbiddenError } from '@casl/ability';
import { z } from 'zod';
import { AppError, DENIAL_CODES, notFound } from '../errors.js';
import { AuditTrail, TRANSACTION_LIMITS, type AuditBase } from '../audit/writer.js';
import { linkSoon } from '../audit/chainer.js';
import { ProcedureAudit, type Subject } from '../audit/event.js';
import type { AuditAction } from '../audit/actions.js';
import { defineAbilityFor } from '../auth/ability.js';
import { resolveSession } from '../auth/session.js';
import { rawQuery, type Db, type DbClient } from '../db.js';
import type { Clock } from '../lib/clock.js';
import { t, type ProcedureOptions } from './init.js';
import { toTRPCError } from './errors.js';
import { KeyedCall, type Earlier } from './idempotency.js';
import { lostRecord } from './replay-access.js';

/** Thrown out of the transaction callback when the procedure failed, so its work rolls back. */
const ROLLBACK = Symbol('rollback');

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  return result.ok ? result : { ...result, error: toTRPCError(result.error) };
});

/**
 * Anyone may call: sign-in only, which records its own events (there is no actor yet, and an event per
 * anonymous request would let anyone flood the log). Each one is named in the app router's list.
 */
export const publicProcedure = t.procedure.use(mapErrors);

/** The tier of each signed-in procedure, by its middleware: what the start-up check reads (router-check.ts). */
const tiers = new WeakMap<object, { action: AuditAction } & ProcedureOptions>();

/** The declaration of the procedure tier among a procedure's middlewares; 'public' for publicProcedure; null for neither. */
export function tierOf(middlewares: readonly object[]) {
  const found = middlewares.map((m) => tiers.get(m)).filter((d) => d !== undefined);
  if (found.length) return found.length === 1 ? found[0]! : null;
  return middlewares.includes(mapErrors._middlewares[0]!) ? ('public' as const) : null;
}

/**
 * A signed-in procedure, audited under `action`: the tier records its event, `allowed` when it succeeds
 * (the service only describes it, see ProcedureAudit) or `denied` when it is refused. There is no other
 * way to build one, so a procedure without an action cannot be written.
 *
 * Resolves the session and builds the CASL ability once. A mutation runs in one transaction with its
 * audit events: the work and its record commit together or not at all. A read (tRPC query) writes
 * nothing but its audit events, so it runs on the plain client and its events are committed (staged;
 * the chainer links them onto the chain: audit/chainer.ts) before the result is returned: if that fails, no data goes out. A
 * `noTransaction` mutation runs the same way: its write carries its events (appendWith). A refusal
 * is audited as "denied" on its own (after a mutation's work rolled back). An `idempotent` mutation
 * called with a key keeps its answer with its work and answers a retry with it (KeyedCall.once).
 */
export function procedure(action: AuditAction, options: ProcedureOptions = {}) {
  const tier = t.middleware(async ({ ctx, next, type, path, getRawInput }) => {
    const resolved = await resolveSession(ctx.db, ctx.clock, ctx.config.session, ctx.token);
    if (resolved.status !== 'ok') {
      if (resolved.status === 'expired') ctx.clearSessionCookie();
      throw new AppError(resolved.status === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    }
    const { user, sessionId, factor } = resolved;
    const base: AuditBase = {
      municipalityId: user.municipalityId,
      actorId: user.id,
      actorRole: user.role,
      requestId: ctx.requestId,
      ip: ctx.ip,
    };
    const ability = defineAbilityFor(user, ctx.clock());
    const raw = options.idFrom || options.idempotent ? await getRawInput() : undefined;
    const about = requested(options, raw);
    const keyed = options.idempotent ? KeyedCall.of(ctx, user, path, raw) : null;

    const callNext = (db: DbClient, audit: ProcedureAudit) => next({ ctx: { db, user, sessionId, ability, audit, factor } });
    type Result = Awaited<ReturnType<typeof callNext>>;
    const start = () => new ProcedureAudit(new AuditTrail(base, ctx.clock), action, about, keyed?.keep);
    const work = async (): Promise<Result> => {
      let done: Result | undefined;
      if (type === 'query' || options.noTransaction) {
        const audit = start();
        done = await callNext(ctx.db, audit);
        // A keyed write that committed without its key would be done again by the retry.
        if (done.ok && keyed && !keyed.kept) throw new Error(`${path} wrote without keeping its answer (pass it to audit.appendWith)`);
        if (done.ok) await audit.flush(ctx.db);
        return done;
      }
      await ctx.db
        .$transaction(async (tx) => {
          const audit = start();
          done = await callNext(tx, audit);
          if (!done.ok) throw ROLLBACK;
          // Before the events: a twin's key is waited for without holding the audit chain's head.
          if (keyed) await rawQuery(tx, keyed.keep(done.data, audit.named()));
          await audit.flush(tx);
        }, TRANSACTION_LIMITS)
        .catch((err) => {
          if (err !== ROLLBACK) throw err;
        });
      // Committed: the chainer puts its events on the chain (audit/chainer.ts); the answer does not wait.
      if (done?.ok) linkSoon(ctx.db);
      return done!;
    };
    const replay = async (earlier: Earlier): Promise<Result> => {
      // Only while the record it is about is still the user's to read (replay-access.ts).
      const lost = await lostRecord(ctx.db, ability, about);
      if (lost) throw notFound(lost.type, lost.id);
      await auditReplay(ctx, base, action, earlier);
      // Shaped as next()'s answer, of which tRPC reads `ok` and `data`.
      return { ok: true, data: earlier.answer } as Result;
    };
    let result: Result;
    try {
      // Half signed in (password given, code owed): only the code step and logout, whatever else is owed.
      if (factor.pending) {
        if (!options.secondFactorStep) throw new AppError('SECOND_FACTOR_REQUIRED');
      } else if (user.mustChangePassword && !options.allowPasswordChange) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED');
      } else if (factor.mustEnrol && !options.allowEnrolment) {
        throw new AppError('SECOND_FACTOR_ENROLMENT_REQUIRED');
      }
      result = keyed ? await keyed.once(ctx.db, { lookFirst: !options.noTransaction }, work, replay) : await work();
    } catch (err) {
      const denial = deniedEntity(err, about);
      if (denial) await auditDenial(ctx, base, action, denial);
      throw err;
    }
    if (!result.ok) {
      const denial = deniedEntity(result.error.cause, about);
      if (denial) await auditDenial(ctx, base, action, denial);
    }
    return result;
  });
  tiers.set(tier._middlewares[0]!, { action, ...options });
  return publicProcedure.meta({ action, ...options }).use(tier);
}

/**
 * The record a call names: the declared type, and the id from the input field declared. The input is
 * read raw (a refusal may come before it is validated), so only an id-shaped value is taken.
 */
function requested(options: ProcedureOptions, input: unknown): Subject {
  const value = options.idFrom && input && typeof input === 'object' ? (input as Record<string, unknown>)[options.idFrom] : undefined;
  return { type: options.entity, id: z.uuid().safeParse(value).success ? (value as string) : undefined };
}

/**
 * What a refusal is about: the record its error names, or, when the error names no id (a refusal by
 * role alone: the role has no rule for the action at all), the record the request named.
 */
function deniedEntity(cause: unknown, about: Subject): { type?: string; id?: string; code: string } | null {
  const named =
    cause instanceof AppError && DENIAL_CODES.has(cause.code)
      ? { type: cause.options.entity?.type, id: cause.options.entity?.id, code: cause.code }
      : cause instanceof ForbiddenError
        ? { type: String(cause.subjectType ?? ''), code: 'FORBIDDEN' }
        : null;
  if (!named || named.id) return named;
  return { type: about.id ? about.type : named.type || about.type, id: about.id, code: named.code };
}

/** One autocommit statement: a keyed call's retry, answered as the first call was, is audited as a replay of it. */
async function auditReplay(ctx: { db: Db; clock: Clock }, base: AuditBase, action: AuditAction, earlier: Earlier) {
  const audit = new AuditTrail(base, ctx.clock);
  audit.record({ action, entityType: earlier.entity.type, entityId: earlier.entity.id, detail: { replayOf: earlier.requestId } });
  await audit.flush(ctx.db);
}

/** One autocommit statement: the refusal's event, outside the (rolled back) work. */
async function auditDenial(
  ctx: { db: Db; clock: Clock },
  base: AuditBase,
  action: AuditAction,
  denial: { type?: string; id?: string; code: string },
) {
  const audit = new AuditTrail(base, ctx.clock);
  audit.record({
    action,
    outcome: 'denied',
    entityType: denial.type || undefined,
    entityId: denial.id,
    detail: { code: denial.code },
  });
  await audit.flush(ctx.db);
}
