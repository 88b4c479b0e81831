import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { failure, makeCase } from '../helpers/case-factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';
import { openSafeContact } from '../../src/modules/people/safe-contact.js';
import { rankMatches } from '../../src/modules/people/rank.js';

const { db } = await testDb();
const NOW = new Date('2026-06-01T09:00:00Z');
const SAFE = {
  channel: 'text_message',
  phoneShared: true,
  safeTimes: 'Weekdays 10–12, at school',
  doNotTell: 'The older brother',
} as const;

async function coordinator() {
  const town = await makeTown(db);
  const { caller } = await callerFor(db, town.coordinator, { clock: manualClock(NOW) });
  return { town, caller };
}

describe("a person's optional details", () => {
  it('are saved and read back: father’s name, place, languages, an estimated age, and the safe contact encrypted to the row', async () => {
    const { town, caller } = await coordinator();
    const made = await caller.people.create({
      nameArabic: 'كريم العابد',
      cohort: 'youth',
      fatherName: 'سليم',
      locality: 'Synthetic Quarter',
      governorate: 'Synthetic Governorate',
      languages: ['ar', 'zgh'],
      estimatedAge: 15,
      safeContact: SAFE,
    });
    expect(made).toMatchObject({ fatherName: 'سليم', birthYear: 2011, birthYearEstimated: true, languages: ['ar', 'zgh'] });
    expect(made).not.toHaveProperty('safeContact');
    const read = await caller.people.get({ id: made.id });
    expect(read.safeContact).toEqual(SAFE);
    expect(read).toMatchObject({ locality: 'Synthetic Quarter', governorate: 'Synthetic Governorate' });
    // Stored encrypted and bound to its row: copied onto another person it does not open.
    const { safeContact } = await db.person.findUniqueOrThrow({ where: { id: made.id }, select: { safeContact: true } });
    expect(safeContact).not.toMatch(/brother|school/);
    const other = await makePerson(db, town.town.id);
    expect(safeContact).toMatch(/^k1\./);
    await expect(openSafeContact({ db, keyring: testKeyring }, other.id, safeContact)).rejects.toThrow();
    await db.person.update({ where: { id: other.id }, data: { safeContact } });
    await expect(openSafeContact({ db, keyring: testKeyring }, other.id, safeContact)).rejects.toThrow();
  });

  it('refuse bad values at their field and store nothing', async () => {
    const { town, caller } = await coordinator();
    const base = { nameLatin: 'Synthetic Refused', cohort: 'youth' as const };
    const cases: [Record<string, unknown>, string][] = [
      [{ estimatedAge: 15, birthYear: 2010 }, 'estimatedAge'],
      [{ estimatedAge: -1 }, 'estimatedAge'],
      [{ estimatedAge: 200 }, 'estimatedAge'],
      [{ languages: ['xx'] }, 'languages.0'],
      [{ languages: ['ar', 'ar'] }, 'languages'],
      [{ locality: 'x' }, 'locality'],
      [{ governorate: 'a'.repeat(121) }, 'governorate'],
      [{ fatherName: 'ab\u0000' }, 'fatherName'],
      [{ safeContact: { channel: 'pigeon' } }, 'safeContact.channel'],
      [{ safeContact: { channel: 'phone_call', doNotTell: 'x'.repeat(201) } }, 'safeContact.doNotTell'],
      [{ safeContact: { channel: 'phone_call', extra: 'crafted' } }, 'safeContact'],
    ];
    for (const [extra, field] of cases) {
      const input = { ...base, ...extra };
      const refused = await failure(caller.people.create(input as never), input);
      expect(refused.code, field).toBe('BAD_INPUT');
      expect(Object.keys(refused.fields ?? {}), field).toEqual([field]);
    }
    expect(await db.person.count({ where: { municipalityId: town.town.id } })).toBe(0);
  });
});

