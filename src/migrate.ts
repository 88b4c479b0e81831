import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { connectClient } from './lib/pg-client.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));
const LOCK_KEY = 7_318_001; // one advisory lock so replicas starting together migrate once

// The same bookkeeping table as `prisma migrate deploy`, so either tool can take over from the other.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies pending Prisma migrations (prisma/migrations/<name>/migration.sql) in name order,
 * each in its own transaction. Prisma's CLI needs a native engine download here; this needs nothing.
 * Returns the names applied.
 */
export async function migrate(url: string): Promise<string[]> {
  const client = await connectClient(url);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    // Only when missing: the server's own role may check that nothing is pending, but creates nothing.
    const { rows: found } = await client.query<{ t: string | null }>(`SELECT to_regclass('public."_prisma_migrations"')::text AS t`);
    if (!found[0]?.t) await client.query(BOOKKEEPING);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const ran: string[] = [];
    for (const name of names) {
      const sql = await readFile(`${MIGRATIONS_DIR}${name}/migration.sql`, 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      if (applied.has(name)) {
        if (applied.get(name) !== checksum) throw new Error(`Migration ${name} was changed after it was applied`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        // 42501: the server's role (which owns nothing) tried; migrations are the schema owner's work.
        const hint = (err as { code?: string }).code === '42501' ? ' (run migrations as the schema owner: set MIGRATION_DATABASE_URL)' : '';
        throw new Error(`Migration ${name} failed: ${(err as Error).message}${hint}`);
      }
      ran.push(name);
    }
    return ran;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
