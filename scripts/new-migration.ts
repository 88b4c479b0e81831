/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql from the change between the committed
 * prisma/schema.prisma (git HEAD) and the working copy. Usage: npm run migration:new -- <name>
 *
 * Why not `prisma migrate dev`: here the CLI runs the WebAssembly schema engine through an adapter,
 * which refuses --from-url and mishandles the shadow database; a diff of two datamodels works.
 * Hand-written SQL (triggers, grants, extensions) can be appended to the file afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/embedded.js';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('Usage: npm run migration:new -- <name>');
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'jisr-migration-'));
chmodSync(scratch, 0o777);
const before = join(scratch, 'before.prisma');
writeFileSync(before, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { encoding: 'utf8' }));

// The CLI's engine wants a reachable database even for a datamodel-to-datamodel diff.
const server = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dir: join(scratch, 'pg'), persistent: false });
try {
  const sql = execFileSync(
    'npx',
    ['prisma', 'migrate', 'diff', '--from-schema-datamodel', before, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? server!.url } },
  );
  if (/^-- This is an empty migration/m.test(sql)) {
    console.log('No change between the committed schema and the working copy.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const folder = join('prisma', 'migrations', `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'migration.sql'), sql);
    console.log(`Wrote ${folder}/migration.sql:\n\n${sql}`);
  }
} finally {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
