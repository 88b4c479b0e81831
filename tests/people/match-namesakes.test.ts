import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { fullRanking, makePerson, shown } from '../helpers/people-factories.js';
import { callerFor } from '../helpers/callers.js';
import { nameKeys } from '../../src/modules/people/names.js';

const { db } = await testDb();

// Synthetic names: one given name and family name written the ways registers write them.
const NAMESAKES: { nameArabic?: string; nameLatin?: string }[] = [
  { nameArabic: 'رانيا الكعبي' },
  { nameLatin: 'Rania Kaabi' },
  { nameLatin: 'Ranya El Kaabi' },
  { nameArabic: 'رانيا الكعبي', nameLatin: 'Rania Al-Kaabi' },
];
const NEAR = ['Rania Kasmi', 'Rania Kaabi Haddad', 'Dania Kaabi', 'Samir Kaabi'];

describe('people.match with many namesakes', () => {
  it('gives the ten the full ranking gives, ordered by the evidence (spelling, then birth year), not tied at 1', async () => {
    const { town, coordinator } = await makeTown(db);
    const other = await makeTown(db);
    for (let i = 0; i < 14; i++) await makePerson(db, town.id, { ...NAMESAKES[i % NAMESAKES.length], birthYear: 1990 + i });
    for (let i = 0; i < 12; i++) await makePerson(db, other.town.id, NAMESAKES[i % NAMESAKES.length]);
    for (const nameLatin of NEAR) await makePerson(db, town.id, { nameLatin, birthYear: 1995 });
    const { caller } = await callerFor(db, coordinator);

    for (const name of ['Rania Al Kaabi', 'رانيا الكعبي', 'Ranya Kaabi']) {
      const found = await caller.people.match({ name });
      expect(found).toHaveLength(10);
      expect(shown(found)).toEqual(await fullRanking(db, town.id, name));
      // Every namesake is a spelling of the name; the closest spellings first, never tied by id.
      expect(found.every((c) => c.score >= 0.8 && c.score <= 1)).toBe(true);
      expect(found.map((c) => c.score)).toEqual([...found.map((c) => c.score)].sort((a, b) => b - a));
      expect(found[0]).toMatchObject(
        name === 'Ranya Kaabi' ? { score: 0.99, reason: 'transliteration' } : { score: 1, reason: 'same_spelling' },
      );
    }
    const withYear = await caller.people.match({ name: 'Rania Kaabi', birthYear: 1995 });
    expect(shown(withYear)).toEqual(await fullRanking(db, town.id, 'Rania Kaabi', 1995));
    // The same spelling born 1994–1996 (±1) first; within each writing of the name, whoever has the
    // birth year comes before those who do not (the year breaks ties, it does not outweigh the name).
    expect(withYear[0]).toMatchObject({ score: expect.closeTo(1.1, 5), reason: 'same_spelling' });
    const people = await db.person.findMany({ where: { id: { in: withYear.map((c) => c.person!.id) } } });
    const writing = (id: string) => {
      const p = people.find((x) => x.id === id)!;
      return `${p.nameArabic}|${p.nameLatin}`;
    };
    const near = (id: string) => Math.abs(people.find((x) => x.id === id)!.birthYear! - 1995) <= 1;
    const order = withYear.map((c) => c.person!.id);
    for (const [i, id] of order.entries()) {
      const before = order.slice(0, i).filter((other) => writing(other) === writing(id));
      if (near(id)) expect(before.every(near)).toBe(true);
    }
    expect(order.filter(near).length).toBeGreaterThanOrEqual(3);
  });

  it('counts only the namesakes of the municipality: with fewer than ten, near names fill the list', async () => {
    const { town, coordinator } = await makeTown(db);
    const other = await makeTown(db);
    for (let i = 0; i < 12; i++) await makePerson(db, other.town.id, NAMESAKES[i % NAMESAKES.length]);
    const own: string[] = [];
    for (const n of NAMESAKES.slice(0, 3)) own.push((await makePerson(db, town.id, n)).id);
    const near: string[] = [];
    for (const nameLatin of NEAR) near.push((await makePerson(db, town.id, { nameLatin })).id);
    const { caller } = await callerFor(db, coordinator);

    const found = shown(await caller.people.match({ name: 'Rania Kaabi' }));
    expect(found).toEqual(await fullRanking(db, town.id, 'Rania Kaabi'));
    expect(
      found
        .slice(0, 3)
        .map((c) => c.id)
        .sort(),
    ).toEqual([...own].sort());
    expect(found.slice(3).every((c) => near.includes(c.id!) && c.score < 1)).toBe(true);
    expect(found.length).toBeGreaterThan(3);
  });

  it('tells a social worker only that matches exist, and audits the count', async () => {
    const { town, socialWorker } = await makeTown(db);
    for (let i = 0; i < 11; i++) await makePerson(db, town.id, NAMESAKES[i % NAMESAKES.length]);
    const { caller } = await callerFor(db, socialWorker);
    const found = await caller.people.match({ name: 'Rania Kaabi' });
    expect(found).toEqual(Array.from({ length: 10 }, () => ({ restricted: true, score: expect.any(Number) })));
    expect(found.map((c) => c.score)).toEqual([...found.map((c) => c.score)].sort((a, b) => b - a));
    const event = await db.auditEvent.findFirstOrThrow({
      where: { municipalityId: town.id, action: 'person.match', actorId: socialWorker.id },
    });
    expect(event.detail).toEqual({ candidates: 10, shown: 0, touched: { Person: [], Case: [] } });
  });

  it('does not take a name without consonants for everyone whose key is empty', async () => {
    const { town, coordinator } = await makeTown(db);
    for (let i = 0; i < 11; i++) await makePerson(db, town.id, { nameLatin: 'Aya' });
    expect(nameKeys('Eya').skeleton).toBe('');
    const { caller } = await callerFor(db, coordinator);
    expect(await caller.people.match({ name: 'Eya' })).toEqual(await fullRanking(db, town.id, 'Eya'));
    expect(await caller.people.match({ name: 'Eya' })).toEqual([]);
  });
});
