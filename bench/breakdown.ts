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

/**
 * The time during which at least one of `spans` ([start, end] in ms) was running: statements a call sends side
 * by side (Promise.all) count once, so a call's SQL never exceeds its own duration.
 */
export function covered(spans: readonly (readonly [number, number])[]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const [start, end] of sorted) {
    if (end <= until) continue;
    total += end - Math.max(start, until);
    until = end;
  }
  return total;
}

/**
 * Times every statement a pool sends, on the pool itself and on the clients it lends (transactions): `owner`
 * names the call a statement started in, and `record` gets it back with the statement's span when it ends.
 */
function timeStatements<T>(pool: pg.Pool, owner: () => T | null, record: (owner: T, kind: Kind, start: number, end: number) => void) {
  const wrap = <T extends { query: (...args: never[]) => unknown }>(target: T) => {
    const query = target.query.bind(target) as (...args: unknown[]) => unknown;
    (target as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text: string };
      const kind = kindOf(typeof first === 'string' ? first : first.text);
      const start = performance.now();
      const call = owner();
      const result = query(...args);
      if (result instanceof Promise && call !== null)
        void result.then(
          () => record(call, kind, start, performance.now()),
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
  // Each call's statements, charged to the call they started in; statements side by side count once (covered).
  type Call = { spans: Record<Kind, [number, number][]>; statements: number; compile: number };
  let current: Call | null = null;
  timeStatements(
    pool,
    () => current,
    (call, kind, start, end) => {
      call.spans[kind].push([start, end]);
      if (kind === 'sql') call.statements += 1;
    },
  );
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
      const timed: { call: Call; start: number; end: number }[] = [];
      for (let i = 0; i < env.calls; i++) {
        const call: Call = { spans: { session: [], audit: [], sql: [] }, statements: 0, compile: 0 };
        current = call;
        const start = performance.now();
        await c.call(caller, env.warmup + i);
        timed.push({ call, start, end: performance.now() });
        current = null;
      }
      // Within the call only: a statement still running when it answered (its events' link) is not its time.
      const within = (spans: [number, number][], start: number, end: number) =>
        covered(spans.map(([a, b]) => [Math.max(a, start), Math.min(b, end)] as const).filter(([a, b]) => b > a));
      const calls = timed.map(({ call, start, end }) => ({
        total: end - start,
        session: within(call.spans.session, start, end),
        audit: within(call.spans.audit, start, end),
        sql: within(call.spans.sql, start, end),
        statements: call.statements,
        compile: call.compile,
      }));
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