describe('people.correct with the new details', () => {
  it('the coordinator corrects them: history kept (the safe contact as written, encrypted), the age sets an estimated year', async () => {
    const { town, caller } = await coordinator();
    const c = await makeCase(db, town, { person: { nameLatin: 'Synthetic Corrected' } });
    const saved = await caller.people.correct({
      id: c.person.id,
      version: 1,
      fatherName: 'Synthetic Father',
      estimatedAge: 16,
      safeContact: SAFE,
    });
    expect(saved).toMatchObject({ version: 2, unchanged: false });
    const read = await caller.people.get({ id: c.person.id });
    expect(read).toMatchObject({ fatherName: 'Synthetic Father', birthYear: 2010, birthYearEstimated: true, safeContact: SAFE });
    const fields = (await db.fieldChange.findMany({ where: { entityId: c.person.id }, select: { field: true } }))
      .map((f) => f.field)
      .sort();
    expect(fields).toEqual(['birthYear', 'birthYearEstimated', 'fatherName', 'safeContact']);
    // The same safe contact again changes nothing; clearing it does.
    expect(await caller.people.correct({ id: c.person.id, version: 2, safeContact: SAFE })).toMatchObject({ unchanged: true });
    expect(await caller.people.correct({ id: c.person.id, version: 2, safeContact: null, birthYear: 2009 })).toMatchObject({ version: 3 });
    expect(await caller.people.get({ id: c.person.id })).toMatchObject({ safeContact: null, birthYear: 2009, birthYearEstimated: false });
    // An age beside a kept birth date contradicts it.
    await db.person.update({ where: { id: c.person.id }, data: { birthDate: new Date('2009-03-01') } });
    const refused = await failure(caller.people.correct({ id: c.person.id, version: 3, estimatedAge: 12 }));
    expect(refused).toMatchObject({ code: 'BAD_INPUT', fields: { estimatedAge: 'age_with_birth' } });
  });

  it('a referrer may give an age but not the safe contact or the father’s name; another town gets NOT_FOUND', async () => {
    const town = await makeTown(db);
    const person = await makePerson(db, town.town.id, { nameLatin: 'Synthetic Referred' });
    await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, person });
    const { caller: sw } = await callerFor(db, town.socialWorker, { clock: manualClock(NOW) });
    expect(await sw.people.correct({ id: person.id, version: 1, estimatedAge: 14 })).toMatchObject({ version: 2 });
    for (const extra of [{ safeContact: SAFE }, { fatherName: 'Synthetic Father' }, { locality: 'Synthetic Quarter' }]) {
      const refused = await failure(sw.people.correct({ id: person.id, version: 2, ...extra }));
      expect(refused).toMatchObject({ code: 'FORBIDDEN', fields: { [Object.keys(extra)[0]!]: 'FORBIDDEN' } });
    }
    const elsewhere = await makeTown(db);
    const { caller: theirs } = await callerFor(db, elsewhere.coordinator);
    expect((await failure(theirs.people.correct({ id: person.id, version: 2, safeContact: SAFE }))).code).toBe('NOT_FOUND');
    expect((await failure(theirs.people.get({ id: person.id }))).code).toBe('NOT_FOUND');
  });
});

describe("the ranking and the father's name", () => {
  it('a typed full form (name, then father) puts the namesake with that father first', () => {
    const rows = [
      { id: 'b', similarity: 0.6, birth_year: null, name_arabic: 'كريم', name_latin: null, father_name: 'ناصر' },
      { id: 'z', similarity: 0.6, birth_year: null, name_arabic: 'كريم', name_latin: null, father_name: 'سليم' },
      { id: 'c', similarity: 0.6, birth_year: null, name_arabic: 'كريم', name_latin: null },
    ];
    const ranked = rankMatches('Karim Salim', null, rows);
    // Without the father's name the three tie, and the tie goes by id: 'b' would come first.
    expect(ranked[0]?.id).toBe('z');
    expect(ranked[0]!.score).toBeGreaterThan(ranked.find((r) => r.id === 'b')?.score ?? 0);
  });
});
