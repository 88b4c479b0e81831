import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { referralInput } from '../helpers/referral-factories.js';
import { openStored } from '../helpers/crypto.js';
import { moveToRecordKeys } from '../../src/crypto/rotate.js';
import { ERASED_TEXT, shredRecordKeys } from '../../src/crypto/record-keys.js';

const { db } = await testDb();

const consentWords = (id: string) =>
  db.$queryRaw<{ consent_scope: string | null; legal_justification: string | null }[]>`
    SELECT consent_scope, legal_justification FROM referral WHERE id = ${id}::uuid`.then((r) => r[0]!);

describe("a referral's consent words (plain before, sealed now)", () => {
  it('are stored under the referral key bound to the row, shown decrypted, and a copy onto another referral does not open', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.socialWorker);
    const scope = 'Synthetic scope: mentoring and school support only.';
    const justification = 'Synthetic justification: a court order names the service.';
    const given = await caller.referrals.create(
      referralInput({ consent: { given: true, by: 'person', at: new Date('2026-01-14T10:00:00Z'), scope } }),
    );
    const basis = await caller.referrals.create(
      referralInput({ consent: { given: false, legalBasis: 'legal_obligation', justification } }),
    );

    const stored = await consentWords(given.id);
    expect(stored.consent_scope).toMatch(/^k1\./);
    expect(stored.consent_scope).not.toContain('mentoring');
    expect(await openStored(db, `referral.consent_scope/${given.id}`, stored.consent_scope!)).toBe(scope);
    expect((await consentWords(basis.id)).legal_justification).toMatch(/^k1\./);
    expect((await caller.referrals.get({ id: given.id })).consent).toMatchObject({ given: true, scope });
    expect((await caller.referrals.get({ id: basis.id })).consent).toMatchObject({ given: false, justification });

    // Copied in SQL onto the other referral's row (and into another field of its own row): refused, not shown.
    await db.$executeRaw`UPDATE referral SET consent_scope = ${stored.consent_scope} WHERE id = ${basis.id}::uuid`;
    await expect(caller.referrals.get({ id: basis.id })).rejects.toBeDefined();
    await db.$executeRaw`UPDATE referral SET consent_scope = NULL, legal_justification = ${stored.consent_scope} WHERE id = ${given.id}::uuid`;
    await expect(caller.referrals.get({ id: given.id })).rejects.toBeDefined();
  });

  it('written as words before, are shown as they are, sealed by the start-up move, and erased with the referral', async () => {
    const town = await makeTown(db);
    // The factory writes the justification as the app did before: plain words.
    const c = await makeCase(db, town, { consentGiven: false });
    expect((await consentWords(c.referralId)).legal_justification).toBe('Synthetic justification.');
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    expect((await coordinator.referrals.get({ id: c.referralId })).consent).toMatchObject({ justification: 'Synthetic justification.' });

    const moved = await moveToRecordKeys(db, testKeyring);
    expect(moved['referral.legal_justification']).toBeGreaterThanOrEqual(1);
    const sealed = (await consentWords(c.referralId)).legal_justification!;
    expect(sealed).toMatch(/^k1\./);
    expect((await coordinator.referrals.get({ id: c.referralId })).consent).toMatchObject({ justification: 'Synthetic justification.' });
    expect((await moveToRecordKeys(db, testKeyring))['referral.legal_justification']).toBe(0);

    // Words not yet sealed when the referral is erased go with it.
    const other = await makeCase(db, town, { consentGiven: false });
    expect(await db.$transaction((tx) => shredRecordKeys(tx, { kind: 'referral', id: c.referralId }))).toBe(1);
    expect(await db.$transaction((tx) => shredRecordKeys(tx, { kind: 'referral', id: other.referralId }))).toBe(0);
    expect((await consentWords(other.referralId)).legal_justification).not.toContain('Synthetic');
    for (const id of [c.referralId, other.referralId]) {
      expect((await coordinator.referrals.get({ id })).consent).toMatchObject({ justification: ERASED_TEXT });
    }
  });
});

describe("an intervention's title and outcome", () => {
  it("are under the case's key bound to the intervention, shown in the plan and the history, and refused when copied", async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    const title = 'Synthetic mentoring at the youth centre';
    const one = await caller.cases.addIntervention({ caseId: c.id, type: 'mentoring', title, agencyId: town.agency.id });
    const two = await caller.cases.addIntervention({
      caseId: c.id,
      type: 'education',
      title: 'Synthetic tutoring',
      agencyId: town.agency.id,
    });
    expect(one.title).toBe(title);
    const done = await caller.cases.updateIntervention({
      id: one.id,
      version: 1,
      status: 'completed',
      outcome: 'Synthetic outcome: attends weekly.',
    });
    expect(done).toMatchObject({ title, outcome: 'Synthetic outcome: attends weekly.' });

    const [row] = await db.$queryRaw<
      { title: string; outcome: string }[]
    >`SELECT title, outcome FROM intervention WHERE id = ${one.id}::uuid`;
    expect(row!.title).toMatch(/^k1\./);
    expect(row!.outcome).toMatch(/^k1\./);
    expect(await openStored(db, `intervention.title/${one.id}`, row!.title)).toBe(title);
    const page = await caller.cases.get({ id: c.id });
    expect(page.plan!.map((i) => i.title).sort()).toEqual(['Synthetic tutoring', title].sort());
    const history = await caller.cases.history({ id: c.id });
    expect(JSON.stringify(history)).toContain('Synthetic outcome: attends weekly.');

    // The title copied in SQL onto the other intervention's row does not open there.
    await db.$executeRaw`UPDATE intervention SET title = ${row!.title} WHERE id = ${two.id}::uuid`;
    await expect(caller.cases.get({ id: c.id })).rejects.toBeDefined();
  });
});

describe("a meeting's title and place", () => {
  it('are sealed under the master keyring bound to the meeting, shown in the list, and refused when copied', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    const at = new Date('2026-01-20T09:00:00Z');
    const slot = { scheduledAt: at, caseIds: [c.id], agencyIds: [town.agency.id], userIds: [] };
    const one = await caller.meetings.schedule({ ...slot, title: 'Synthetic panel about the youth centre', location: 'Synthetic hall' });
    const two = await caller.meetings.schedule({ ...slot, title: 'Another synthetic panel' });
    const [row] = await db.$queryRaw<
      { title: string; location: string }[]
    >`SELECT title, location FROM panel_meeting WHERE id = ${one.id}::uuid`;
    expect(row!.title).toMatch(/^v1\./);
    expect(row!.location).not.toContain('hall');
    expect(testKeyring.decrypt(row!.title, `panel_meeting.title/${one.id}`)).toBe('Synthetic panel about the youth centre');
    expect(await caller.meetings.get({ id: one.id })).toMatchObject({
      title: 'Synthetic panel about the youth centre',
      location: 'Synthetic hall',
    });

    await db.$executeRaw`UPDATE panel_meeting SET title = ${row!.title} WHERE id = ${two.id}::uuid`;
    await expect(caller.meetings.get({ id: two.id })).rejects.toBeDefined();
  });
});
