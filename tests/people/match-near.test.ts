import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeMunicipality, makeTown } from '../helpers/factories.js';
import { fullRanking, makePerson, shown } from '../helpers/people-factories.js';
import { callerFor } from '../helpers/callers.js';
import { nameKeys } from '../../src/modules/people/names.js';
import { matchStatement, type MatchRow } from '../../src/modules/people/match-sql.js';

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

/** The statement's candidates for a name (no birth year), as matchPeople reads them. */
const statementRows = (municipalityId: string, name: string) =>
  db.$queryRaw<MatchRow[]>(matchStatement(municipalityId, nameKeys(name), null));

describe('near keys, searched word by word (person_name_word)', () => {
  it('finds the same nearest keys as a scan of every key, past NEAR_KEYS keys sharing a word', async () => {
    const town = await makeMunicipality(db);
    // 20 keys holding both words of the query (a different middle name each), 45 holding only its first,
    // 45 only its last: each word's keys outnumber the NEAR_KEYS kept, and the best are a few of them.
    const letters = ['b', 'd', 'f', 'l', 'm', 'n', 'r', 's', 't', 'z'];
    const middles = letters.flatMap((a) => letters.filter((b) => b !== a).map((b) => `${a.toUpperCase()}a${b}i`)).slice(0, 45);
    const names = [
      ...middles.slice(0, 20).map((m) => `Rania ${m} Kasmi`),
      ...middles.map((m) => `Rania ${m} Haddad`),
      ...middles.map((m) => `Sami ${m} Kasmi`),
    ];
    await db.person.createMany({ data: names.map((n) => personData(town.id, n)) });
    const query = 'Rania Kasmi';
    const { skeleton } = nameKeys(query);
    expect(await db.person.count({ where: { municipalityId: town.id, OR: [{ skeleton }, { latinKey: nameKeys(query).latinKey }] } })).toBe(
      0,
    );

    const rows = await statementRows(town.id, query);
    const found = await db.person.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { skeleton: true } });
    // Ties at the cut may be broken differently: the similarities of the keys kept are what must agree.
    const similarities = (keys: string[]) =>
      db.$queryRaw<{ s: number }[]>`SELECT similarity(k, ${skeleton}) AS s FROM unnest(${keys}::text[]) AS k ORDER BY 1 DESC`;
    const nearest = await db.$queryRaw<{ skeleton: string }[]>`
      SELECT skeleton FROM person_name_key WHERE municipality_id = ${town.id}::uuid AND similarity(skeleton, ${skeleton}) >= 0.3
      ORDER BY similarity(skeleton, ${skeleton}) DESC, skeleton LIMIT 30`;
    expect(nearest).toHaveLength(30);
    expect(found).toHaveLength(30);
    expect(await similarities(found.map((p) => p.skeleton))).toEqual(await similarities(nearest.map((k) => k.skeleton)));
  });

  it('falls back on every key when the words find too few: a name one letter apart in each word is still found', async () => {
    const town = await makeMunicipality(db);
    const mourad = await makePerson(db, town.id, { nameLatin: 'Mourad Zitouni' });
    await makePerson(db, town.id, { nameLatin: 'Khaled Mansour' });
    const query = 'Mourat Zitoumi';
    const words = (name: string) => nameKeys(name).skeleton.split(' ');
    expect(words(query).filter((w) => words('Mourad Zitouni').includes(w))).toEqual([]);
    expect((await statementRows(town.id, query)).map((r) => r.id)).toEqual([mourad.id]);
  });

  it('lists each new key under its words, by a statement-level trigger, and drops them with the key', async () => {
    const town = await makeMunicipality(db);
    await db.person.createMany({ data: ['Nadia Ben Salah', 'Nadia Ben Salah', 'Sami Gharbi'].map((n) => personData(town.id, n)) });
    const wordsOf = async () =>
      (
        await db.$queryRaw<{ skeleton: string; word: string }[]>`
          SELECT skeleton, word FROM person_name_word WHERE municipality_id = ${town.id}::uuid ORDER BY skeleton, word`
      ).map((r) => `${r.skeleton}: ${r.word}`);
    const nadia = nameKeys('Nadia Ben Salah').skeleton;
    const sami = nameKeys('Sami Gharbi').skeleton;
    expect(await wordsOf()).toEqual(
      [...nadia.split(' ').map((w) => `${nadia}: ${w}`), ...sami.split(' ').map((w) => `${sami}: ${w}`)].sort(),
    );
    const triggers = await db.$queryRaw<{ tgname: string; row_level: boolean }[]>`
      SELECT tgname::text AS tgname, (tgtype & 1) = 1 AS row_level FROM pg_trigger
      WHERE tgrelid = 'person_name_key'::regclass AND NOT tgisinternal ORDER BY tgname`;
    expect(triggers).toEqual([{ tgname: 'person_name_word_on_insert', row_level: false }]);

    // Retention's anonymisation removes a key nobody holds any more: its words go with it.
    await db.$executeRaw`DELETE FROM person_name_key WHERE municipality_id = ${town.id}::uuid AND skeleton = ${sami}`;
    expect(await wordsOf()).toEqual(
      nadia
        .split(' ')
        .map((w) => `${nadia}: ${w}`)
        .sort(),
    );
  });
});
