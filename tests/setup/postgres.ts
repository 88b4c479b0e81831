import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/embedded.js';

export interface TestServer {
  /** A URL to the server's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The test server's data is thrown away after the run, so it need not survive a crash of the machine:
 * no flush to disk at commit or checkpoint. A commit is still a commit (visible to every other session,
 * kept if the app is killed); only an operating-system crash could lose it. The tests that kill or restart
 * PostgreSQL itself start their own server with the defaults (faults/, http/resilience, start/).
 */
const THROWAWAY = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

/**
 * A real PostgreSQL for the tests: TEST_DATABASE_URL if set; else a server answering on
 * 127.0.0.1:5432 with trust auth; else an embedded PostgreSQL 17 in a temporary folder.
 */
export async function findOrStartPostgres(): Promise<TestServer> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { adminUrl: given, stop: async () => undefined };
  const local = 'postgresql://postgres@127.0.0.1:5432/postgres';
  if (await answers(local)) return { adminUrl: local, stop: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), 'jisr-test-pg-'));
  await chmod(dir, 0o777);
  const server = await startEmbeddedPostgres({ dir: join(dir, 'data'), persistent: false, database: 'postgres', settings: THROWAWAY });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}
