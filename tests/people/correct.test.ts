import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { auditCount, failure, makeCase } from '../helpers/case-factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { nameKeys } from '../../src/modules/people/names.js';

const { db } = await testDb();

/** A town with a person referred by its social worker, and callers for each role. */
async function world() {
  const town = await makeTown(db);
  const person = await makePerson(db, town.town.id, { nameLatin: 'Samya Bentest', birthYear: 2008 });
  await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, person });
  const as = async (u: { id: string; municipalityId: string }) => (await callerFor(db, u)).caller;
  return { town, person, as };
}

const row = (id: string) =>
  db.person.findUniqueOrThrow({
    where: { id },
    select: { nameLatin: true, birthYear: true, contact: true, version: true, latinKey: true, skeleton: true },
  });
const historyRows = (id: string) => db.fieldChange.count({ where: { entityType: 'Person', entityId: id } });

describe('people.correct', () => {
  it('lets the coordinator correct names and details: a new version, new name keys, history old → new (encrypted)', async () => {
    const { town, person, as } = await world();
    const coord = await as(town.coordinator);
    const saved = await coord.people.correct({
      id: person.id,
      version: 1,
      nameLatin: 'Samia Ben Test',
      birthYear: 2007,
      contact: '+000 555',
    });
    expect(saved).toEqual({ id: person.id, version: 2, unchanged: false });
    const now = await row(person.id);
    expect(now).toMatchObject({ nameLatin: 'Samia Ben Test', birthYear: 2007, contact: '+000 555', version: 2 });
    expect(now.latinKey).toBe(nameKeys('Samia Ben Test').latinKey);
    // Matching follows the corrected name (the keys, and the trigger-kept list of skeletons).
    const found = await coord.people.match({ name: 'Samia Ben Test' });
    expect(found.some((c) => !c.restricted && c.person.id === person.id)).toBe(true);

    const history = await coord.people.history({ id: person.id });
    expect(history.map((h) => [h.field, h.from, h.to, h.version])).toEqual([
      ['birthYear', 2008, 2007, 2],
      ['contact', null, '+000 555', 2],
      ['nameLatin', 'Samya Bentest', 'Samia Ben Test', 2],
    ]);
    expect(history[0]!.by.id).toBe(town.coordinator.id);
    // Stored encrypted, bound to its row; the audit event names the fields, never the values.
    const raw = await db.$queryRaw<{ leaks: bigint }[]>`
      SELECT (SELECT count(*) FROM field_change WHERE old_value LIKE '%Samya%' OR new_value LIKE '%Samia%')
           + (SELECT count(*) FROM audit_event WHERE detail::text LIKE '%Samia%' OR detail::text LIKE '%Samya%') AS leaks`;
    expect(raw[0]!.leaks).toBe(0n);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'person.correct' },
      select: { entityId: true, detail: true },
    });
    expect(event).toMatchObject({ entityId: person.id, detail: { fields: ['nameLatin', 'birthYear', 'contact'], version: 2 } });
  });

  it('lets the referrer correct what their referral showed (names, birth), not the rest; others are refused and audited', async () => {
    const { town, person, as } = await world();
    const sw = await as(town.socialWorker);
    await expect(sw.people.correct({ id: person.id, version: 1, nameLatin: 'Samia Bentest' })).resolves.toMatchObject({ version: 2 });
    const refused = await failure(sw.people.correct({ id: person.id, version: 2, contact: '+000 1' }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', fields: { contact: 'FORBIDDEN' } });

    const colleague = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const other = await makeTown(db);
    const attempts: [{ id: string; municipalityId: string }, string][] = [
      [colleague, 'NOT_FOUND'],
      [town.practitioner, 'FORBIDDEN'],
      [town.auditor, 'FORBIDDEN'],
      [town.admin, 'FORBIDDEN'],
      [other.coordinator, 'NOT_FOUND'],
    ];
    for (const [user, code] of attempts) {
      await expect((await as(user)).people.correct({ id: person.id, version: 2, nameLatin: 'Someone Else' })).rejects.toMatchObject({
        code,
      });
      expect(await auditCount(db, user.id, 'person.correct', 'denied')).toBe(1);
    }
    expect(await row(person.id)).toMatchObject({ nameLatin: 'Samia Bentest', contact: null, version: 2 });
    expect(await historyRows(person.id)).toBe(1);
  });

  it('refuses a save against an older version with who, when and their text, and changes nothing', async () => {
    const { town, person, as } = await world();
    const first = await as(town.coordinator);
    const second = await makeUser(db, { municipalityId: town.town.id, role: 'coordinator', displayName: 'Second Coordinator' });
    const firstName = await db.user.findUniqueOrThrow({ where: { id: town.coordinator.id }, select: { displayName: true } });
    await first.people.correct({ id: person.id, version: 1, nameLatin: 'Samia Bentest' });
    const stale = await failure(
      (await as(second)).people.correct({ id: person.id, version: 1, nameLatin: 'Sammy Bentest', birthYear: 2006 }),
    );
    expect(stale.code).toBe('STALE_VERSION');
    expect(stale.info).toMatchObject({ by: firstName.displayName, at: expect.stringMatching(/^\d{4}-/) });
    expect(JSON.parse(String(stale.info!.theirs))).toEqual({ nameLatin: 'Samia Bentest', birthYear: 2008 });
    expect(await row(person.id)).toMatchObject({ nameLatin: 'Samia Bentest', birthYear: 2008, version: 2 });
    expect(await historyRows(person.id)).toBe(1);
  });

  it('answers bad input at the field and changes nothing', async () => {
    const { town, person, as } = await world();
    const coord = await as(town.coordinator);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ nameLatin: '' }, { nameLatin: 'too_small' }],
      [{ birthDate: tomorrow }, { birthDate: 'in_future' }],
      [{ nameLatin: null }, { nameArabic: 'name_required', nameLatin: 'name_required' }],
      [{ birthDate: new Date('2005-03-01'), birthYear: 2004 }, { birthYear: 'birth_year_mismatch' }],
    ];
    for (const [fields, expected] of cases) {
      const refused = await failure(coord.people.correct({ id: person.id, version: 1, ...fields } as never));
      expect(refused.fields).toEqual(expected);
    }
    expect(await row(person.id)).toMatchObject({ nameLatin: 'Samya Bentest', birthYear: 2008, version: 1 });
    expect(await historyRows(person.id)).toBe(0);
  });
});

describe('people.history', () => {
  it('shows to those who may read the person: the coordinator and the key worker, not the referrer alone or others', async () => {
    const { town, as } = await world();
    const keyWorker = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const c = await makeCase(db, town, { keyWorkerId: keyWorker.id });
    const coord = await as(town.coordinator);
    await coord.people.correct({ id: c.person.id, version: 1, nameLatin: 'Corrected Synthetic' });
    await expect((await as(keyWorker)).people.history({ id: c.person.id })).resolves.toHaveLength(1);
    // The case's referral was logged by the town's social worker: referring gives no access to the record.
    await expect((await as(town.socialWorker)).people.history({ id: c.person.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await as(town.auditor)).people.history({ id: c.person.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await as((await makeTown(db)).coordinator)).people.history({ id: c.person.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
