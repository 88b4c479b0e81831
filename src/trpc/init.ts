import { initTRPC } from '@trpc/server';
import { transformer } from '../lib/wire.js';
import type { Context } from './context.js';
import { formatError } from './errors.js';
import type { AuditAction, EntityType } from '../audit/actions.js';

/** How a signed-in procedure is declared, besides its action (see `procedure` in procedures.ts). */
export interface ProcedureOptions {
  /**
   * The kind of record the procedure is about. Its event names it, and a refusal names it too, even
   * one decided by role alone before anything was read.
   */
  entity?: EntityType;
  /** The input field that holds the id of that record, when the request names one. */
  idFrom?: string;
  /** Reachable while the user must still replace a one-time password. */
  allowPasswordChange?: boolean;
  /** Reachable half signed in, the second factor's code still owed (the code step, logout). */
  secondFactorStep?: boolean;
  /** Reachable while the user must still enrol a second factor their role requires (auth/second-factor.ts). */
  allowEnrolment?: boolean;
  /** A mutation that writes with its audit events in one statement (AuditTrail.appendWith): no transaction around it. */
  noTransaction?: boolean;
  /**
   * A mutation that creates records. Called with an `Idempotency-Key` header (the web sends one per form
   * submission), it runs once: a retry with the same key by the same user gets the first answer again
   * (trpc/idempotency.ts). A `noTransaction` one passes its answer to `audit.appendWith`.
   */
  idempotent?: boolean;
}

export interface Meta extends ProcedureOptions {
  /** The audit action the procedure tier records the call under, allowed or denied (set by `procedure`). */
  action?: AuditAction;
}

/** The tRPC builders; every procedure starts from here. */
export const t = initTRPC.context<Context>().meta<Meta>().create({ transformer, errorFormatter: formatError, isDev: false });
