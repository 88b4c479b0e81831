import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeMunicipality, makeUser } from '../helpers/factories.js';
import { createAdmin } from '../../src/cli/create-admin.js';
import { verifyChain } from '../../src/audit/verify.js';
import { verifyPassword } from '../../src/auth/password.js';
import { adminFlags, capture, chainEvents, newAdmin, rowCounts } from './helpers.js';

const { db, owner } = await testDb();

/** Runs create-admin with `flags` and checks that it fails, prints `message`, and writes nothing. */
async function expectRefused(flags: string[], message: RegExp) {
  const before = await rowCounts(db);
  const printed = capture();
  expect(await createAdmin(db, flags, printed.out)).toBe(1);
  expect(printed.errors.join('\n')).toMatch(message);
  expect(printed.text()).not.toMatch(/One-time password/);
  expect(await rowCounts(db)).toEqual(before);
}

describe('create-admin', () => {
  it('creates the municipality and an admin who must change the printed one-time password', async () => {
    const { user, municipalityId, password, text } = await newAdmin(db, { email: 'First.Admin@Sousse.TEST', locale: 'fr' });
    const town = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId } });
    expect(town).toMatchObject({ country: 'TN', defaultLocale: 'fr' });
    expect(town.name).toMatch(/^CLI Town /);
    expect(user).toMatchObject({
      email: 'first.admin@sousse.test',
      displayName: 'Test Administrator',
      role: 'admin',
      locale: 'fr',
      mustChangePassword: true,
      agencyId: null,
    });
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await verifyPassword(user.passwordHash, password)).toBe(true);
    expect(user.passwordHash).not.toContain(password);
    expect(text).toContain(`Created municipality "${town.name}" (Tunisia, id ${town.id})`);
  });

  it("writes the audit events in the municipality's chain, and the chain verifies", async () => {
    const { user, municipalityId } = await newAdmin(db);
    const events = await chainEvents(db, municipalityId);
    expect(events).toMatchObject([
      {
        seq: 1,
        action: 'municipality.create',
        entityType: 'Municipality',
        entityId: municipalityId,
        actorId: null,
        requestId: 'cli',
        outcome: 'allowed',
      },
      { seq: 2, action: 'user.create', entityType: 'User', entityId: user.id, municipalityId, detail: { role: 'admin', via: 'cli' } },
    ]);
    expect(JSON.stringify(events.map((e) => e.detail))).not.toContain(user.email);
    expect(await verifyChain(db, municipalityId)).toEqual({ chain: municipalityId, checked: 2, firstBroken: null });
  });

  it('gives a new municipality a reference code no other has, even when only one is left', async () => {
    // Every four-hex code but one is taken (in this file's own database): the command must find that one.
    const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
    const taken = new Set((await db.municipality.findMany({ select: { code: true } })).map((m) => m.code));
    const left = hex([...Array(65536).keys()].reverse().find((n) => !taken.has(hex(n)))!);
    // The fillers skip the triggers that give each new town its assessment factors, disclosure purposes and list items (millions of rows).
    await owner.$transaction([
      owner.$executeRaw`ALTER TABLE municipality DISABLE TRIGGER municipality_assessment_factors`,
      owner.$executeRaw`ALTER TABLE municipality DISABLE TRIGGER municipality_default_purposes`,
      owner.$executeRaw`ALTER TABLE municipality DISABLE TRIGGER municipality_default_list_items`,
      owner.$executeRaw`
        INSERT INTO municipality (id, name, country, code)
        SELECT gen_random_uuid(), 'Filler ' || n, 'JO', upper(lpad(to_hex(n), 4, '0'))
        FROM generate_series(0, 65535) AS n WHERE upper(lpad(to_hex(n), 4, '0')) <> ${left}
        ON CONFLICT (code) DO NOTHING`,
      owner.$executeRaw`ALTER TABLE municipality ENABLE TRIGGER municipality_assessment_factors`,
      owner.$executeRaw`ALTER TABLE municipality ENABLE TRIGGER municipality_default_purposes`,
      owner.$executeRaw`ALTER TABLE municipality ENABLE TRIGGER municipality_default_list_items`,
    ]);
    try {
      const { municipalityId } = await newAdmin(db, { municipality: 'Last Code Town' });
      expect((await db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { code: true } })).code).toBe(left);
      await expect(createAdmin(db, adminFlags(), capture().out)).resolves.toBe(1);
    } finally {
      // 65,535 rows, each checked against every table that refers to a municipality: longer than the server's
      // statement limit when the machine is busy.
      await owner.$transaction(
        async (tx) => {
          await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
          await tx.$executeRaw`DELETE FROM municipality WHERE name LIKE 'Filler %'`;
        },
        { timeout: 300_000 },
      );
    }
  });

  it('adds an admin to an existing municipality found by its exact name', async () => {
    const town = await makeMunicipality(db, { country: 'JO' });
    const { user } = await newAdmin(db, { municipality: town.name, country: 'jo' });
    expect(user.municipalityId).toBe(town.id);
    expect(await db.municipality.count({ where: { name: town.name } })).toBe(1);
    expect((await chainEvents(db, town.id)).map((e) => e.action)).toEqual(['user.create']);
    // With no --locale, the admin gets the municipality's language (the schema's default, ar).
    expect(user.locale).toBe('ar');
  });

  it('refuses an e-mail that is taken, whatever its case, and changes nothing', async () => {
    const town = await makeMunicipality(db);
    const taken = await makeUser(db, { municipalityId: town.id, role: 'coordinator' });
    await expectRefused(adminFlags({ email: taken.email.toUpperCase() }), /already exists; nothing was changed/);
  });

  it('refuses bad input with a message per flag, and changes nothing', async () => {
    await expectRefused(adminFlags({ email: 'not-an-email' }), /--email: must be an e-mail address/);
    await expectRefused(adminFlags({ name: 'A' }), /--name: must be 2 to 120 characters/);
    await expectRefused(adminFlags({ name: 'x'.repeat(121) }), /--name: must be 2 to 120 characters/);
    await expectRefused(adminFlags({ country: 'TUN' }), /--country: must be a two-letter/);
    await expectRefused(adminFlags({ country: 'XX' }), /--country: is not a known country code/);
    await expectRefused(adminFlags({ locale: 'de' }), /--locale: must be ar, fr or en/);
    await expectRefused(adminFlags({ colour: 'blue' }), /Unknown option '--colour'/);
    await expectRefused(['--email', 'a@b.test'], /--name: is required[\s\S]*--municipality: is required/);
  });

  it('refuses a new municipality without a country, and a country that contradicts an existing one', async () => {
    const flags = adminFlags();
    await expectRefused(flags.slice(0, flags.indexOf('--country')), /no municipality named .* add --country/);
    const town = await makeMunicipality(db, { country: 'JO' });
    await expectRefused(adminFlags({ municipality: town.name, country: 'TN' }), /exists with country JO, not TN/);
  });
});
