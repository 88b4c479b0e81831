import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { adminQuery, withDatabase } from '../setup/postgres.js';
import { runCli } from '../../src/cli/dispatch.js';
import { adminFlags, capture, printedPassword, rowCounts } from './helpers.js';

const { db, url } = await testDb();

/** The dispatcher as `npm run jisr` runs it, in this process: it opens and closes its own connection. */
async function cli(argv: string[], env: NodeJS.ProcessEnv = { DATABASE_URL: url }) {
  const printed = capture();
  const code = await runCli(argv, env, printed.out);
  return { code, ...printed };
}

describe('the jisr command line', () => {
  it('prints the help for help, for nothing, and with exit code 2 for an unknown command', async () => {
    for (const argv of [['help'], [], ['--help']]) {
      const { code, lines } = await cli(argv, {});
      expect(code).toBe(0);
      expect(lines.join('\n')).toMatch(/create-admin --email E[\s\S]*verify-audit \[--chain X\][\s\S]*e\.g\. npm run jisr -- /);
      // An example that sets a variable puts it before the command, not after it.
      expect(lines.join('\n')).toContain("e.g. JISR_DATA_KEY='1:<old>,2:<new>' npm run jisr -- rotate-key");
      expect(lines.join('\n')).not.toMatch(/jisr -- [A-Z_]+=/);
    }
    const unknown = await cli(['drop-everything'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.errors.join('\n')).toMatch(/^Unknown command "drop-everything"\.[\s\S]*create-admin/);
  });

  it('says clearly when DATABASE_URL is missing or malformed', async () => {
    const missing = await cli(['verify-audit'], {});
    expect(missing.code).toBe(1);
    expect(missing.errors.join('\n')).toMatch(/^DATABASE_URL is not set/);
    const malformed = await cli(['verify-audit'], { DATABASE_URL: 'not a url' });
    expect(malformed.code).toBe(1);
    expect(malformed.errors.join('\n')).toMatch(/Invalid environment: DATABASE_URL/);
  });

  it('validates the flags before it needs a database', async () => {
    const { code, errors } = await cli(['create-admin', '--email', 'nope'], {});
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/--email: must be an e-mail address/);
  });

  it('runs create-admin end to end: migrations up to date, admin created, connection closed', async () => {
    const before = await rowCounts(db);
    const { code, lines } = await cli(['create-admin', ...adminFlags()]);
    expect(code).toBe(0);
    expect(lines.join('\n')).not.toMatch(/Applied \d+ migration/);
    expect(printedPassword(lines.join('\n'))).toBeTruthy();
    expect(await rowCounts(db)).toMatchObject({
      municipalities: before.municipalities + 1,
      users: before.users + 1,
      events: before.events + 2,
    });
    const verified = await cli(['verify-audit']);
    expect(verified.code).toBe(0);
    expect(verified.lines.at(-1)).toMatch(/^Intact: \d+ chains?, \d+ events\.$/);
  });

  it('explains a database without the schema instead of showing the query error', async () => {
    const { adminUrl, prefix } = inject('pg');
    const empty = `${prefix}_empty_${randomBytes(4).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${empty}`);
    const { code, errors } = await cli(['verify-audit'], { DATABASE_URL: withDatabase(adminUrl, empty) });
    expect(code).toBe(1);
    expect(errors).toEqual([
      'verify-audit: the database has no Jisr tables yet. Start the server or run create-admin: both apply the migrations.',
    ]);
  });

  it('reports a database it cannot reach as a failure, not a crash', async () => {
    const { code, errors } = await cli(['verify-audit'], { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/^verify-audit failed: /);
  });
});
