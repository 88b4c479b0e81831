import type pg from 'pg';
import { createDb } from '../src/db.js';
import { createSession } from '../src/auth/session.js';
import { createContext } from '../src/trpc/context.js';
import { createCaller } from '../src/trpc/router.js';
import type { Keyring } from '../src/crypto/keyring.js';
import { median, round } from './measure.js';
import { BENCH_CONFIG } from './client.js';
import { systemClock } from '../src/lib/clock.js';

/** Where one request's time went, in ms (medians over the calls; `rest` is each call's remainder, then its median). */
export interface Breakdown {
  name: string;
  calls: number;
  total: number;
  /** The session check (one statement). */
  session: number;
  /** The procedure's own statements, and how many a call sends. */
  sql: number;
  statements: number;
  /** The audit append (one statement). */
  audit: number;
  /** Prisma's query compiler (WebAssembly), for every Prisma query of the call; null when it could not be timed. */
  compile: number | null;
  /** JavaScript besides the compiler: tRPC, zod, CASL, Prisma turning rows into objects, the audit digest. */
  rest: number;
}

export interface BreakdownCall {
  name: string;
  /** Email of the account the call is made as. */
  as: string;
  call: (caller: ReturnType<typeof createCaller>, i: number) => Promise<unknown>;
}

type Kind = 'session' | 'audit' | 'sql';
const kindOf = (text: string): Kind =>
  /\bFROM session s JOIN app_user u\b/.test(text) ? 'session' : /\baudit_(append|stage|link)\(/.test(text) ? 'audit' : 'sql';

/** Times every statement a pool sends, on the pool itself and on the clients it lends (transactions). */
function timeStatements(pool: pg.Pool, record: (kind: Kind, ms: number) => void) {
  const wrap = <T extends { query: (...args: never[]) => unknown }>(target: T) => {
    const query = target.query.bind(target) as (...args: unknown[]) => unknown;
    (target as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text: string };
      const kind = kindOf(typeof first === 'string' ? first : first.text);
      const start = performance.now();
      const result = query(...args);
      if (result instanceof Promise)
        void result.then(
          () => record(kind, performance.now() - start),
          () => undefined,
        );
      return result;
    };
  };
  wrap(pool);
  const wrapped = new WeakSet<object>();
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { connect: unknown }).connect = (...args: unknown[]) => {
    // pool.query lends itself a client through the callback form: that statement is timed by pool.query already.
    if (args.length) return connect(...args);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      if (!wrapped.has(client)) {
        wrapped.add(client);
        wrap(client);
      }
      return client;
    });
  };
}

/**
 * Times Prisma's query compiler. It is Prisma's runtime module, loaded by the generated client under
 * this specifier (src/generated/prisma/internal/class.ts), so the instance is the same; a Prisma whose
 * runtime is laid out otherwise gets no compile figure rather than a wrong one.
 */
async function timeCompiler(record: (ms: number) => void): Promise<(() => void) | null> {
  const specifier = '@prisma/client/runtime/query_compiler_bg.postgresql.mjs';
  try {
    const mod = (await import(specifier)) as { QueryCompiler?: { prototype: { compile?: (request: string) => unknown } } };
    const proto = mod.QueryCompiler?.prototype;
    const compile = proto?.compile;
    if (!proto || !compile) return null;
    proto.compile = function (this: unknown, request: string) {
      const start = performance.now();
      try {
        return compile.call(this, request);
      } finally {
        record(performance.now() - start);
      }
    };
    return () => {
      proto.compile = compile;
    };
  } catch {
    return null;
  }
}

/**
 * Where one request's time goes, with one call at a time and nothing else running: each procedure is
 * called in this process through tRPC's caller (no HTTP) on the app's own database client, whose
 * statements are timed one by one, as is Prisma's compiler. Sessions are real rows, made here.
 */
export async function breakdownCalls(
  env: { url: string; keyring: Keyring; warmup: number; calls: number },
  cases: BreakdownCall[],
): Promise<Breakdown[]> {
  const { db, pool, close } = createDb({ url: env.url, poolMax: 2 });
  let current: { session: number; audit: number; sql: number; statements: number; compile: number } | null = null;
  timeStatements(pool, (kind, ms) => {
    if (!current) return;
    current[kind] += ms;
    if (kind === 'sql') current.statements += 1;
  });
  const restore = await timeCompiler((ms) => {
    if (current) current.compile += ms;
  });
  const config = BENCH_CONFIG;
  const clock = systemClock;
  try {
    const out: Breakdown[] = [];
    for (const c of cases) {
      const [user] = (
        await pool.query<{ id: string; municipalityId: string }>(
          'SELECT id, municipality_id AS "municipalityId" FROM app_user WHERE email = $1',
          [c.as],
        )
      ).rows;
      if (!user) throw new Error(`breakdown: no account ${c.as}`);
      const { token } = await createSession(db, clock(), config.session, user, { ip: null, userAgent: 'bench breakdown' });
      const caller = createCaller(createContext({ db, clock, config, keyring: env.keyring }, { token, requestId: 'bench-breakdown' }));
      for (let i = 0; i < env.warmup; i++) await c.call(caller, i);
      const calls: { total: number; session: number; audit: number; sql: number; statements: number; compile: number }[] = [];
      for (let i = 0; i < env.calls; i++) {
        current = { session: 0, audit: 0, sql: 0, statements: 0, compile: 0 };
        const start = performance.now();
        await c.call(caller, env.warmup + i);
        calls.push({ ...current, total: performance.now() - start });
        current = null;
      }
      const med = (pick: (x: (typeof calls)[number]) => number) => round(median(calls.map(pick)));
      out.push({
        name: c.name,
        calls: calls.length,
        total: med((x) => x.total),
        session: med((x) => x.session),
        sql: med((x) => x.sql),
        statements: med((x) => x.statements),
        audit: med((x) => x.audit),
        compile: restore ? med((x) => x.compile) : null,
        rest: med((x) => x.total - x.session - x.sql - x.audit - x.compile),
      });
    }
    return out;
  } finally {
    restore?.();
    await close();
  }
}
