import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { createCaslExtension } from '@casl/prisma/runtime';
import { PrismaClient } from './generated/prisma/client.js';

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
  const db = buildClient(new PrismaPg(pool));
  return {
    db,
    pool,
    async close() {
      await db.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
