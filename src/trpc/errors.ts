import { TRPCError, type TRPCDefaultErrorShape } from '@trpc/server';
import { ForbiddenError } from '@casl/ability';
import { ZodError } from 'zod';
import { AppError, ERROR_TABLE, type AppErrorCode } from '../errors.js';

/** What pg, Prisma and PostgreSQL say when the database cannot answer (down, restarting, timed out). */
const DATABASE_DOWN = new RegExp(
  [
    'ECONNREFUSED|ECONNRESET|57P01|57P03|08006|08001|P1001|P1017|timeout exceeded when trying to connect',
    "Connection terminated|terminating connection|DatabaseNotReachable|the database system is|Can't reach database server",
    'Server has closed the connection|is not queryable|57014|statement timeout|P2028',
  ].join('|'),
  'i',
);

/**
 * True when the database cannot be reached or cannot answer in time (refused, dropped, pool or statement timeout,
 * shutting down, or a transaction that could not start or outlived its limit: P2028, rolled back).
 */
export function isDatabaseDown(err: unknown): boolean {
  // biome-ignore lint/suspicious/noExplicitAny: pg's and Prisma's errors and their causes have no common type
  for (let e: any = err, depth = 0; e && depth < 6; e = e.cause, depth++) {
    const text = `${e.code ?? ''} ${e.message ?? ''}`;
    if (DATABASE_DOWN.test(text)) return true;
  }
  return false;
}

/** Turns whatever a procedure threw into the TRPCError that the one error table prescribes. */
export function toTRPCError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (cause instanceof AppError) return new TRPCError({ code: ERROR_TABLE[cause.code], message: cause.code, cause });
  if (cause instanceof ForbiddenError) {
    return new TRPCError({ code: 'FORBIDDEN', message: 'FORBIDDEN', cause: new AppError('FORBIDDEN') });
  }
  if (error.code === 'INTERNAL_SERVER_ERROR' && isDatabaseDown(cause)) {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'UNAVAILABLE', cause: new AppError('UNAVAILABLE') });
  }
  return error;
}

function appCodeOf(error: TRPCError): AppErrorCode {
  if (error.cause instanceof AppError) return error.cause.code;
  if (error.cause instanceof ZodError || error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') return 'BAD_INPUT';
  if (error.code === 'NOT_FOUND') return 'NOT_FOUND';
  if (error.code === 'FORBIDDEN') return 'FORBIDDEN';
  if (error.code === 'UNAUTHORIZED') return 'UNAUTHENTICATED';
  if (error.code === 'TOO_MANY_REQUESTS') return 'RATE_LIMITED';
  return 'INTERNAL';
}

/** Key names the error's serialiser refuses (prototype pollution): a field so named is reported as `_`. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Zod issues as field → translation key (`validation.<key>` in the web app). */
function zodFields(err: ZodError, input: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.map((k) => (UNSAFE_KEYS.has(String(k)) ? '_' : String(k))).join('.') || '_';
    // Own keys only: `toString` or `valueOf` typed as a field name is a field like any other.
    if (Object.hasOwn(fields, key)) continue;
    const given = issue.path.reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
      input,
    );
    // A refinement's message is its translation key (e.g. "name_required"); built-in checks use their code.
    fields[key] =
      issue.code === 'custom'
        ? issue.message
        : issue.code === 'invalid_type' && (given === undefined || given === null)
          ? 'required'
          : issue.code;
  }
  return fields;
}

/** The only shape errors leave the server in: a code to translate, fields, never internals. */
export function formatError({ shape, error, input }: { shape: TRPCDefaultErrorShape; error: TRPCError; input?: unknown }) {
  const appCode = appCodeOf(error);
  const cause = error.cause;
  const fields = cause instanceof AppError ? cause.options.fields : cause instanceof ZodError ? zodFields(cause, input) : undefined;
  return {
    message: appCode,
    code: shape.code,
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      appCode,
      fields: fields ?? null,
      info: cause instanceof AppError ? (cause.options.data ?? null) : null,
    },
  };
}
