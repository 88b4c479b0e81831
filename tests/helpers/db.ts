import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../../src/db.js';
import { adminQuery, withDatabase } from '../setup/postgres.js';

let current: Promise<{ db: Db; url: string }> | undefined;

/**
 * This test file's own database, cloned from the migrated template on first use and closed
 * after the file. Tests still make their own municipality, so they never see each other's rows.
 */
export function testDb(): Promise<{ db: Db; url: string }> {
  current ??= (async () => {
    const { adminUrl, template, prefix } = inject('pg');
    const name = `${prefix}_${randomBytes(5).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    const url = withDatabase(adminUrl, name);
    const handle = createDb({ url, poolMax: 8 });
    afterAll(() => handle.close());
    return { db: handle.db, url };
  })();
  return current;
}
