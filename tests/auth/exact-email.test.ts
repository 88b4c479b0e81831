import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { anonymousCaller, callerFor } from '../helpers/callers.js';
import { capture, adminFlags } from '../cli/helpers.js';
import { createAdmin } from '../../src/cli/create-admin.js';
import { connectClient } from '../../src/lib/pg-client.js';
import { LOCK_AFTER_FAILURES } from '../../src/modules/auth/login.js';

const { db, ownerUrl } = await testDb();

/** `email` with the character at `at` replaced: `c_ordinator@…` for at = 1. */
const swap = (email: string, at: number, by: string) => email.slice(0, at) + by + email.slice(at + 1);

const sessionsOf = (userId: string) => db.session.count({ where: { userId } });

describe('sign-in compares e-mail addresses exactly', () => {
  it('refuses LIKE patterns of a real address, even with its real password', async () => {
    const { coordinator } = await makeTown(db);
    const { caller } = anonymousCaller(db);
    const [local] = coordinator.email.split('@') as [string];
    const patterns = [
      '%',
      '%@test.jisr.local',
      `${local}%`,
      swap(coordinator.email, 1, '_'),
      '_'.repeat(coordinator.email.length),
      `\\${coordinator.email}`, // in ILIKE, "\c" is an escaped, literal "c"
      coordinator.email.replace('.', '\\.'),
    ];
    const unknown = () =>
      db.auditEvent.count({
        where: { chain: 'system', action: 'auth.login', outcome: 'denied', detail: { equals: { reason: 'unknown_account' } } },
      });
    const before = await unknown();
    for (const email of patterns) {
      await expect(caller.auth.login({ email, password: TEST_PASSWORD }), email).rejects.toMatchObject({ message: 'INVALID_CREDENTIALS' });
    }
    expect(await sessionsOf(coordinator.id)).toBe(0);
    // Each is recorded for what it was: a sign-in to no account.
    expect((await unknown()) - before).toBe(patterns.length);
  });

  it('signs in whatever the case and surrounding spaces of the address', async () => {
    const { coordinator } = await makeTown(db);
    const { caller } = anonymousCaller(db);
    const typed = `  ${coordinator.email.toUpperCase()}\t `;
    await expect(caller.auth.login({ email: typed, password: TEST_PASSWORD })).resolves.toMatchObject({ id: coordinator.id });
    const mixed = coordinator.email.replace(/^./, (c) => c.toUpperCase());
    await expect(caller.auth.login({ email: mixed, password: TEST_PASSWORD })).resolves.toMatchObject({ id: coordinator.id });
  });

  it('does not let wrong passwords sent to a pattern lock the real account', async () => {
    const { coordinator } = await makeTown(db);
    const { caller } = anonymousCaller(db);
    const [local] = coordinator.email.split('@') as [string];
    for (const email of [`${local}%`, swap(coordinator.email, 1, '_')]) {
      for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
        await expect(caller.auth.login({ email, password: `wrong password ${i}` })).rejects.toMatchObject({
          message: 'INVALID_CREDENTIALS',
        });
      }
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: coordinator.id }, select: { failedLogins: true, lockedUntil: true } })).toEqual({
      failedLogins: 0,
      lockedUntil: null,
    });
    await expect(caller.auth.login({ email: coordinator.email, password: TEST_PASSWORD })).resolves.toMatchObject({ id: coordinator.id });
  });
});

describe('stored addresses are normalised', () => {
  it('an admin may create an address that only matches another as a pattern; another spelling of a taken one is refused', async () => {
    const { admin, coordinator } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const lookalike = swap(coordinator.email, 1, '_');
    await expect(caller.users.create({ email: lookalike, displayName: 'Look Alike', role: 'auditor' })).resolves.toMatchObject({
      user: { email: lookalike },
    });
    await expect(
      caller.users.create({ email: `  ${coordinator.email.toUpperCase()} `, displayName: 'Same Person', role: 'auditor' }),
    ).rejects.toMatchObject({ message: 'EMAIL_TAKEN' });
  });

  it('create-admin takes the same exact view of a taken address', async () => {
    const { coordinator } = await makeTown(db);
    const lookalike = swap(coordinator.email, 1, '_');
    expect(await createAdmin(db, adminFlags({ email: lookalike }), capture().out)).toBe(0);
    const printed = capture();
    expect(await createAdmin(db, adminFlags({ email: ` ${coordinator.email.toUpperCase()}` }), printed.out)).toBe(1);
    expect(printed.errors.join('\n')).toMatch(/already exists/);
  });

  it('the users search treats %, _ and \\ as text, not as patterns', async () => {
    const { admin, coordinator, socialWorker, practitioner } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    for (const search of ['%', '\\', 'coordinator%test', swap(coordinator.email, 1, '_')]) {
      expect(await caller.users.list({ search }), search).toEqual([]);
    }
    // Only the addresses with a real "_" in them (social_worker.…, agency_practitioner.…).
    expect(new Set((await caller.users.list({ search: '_' })).map((u) => u.id))).toEqual(new Set([socialWorker.id, practitioner.id]));
    expect((await caller.users.list({ search: coordinator.email.slice(0, 16).toUpperCase() })).map((u) => u.id)).toEqual([coordinator.id]);
  });

  it('the database refuses an address that is not trimmed and lower-cased', async () => {
    const { coordinator } = await makeTown(db);
    for (const email of [coordinator.email.toUpperCase(), ` ${coordinator.email}`]) {
      await expect(db.user.update({ where: { id: coordinator.id }, data: { email } })).rejects.toThrow(/app_user_email_normalised/);
    }
  });
});

describe('the e-mail migration', () => {
  const sql = readFile(new URL('../../prisma/migrations/20261204100000_email_exact/migration.sql', import.meta.url), 'utf8');

  /** Runs the migration again over rows as they were before it, then rolls everything back. */
  async function rerun(setup: (run: (q: string, params?: unknown[]) => Promise<unknown>) => Promise<void>) {
    const client = await connectClient(ownerUrl);
    const run = (q: string, params: unknown[] = []) => client.query(q, params);
    try {
      await run('BEGIN');
      await run('ALTER TABLE app_user DROP CONSTRAINT app_user_email_normalised');
      await setup(run);
      await run(await sql);
      return await client.query<{ id: string; email: string }>('SELECT id, email FROM app_user');
    } finally {
      await run('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  it('trims and lower-cases existing addresses', async () => {
    const { coordinator } = await makeTown(db);
    const { rows } = await rerun(async (run) => {
      await run('UPDATE app_user SET email = $1 WHERE id = $2', [`  ${coordinator.email.toUpperCase()} `, coordinator.id]);
    });
    expect(rows.find((r) => r.id === coordinator.id)?.email).toBe(coordinator.email);
  });

  it('stops, naming no address, when two accounts would share one', async () => {
    const { coordinator, auditor } = await makeTown(db);
    const clash = rerun(async (run) => {
      await run('UPDATE app_user SET email = $1 WHERE id = $2', [coordinator.email.toUpperCase(), auditor.id]);
    });
    await expect(clash).rejects.toThrow(/1 e-mail address\(es\) belong to several accounts/);
    await expect(clash).rejects.not.toThrow(new RegExp(coordinator.email, 'i'));
  });
});
