import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { fullRanking, makePerson, shown } from '../helpers/people-factories.js';
import { callerFor } from '../helpers/callers.js';
import { nameKeys } from '../../src/modules/people/names.js';

const { db } = await testDb();

const keysOf = async (municipalityId: string) =>
  (await db.personNameKey.findMany({ where: { municipalityId }, select: { skeleton: true }, orderBy: { skeleton: 'asc' } })).map(
    (k) => k.skeleton,
  );

const personData = (municipalityId: string, nameLatin: string, birthYear = 2000) => ({
  municipalityId,
  nameLatin,
  ...nameKeys(nameLatin),
  birthYear,
  cohort: 'youth' as const,
});

describe('people.match without namesakes: near skeletons', () => {
  it('finds a person whose skeleton is near the query, ranked as the full trigram search ranks them', async () => {
    const { town, coordinator } = await makeTown(db);
    const other = await makeTown(db);
    const youssef = await makePerson(db, town.id, { nameLatin: 'Youssef Benkirane', birthYear: 1990 });
    const arabic = await makePerson(db, town.id, { nameArabic: 'يوسف بنكيران' });
    await makePerson(db, town.id, { nameLatin: 'Khaled Mansour' });
    await makePerson(db, other.town.id, { nameLatin: 'Youssef Benkirane' });
    const { caller } = await callerFor(db, coordinator);

    const name = 'Youssef Benkiran Tazi';
    const { skeleton, latinKey } = nameKeys(name);
    expect(await db.person.count({ where: { municipalityId: town.id, OR: [{ skeleton }, { latinKey }] } })).toBe(0);
    const found = await caller.people.match({ name });
    expect(shown(found)).toEqual(await fullRanking(db, town.id, name));
    expect(found.map((c) => c.person?.id).sort()).toEqual([youssef.id, arabic.id].sort());
    expect(found.every((c) => c.score >= 0.3 && c.score < 1)).toBe(true);

    const withYear = await caller.people.match({ name, birthYear: 1991 });
    expect(shown(withYear)).toEqual(await fullRanking(db, town.id, name, 1991));
    expect(withYear[0]).toMatchObject({ restricted: false, person: { id: youssef.id } });
  });

  it('reads a bounded number of people per near key, birth-year matches first', async () => {
    const { town, coordinator } = await makeTown(db);
    // The birth-year matches (1993, 1994) get the largest ids: a bound taken in id order alone would miss them.
    const ids = Array.from({ length: 15 }, () => randomUUID()).sort();
    const people = await db.person.createManyAndReturn({
      data: Array.from({ length: 15 }, (_, i) => ({ id: ids[i]!, ...personData(town.id, 'Rania Kasmi', 1980 + i) })),
      select: { id: true, birthYear: true },
    });
    const { caller } = await callerFor(db, coordinator);
    const found = await caller.people.match({ name: 'Rania Kasmi Tazi', birthYear: 1994 });
    expect(found).toHaveLength(10);
    const nearYear = people
      .filter((p) => Math.abs(p.birthYear! - 1994) <= 1)
      .map((p) => p.id)
      .sort();
    expect(nearYear).toHaveLength(2);
    expect(
      found
        .slice(0, 2)
        .map((c) => c.person?.id)
        .sort(),
    ).toEqual(nearYear);
    expect(found[0]!.score).toBeCloseTo(found[2]!.score + 0.1, 5);
  });
});

describe('person_name_key, kept by triggers on person', () => {
  it('gains the key of a new person and of a changed name; the old key stays and finds nobody', async () => {
    const { town, coordinator } = await makeTown(db);
    const person = await makePerson(db, town.id, { nameLatin: 'Mourad Zitouni' });
    expect(await keysOf(town.id)).toEqual([nameKeys('Mourad Zitouni').skeleton]);

    await db.person.update({ where: { id: person.id }, data: { nameLatin: 'Hichem Gharbi', ...nameKeys('Hichem Gharbi') } });
    expect(await keysOf(town.id)).toEqual([nameKeys('Hichem Gharbi').skeleton, nameKeys('Mourad Zitouni').skeleton].sort());
    const { caller } = await callerFor(db, coordinator);
    expect((await caller.people.match({ name: 'Hichem Gharbi Tazi' }))[0]).toMatchObject({ restricted: false, person: { id: person.id } });
    expect(await caller.people.match({ name: 'Mourad Zitouni Tazi' })).toEqual([]);
  });

  it('takes the distinct keys of a bulk insert in one statement, never an empty key', async () => {
    const { town, coordinator } = await makeTown(db);
    const names = ['Nadia Ferchichi', 'Nadia Farchichi', 'Sami Gharbi', 'Amel Jaziri', 'Eya'];
    await db.person.createMany({ data: Array.from({ length: 40 }, (_, i) => personData(town.id, names[i % names.length]!)) });
    const expected = [...new Set(names.map((n) => nameKeys(n).skeleton).filter((s) => s !== ''))].sort();
    expect(expected).toHaveLength(3);
    expect(await keysOf(town.id)).toEqual(expected);
    // A statement-level trigger (tgtype bit 0 clear): one insert of the keys per statement, not per row.
    const triggers = await db.$queryRaw<{ tgname: string; row_level: boolean }[]>`
      SELECT tgname::text AS tgname, (tgtype & 1) = 1 AS row_level FROM pg_trigger
      WHERE tgrelid = 'person'::regclass AND tgname LIKE 'person_name_key%' ORDER BY tgname`;
    expect(triggers).toEqual([
      { tgname: 'person_name_key_on_insert', row_level: false },
      { tgname: 'person_name_key_on_update', row_level: false },
    ]);
    const { caller } = await callerFor(db, coordinator);
    expect(await caller.people.match({ name: 'Amel Jaziri Tazi' })).toHaveLength(8);
  });
});
