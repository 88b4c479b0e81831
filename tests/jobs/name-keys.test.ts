import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { NAME_KEY_VERSION, rekeyPeople } from '../../src/jobs/name-keys.js';
import { personKeys } from '../../src/modules/people/names.js';

const { db } = await testDb();

/** A town whose people were stored by an older version of the keys: صلاح's final ح dropped. */
async function upgradedTown() {
  const town = await makeTown(db);
  // Through a case, so the town's coordinator may read the record (and match shows it, not only that it exists).
  const salah = (await makeCase(db, town, { person: { nameArabic: 'صلاح الدين بن علي', nameLatin: 'Salaheddine Ben Ali' } })).person;
  const other = await makePerson(db, town.town.id, { nameLatin: 'Amina Synthetique' });
  const old = { latinKey: 'sldn bn l', skeleton: 'sl ldn bn l' };
  await db.person.update({ where: { id: salah.id }, data: old });
  await db.municipality.update({ where: { id: town.town.id }, data: { nameKeyVersion: 1 } });
  return { town, salah, other, old };
}

describe('the name-keys job', () => {
  it('re-keys the people of a municipality keyed by an older version, records the version and audits counts only', async () => {
    const { town, salah, other } = await upgradedTown();
    const untouched = await makeTown(db);
    const before = await db.person.findUniqueOrThrow({ where: { id: other.id }, select: { latinKey: true, skeleton: true } });

    const result = await rekeyPeople(db);
    expect(result.municipalities).toBeGreaterThanOrEqual(1);
    const row = await db.person.findUniqueOrThrow({
      where: { id: salah.id },
      select: { nameArabic: true, nameLatin: true, latinKey: true, skeleton: true },
    });
    expect({ latinKey: row.latinKey, skeleton: row.skeleton }).toEqual(personKeys(row));
    expect(row.skeleton.startsWith('slh')).toBe(true);
    expect(await db.person.findUniqueOrThrow({ where: { id: other.id }, select: { latinKey: true, skeleton: true } })).toEqual(before);
    const versions = await db.municipality.findMany({
      where: { id: { in: [town.town.id, untouched.town.id] } },
      select: { nameKeyVersion: true },
    });
    expect(versions.map((v) => v.nameKeyVersion)).toEqual([NAME_KEY_VERSION, NAME_KEY_VERSION]);

    const events = await db.auditEvent.findMany({
      where: { municipalityId: town.town.id, action: 'people.rekey' },
      select: { detail: true, actorId: true },
    });
    expect(events).toEqual([{ actorId: null, detail: { version: NAME_KEY_VERSION, people: 2, changed: 1 } }]);
    expect(JSON.stringify(events)).not.toMatch(/Salah|صلاح/);
    // A town that needed nothing gets no event, and a second turn finds no work.
    expect(await db.auditEvent.count({ where: { municipalityId: untouched.town.id, action: 'people.rekey' } })).toBe(0);
    expect(await rekeyPeople(db)).toEqual({ municipalities: 0, people: 0, changed: 0 });
  });
});
