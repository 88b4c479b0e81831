import { initTRPC } from '@trpc/server';
import { transformer } from '../lib/wire.js';
import type { Context } from './context.js';
import { formatError } from './errors.js';

export interface Meta {
  /** Reachable while the user must still replace a one-time password. */
  allowPasswordChange?: boolean;
  /** The audit action a refusal is recorded under, the same name its success is recorded under. */
  action?: string;
  /** A mutation that writes with its audit events in one statement (AuditTrail.appendWith): no transaction around it. */
  singleStatement?: boolean;
}

/** The tRPC builders; every procedure starts from here. */
export const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({ transformer, errorFormatter: formatError, isDev: false });
