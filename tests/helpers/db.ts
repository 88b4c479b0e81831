import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type pg from 'pg';
import { createDb, samePool, type Db } from '../../src/db.js';
import { asRole } from '../../src/lib/db-roles.js';
import { adminQuery, withDatabase } from '../setup/postgres.js';
import { TEST_RUNTIME_ROLE } from '../setup/roles.js';

export interface TestDatabase {
  /** The database as the server sees it: the runtime role (a member of jisr_app, owner of nothing). */
  db: Db;
  url: string;
  /** The same database as its owner (a superuser here): for tampering and other things the app may not do. */
  owner: Db;
  ownerUrl: string;
}

/**
 * The file's database lives on the global object, not in this module: with `isolate: false` a worker
 * keeps this module across the files it runs, and tests/setup/each-file.ts closes and forgets it after
 * every file (even one that failed), so the next file gets a database of its own.
 */
const SLOT = Symbol.for('jisr.tests.fileDatabase');
interface FileDatabase {
  current?: Promise<TestDatabase>;
  /** Closes the pools opened for the file; each is added as soon as it exists. */
  closers: (() => Promise<void>)[];
}

/**
 * This test file's own database, cloned from the migrated template on first use and closed
 * after the file. Tests still make their own municipality, so they never see each other's rows.
 */
export function testDb(): Promise<TestDatabase> {
  const file = (globalThis as { [SLOT]?: FileDatabase })[SLOT];
  if (!file) throw new Error("testDb() needs tests/setup/each-file.ts in vitest.config.ts's setupFiles (it closes each file's database)");
  file.current ??= (async () => {
    const { adminUrl, template, prefix } = inject('pg');
    const name = `${prefix}_${randomBytes(5).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    const ownerUrl = withDatabase(adminUrl, name);
    const url = asRole(ownerUrl, TEST_RUNTIME_ROLE.name, TEST_RUNTIME_ROLE.password);
    const runtime = createDb({ url, poolMax: 8 });
    file.closers.push(() => runtime.close());
    const owner = createDb({ url: ownerUrl, poolMax: 2 });
    file.closers.push(() => owner.close());
    return { db: linkingFirst(runtime.db, runtime.pool), url, owner: linkingFirst(owner.db, owner.pool), ownerUrl };
  })();
  return file.current;
}

/** The models of the audit record: a test that reads them sees every answered call's events on the chain. */
const AUDIT_MODELS = new Set(['AuditEvent', 'AuditChainHead', 'AuditEventEntity']);

/**
 * The client, but every read of the audit record's models first links what is staged (audit/chainer.ts):
 * the app answers before its events are linked, as the audit pages link before they read. The link runs
 * on a connection of its own and gives up after 200 ms when a transaction holds a chain head (a test's
 * own audit_append), leaving those events to the next link.
 */
function linkingFirst(db: Db, pool: pg.Pool): Db {
  const link = () => pool.query("SET LOCAL lock_timeout = '200ms'; SELECT audit_link()").catch(() => undefined);
  const extended = db.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, args, query }) {
          if (AUDIT_MODELS.has(model)) await link();
          return query(args);
        },
      },
    },
  });
  return samePool(db, extended) as unknown as Db;
}
