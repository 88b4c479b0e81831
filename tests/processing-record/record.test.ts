import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase, makeDisclosure, OPENED_AT } from '../helpers/case-factories.js';

const { db } = await testDb();

const DAY = 86_400_000;

/** A town whose disclosures are: two live to the youth centre, one live to a named colleague, one expired and one revoked to the school. */
async function townWithDisclosures() {
  const town = await makeTown(db);
  const youth = await makeAgency(db, town.town.id, { kind: 'youth', name: `Youth centre ${town.town.id.slice(0, 6)}` });
  const school = await makeAgency(db, town.town.id, { kind: 'school', name: `School ${town.town.id.slice(0, 6)}` });
  const c = await makeCase(db, town, { person: { nameLatin: 'Synthetic Person Recordtest' } });
  const by = { createdById: town.coordinator.id };
  await makeDisclosure(db, c, { ...by, agencyId: youth.id, purposeCode: 'prevention', purpose: 'Synthetic private words' });
  await makeDisclosure(db, c, { ...by, agencyId: youth.id, purposeCode: 'education', legalBasis: 'legal_obligation' });
  await makeDisclosure(db, c, { ...by, userId: town.socialWorker.id, purposeCode: 'education' });
  await makeDisclosure(db, c, { ...by, agencyId: school.id, expiresAt: new Date(OPENED_AT.getTime() - DAY) });
  await makeDisclosure(db, c, { ...by, agencyId: school.id, revokedAt: OPENED_AT });
  return { town, youth, school, c };
}

describe('the record of processing', () => {
  it('is made from the live configuration: controller, purposes, legal bases, recipients with counts, security', async () => {
    const { town, youth } = await townWithDisclosures();
    // Another town's agency with a live disclosure of its own never appears here.
    const elsewhere = await townWithDisclosures();
    const { caller } = await callerFor(db, town.coordinator);
    const record = await caller.processingRecord.get({});
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: town.town.id } });
    expect(record.controller).toMatchObject({ name: municipality.name, country: municipality.country, code: municipality.code });
    expect(record.recipients).toEqual([{ id: youth.id, name: youth.name, kind: 'youth', liveDisclosures: 2 }]);
    expect(record.recipients.map((r) => r.id)).not.toContain(elsewhere.youth.id);
    expect(record.namedStaffDisclosures).toBe(1);
    expect(record.legalBases).toEqual([
      { basis: 'consent', liveDisclosures: 0 },
      { basis: 'legal_obligation', liveDisclosures: 1 },
      { basis: 'public_task', liveDisclosures: 2 },
    ]);
    expect(record.liveConsents).toBe(1);
    const own = await db.disclosurePurpose.findMany({ where: { municipalityId: town.town.id }, select: { id: true } });
    expect(record.purposes.map((p) => p.id).sort()).toEqual(own.map((p) => p.id).sort());
    expect(record.purposes.find((p) => p.code === 'education')).toMatchObject({ liveDisclosures: 2 });
    expect(record.purposes.find((p) => p.code === 'prevention')).toMatchObject({ liveDisclosures: 1 });
    expect(record.security).toMatchObject({
      encryption: 'AES-256-GCM',
      rowBound: true,
      auditChain: true,
      secondFactorRoles: municipality.secondFactorRoles,
      sessionIdleMinutes: 30,
    });
    expect(record.dataCategories).toContain('concern');
    expect(record.subjectCategories).toContain('cohort_returnee');
    // No personal data: no name, no free words.
    const text = JSON.stringify(record);
    expect(text).not.toContain('Recordtest');
    expect(text).not.toContain('Synthetic private words');
  });

  it('shows the retention rules when there are any, and "not configured" (null) otherwise', async () => {
    const { town } = await townWithDisclosures();
    const record = await (await callerFor(db, town.admin)).caller.processingRecord.get({});
    const [table] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('retention_rule') IS NOT NULL AS present`;
    const rows = table?.present
      ? await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM retention_rule WHERE municipality_id = ${town.town.id}::uuid`
      : [{ n: 0 }];
    if (rows[0]!.n === 0) expect(record.retention).toBeNull();
    else expect(record.retention).toHaveLength(rows[0]!.n);
  });

  it('is for the coordinator and the admin of the municipality only, and every production is audited', async () => {
    const { town } = await townWithDisclosures();
    for (const user of [town.coordinator, town.admin]) {
      await (await callerFor(db, user)).caller.processingRecord.get({});
      const event = await db.auditEvent.findFirstOrThrow({
        where: { actorId: user.id, action: 'processingRecord.read' },
        select: { entityType: true, entityId: true, outcome: true, detail: true },
      });
      expect(event).toMatchObject({
        entityType: 'Municipality',
        entityId: town.town.id,
        outcome: 'allowed',
        detail: { recipients: 1, liveDisclosures: 3 },
      });
    }
    for (const user of [town.socialWorker, town.practitioner, town.auditor]) {
      expect(await failure((await callerFor(db, user)).caller.processingRecord.get({})), user.role).toMatchObject({ code: 'FORBIDDEN' });
      expect(await auditCount(db, user.id, 'processingRecord.read', 'denied')).toBe(1);
    }
  });
});
