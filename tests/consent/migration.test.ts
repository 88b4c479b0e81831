import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase, makeDisclosure, OPENED_AT } from '../helpers/case-factories.js';

const { db } = await testDb();

/** The data part of the migration (after its schema changes), as it ran on upgrade. */
const MIGRATION = readFileSync('prisma/migrations/20261205053000_consent_records/migration.sql', 'utf8');
const [insert, update] = MIGRATION.slice(MIGRATION.indexOf("-- Today's consents become records."))
  .split('\n')
  .filter((l) => !l.startsWith('--'))
  .join('\n')
  .split(';')
  .map((s) => s.trim());

describe('the consent migration', () => {
  it("turns a referral's consent into a record (every purpose, any partner, a year or at least 90 days), keeps withdrawal, and rests consent disclosures on it", async () => {
    const town = await makeTown(db);
    const given = await makeCase(db, town);
    const withdrawn = await makeCase(db, town);
    const none = await makeCase(db, town, { consentGiven: false });
    const onConsent = await makeDisclosure(db, given, {
      agencyId: town.agency.id,
      legalBasis: 'consent',
      createdById: town.coordinator.id,
    });
    // As before the upgrade: no consent rows, consent-based disclosures resting on none, a withdrawal on the case.
    await db.disclosure.updateMany({ where: { caseId: given.id }, data: { consentId: null, consentPurpose: null } });
    await db.consent.deleteMany({ where: { caseId: { in: [given.id, withdrawn.id, none.id] } } });
    await db.case.update({ where: { id: withdrawn.id }, data: { consentWithdrawnAt: OPENED_AT } });
    // The migration's own statements, narrowed to this town (other tests' rows share the database).
    await db.$executeRawUnsafe(`${insert} AND c.municipality_id = '${town.town.id}'`);
    await db.$executeRawUnsafe(`${update} AND d.municipality_id = '${town.town.id}'`);

    const rows = await db.consent.findMany({
      where: { caseId: { in: [given.id, withdrawn.id, none.id] } },
      select: {
        caseId: true,
        givenBy: true,
        purposes: true,
        anyPartner: true,
        method: true,
        givenAt: true,
        expiresAt: true,
        withdrawnAt: true,
        referralId: true,
      },
    });
    expect(rows.map((r) => r.caseId).sort()).toEqual([given.id, withdrawn.id].sort());
    const g = rows.find((r) => r.caseId === given.id)!;
    expect(g).toMatchObject({
      givenBy: 'guardian',
      anyPartner: true,
      method: 'unrecorded',
      givenAt: OPENED_AT,
      withdrawnAt: null,
      referralId: given.referralId,
    });
    expect(g.purposes.sort()).toEqual(['assessment', 'education', 'follow_up', 'health', 'panel_review', 'support_services']);
    // A year after it was given, but never less than 90 days from the upgrade (now).
    const floor = Date.now() + 89 * 86_400_000;
    expect(g.expiresAt.getTime()).toBeGreaterThanOrEqual(Math.max(new Date('2027-01-15T09:00:00Z').getTime(), floor));
    expect(rows.find((r) => r.caseId === withdrawn.id)!.withdrawnAt).toEqual(OPENED_AT);
    const d = await db.disclosure.findUniqueOrThrow({ where: { id: onConsent.id }, select: { consentId: true } });
    expect(d.consentId).toBe((await db.consent.findFirstOrThrow({ where: { caseId: given.id }, select: { id: true } })).id);
  });
});
