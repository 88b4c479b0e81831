import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../../src/db.js';
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

let current: Promise<TestDatabase> | undefined;

/**
 * This test file's own database, cloned from the migrated template on first use and closed
 * after the file. Tests still make their own municipality, so they never see each other's rows.
 */
export function testDb(): Promise<TestDatabase> {
  current ??= (async () => {
    const { adminUrl, template, prefix } = inject('pg');
    const name = `${prefix}_${randomBytes(5).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    const ownerUrl = withDatabase(adminUrl, name);
    const url = asRole(ownerUrl, TEST_RUNTIME_ROLE.name, TEST_RUNTIME_ROLE.password);
    const runtime = createDb({ url, poolMax: 8 });
    const owner = createDb({ url: ownerUrl, poolMax: 2 });
    afterAll(async () => {
      await runtime.close();
      await owner.close();
    });
    return { db: runtime.db, url, owner: owner.db, ownerUrl };
  })();
  return current;
}
