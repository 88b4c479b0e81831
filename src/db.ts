import { createHash } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { createCaslExtension } from '@casl/prisma/runtime';
import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export interface DbOptions {
  url: string;
  poolMax?: number;
  statementTimeoutMs?: number;
  onPoolError?: (err: Error) => void;
}

function buildClient(adapter: PrismaPg) {
  return new PrismaClient({ adapter }).$extends(createCaslExtension());
}

/** The app's Prisma client, extended for CASL, over a pool we own (so its errors never crash us). */
export type Db = ReturnType<typeof buildClient>;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
/** Either the client or a transaction: what services receive. */
export type DbClient = Db | Tx;

/** The pool under each client createDb made: raw statements on the plain client go straight to it. */
const pools = new WeakMap<object, pg.Pool>();

/**
 * Runs one hand-written statement. On the plain client it goes straight to the pool: Prisma's raw path
 * costs about a millisecond more per statement (the parameters encoded as JSON, a plan made by its
 * WASM compiler, the rows decoded again: 2.5 ms against 1.1 ms for an audit append of a case page),
 * and the session check, the audit append and person matching run on every request. Inside a
 * transaction it goes through Prisma, on the transaction's connection. Cast every parameter
 * (`${x}::uuid`): pg sends them untyped, so an uncast one comes back as text.
 */
export async function rawQuery<T>(db: DbClient, sql: Prisma.Sql, opts: { prepared?: boolean } = {}): Promise<T[]> {
  const pool = pools.get(db);
  if (pool) {
    const query = opts.prepared
      ? { name: statementName(sql.text), text: sql.text, values: sql.values }
      : { text: sql.text, values: sql.values };
    return (await pool.query(query)).rows as T[];
  }
  return db.$queryRaw<T[]>(sql);
}

const names = new Map<string, string>();

/**
 * The name a hot statement is prepared under on each pooled connection: planned once per connection
 * (then reused, or planned again for its parameters when PostgreSQL judges that better) instead of
 * parsed and planned on every call. The session check was planned in 0.23 ms and run in 0.03 ms; the
 * case list planned in 0.6 ms and run in 0.45 ms (pg_stat_statements, bench/README.md). Only for
 * statements whose text takes a few shapes: each shape stays prepared on each connection for its life.
 */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `jisr_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** The pool under a plain client createDb made (none for a transaction's client). */
export const poolOf = (db: DbClient): pg.Pool | undefined => pools.get(db);

/** Opens a bounded pool with a statement timeout; idle-client errors are reported, not thrown. */
export function createDb(opts: DbOptions) {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: opts.statementTimeoutMs ?? 10_000,
  });
  // Without this listener a dropped idle connection (database restart) kills the process.
  pool.on('error', (err) => opts.onPoolError?.(err));
  // Nor may a lent connection's: a transaction's client whose server ends it (a shutdown, Ctrl-C reaching the
  // embedded PostgreSQL first) gets an 'error' event of its own between statements, which killed the process
  // mid-stop. The statement in flight, if any, still fails with it.
  pool.on('connect', (client) => client.on('error', (err) => opts.onPoolError?.(err)));
  const db = buildClient(new PrismaPg(pool));
  pools.set(db, pool);
  return {
    db,
    pool,
    async close() {
      await db.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/** A client derived from `db` (`db.$extends(…)`, e.g. by a test) keeps its pool for raw statements. */
export function samePool<T extends object>(db: Db, derived: T): T {
  const pool = pools.get(db);
  if (pool) pools.set(derived, pool);
  return derived;
}
