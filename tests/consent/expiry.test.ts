import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase, OPENED_AT, purposeIdOf } from '../helpers/case-factories.js';
import { sweepAt } from '../helpers/work-factories.js';

const { db } = await testDb();
const DAY = 86_400_000;
const days = (n: number) => new Date(OPENED_AT.getTime() + n * DAY);

/** A case with a consent (given now, expiring in 40 days) and a disclosure to the town's agency resting on it. */
async function consentWithDisclosure() {
  const town = await makeTown(db);
  const c = await makeCase(db, town);
  const { caller } = await callerFor(db, town.coordinator);
  const consent = await caller.consent.record({
    caseId: c.id,
    givenBy: 'person',
    purposes: ['education'],
    anyPartner: true,
    method: 'verbal',
    givenAt: OPENED_AT,
    expiresAt: days(40),
  });
  const onConsent = await caller.cases.disclose({
    caseId: c.id,
    agencyId: town.agency.id,
    purposeId: await purposeIdOf(db, town.town.id, 'education'),
    sections: ['plan'],
    legalBasis: 'consent',
    consentId: consent.id,
    consentPurpose: 'education',
    expiresAt: days(40),
  });
  const onDuty = await caller.cases.disclose({
    caseId: c.id,
    agencyId: town.agency.id,
    purposeId: await purposeIdOf(db, town.town.id, 'safeguarding'),
    sections: ['summary'],
    legalBasis: 'legal_obligation',
    expiresAt: days(200),
  });
  return { town, c, consent, onConsent, onDuty };
}

const reminders = (caseId: string) =>
  db.reminder.findMany({
    where: { caseId, kind: 'consent_expiring' },
    select: { userId: true, entityId: true, dueAt: true, dismissedAt: true },
  });

describe('consent expiry in the reminder sweep (fixed clock)', () => {
  it('reminds the key worker 14 days before, not earlier, and resolves the reminder once renewed', async () => {
    const { town, c, consent } = await consentWithDisclosure();
    await sweepAt(db, town.town.id, days(25));
    expect(await reminders(c.id)).toEqual([]);
    await sweepAt(db, town.town.id, new Date(days(26).getTime() - 60_000));
    expect(await reminders(c.id)).toEqual([]);
    await sweepAt(db, town.town.id, new Date(days(26).getTime() + 60_000));
    expect(await reminders(c.id)).toEqual([
      { userId: town.socialWorker.id, entityId: consent.id, dueAt: new Date('2026-02-24T00:00:00Z'), dismissedAt: null },
    ]);
    const { caller } = await callerFor(db, town.socialWorker);
    // On the key worker's "my work", with the case to open.
    const work = await caller.work.mine();
    expect(work.now.filter((i) => i.kind === 'consent_expiring').map((i) => i.case?.id)).toEqual([c.id]);
    await caller.consent.renew({
      caseId: c.id,
      renewsId: consent.id,
      givenBy: 'person',
      purposes: ['education'],
      anyPartner: true,
      method: 'written',
      formReference: 'F-SYN-2',
      givenAt: OPENED_AT,
    });
    await sweepAt(db, town.town.id, days(27));
    expect((await reminders(c.id))[0]!.dismissedAt).not.toBeNull();
  });

  it('ends the disclosures resting on an expired consent, and only those, audited; a second sweep ends nothing more', async () => {
    const { town, c, onConsent, onDuty } = await consentWithDisclosure();
    // A disclosure may not outlive its consent when made, but one migrated from before consent records, or moved
    // to a renewal that ends sooner, can: the sweep ends it when the consent does.
    await db.disclosure.update({ where: { id: onConsent.id }, data: { expiresAt: days(90) } });
    await sweepAt(db, town.town.id, days(39));
    expect(await db.disclosure.count({ where: { caseId: c.id, revokedAt: null } })).toBe(2);
    await sweepAt(db, town.town.id, days(40));
    const rows = await db.disclosure.findMany({ where: { caseId: c.id }, select: { id: true, revokedAt: true, revokeReason: true } });
    expect(rows.find((r) => r.id === onConsent.id)).toEqual({ id: onConsent.id, revokedAt: days(40), revokeReason: 'consent_expired' });
    expect(rows.find((r) => r.id === onDuty.id)).toMatchObject({ revokedAt: null });
    const events = await db.auditEvent.findMany({
      where: { municipalityId: town.town.id, action: 'case.consent.expire' },
      select: { detail: true },
    });
    expect(events).toEqual([{ detail: { revoked: 1, disclosureIds: [onConsent.id] } }]);
    await sweepAt(db, town.town.id, days(41));
    expect(await db.auditEvent.count({ where: { municipalityId: town.town.id, action: 'case.consent.expire' } })).toBe(1);
    expect(
      await db.caseEvent.count({ where: { caseId: c.id, kind: 'consent', data: { path: ['ended'], equals: 'consent_expired' } } }),
    ).toBe(1);
  });
});
