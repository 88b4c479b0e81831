import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeCase } from '../helpers/case-factories.js';

const { db, url } = await testDb();

/**
 * A case carries its person's birth year for the statistics' age bands (migration 20261208020000): the
 * database keeps the copy, so it is never other than the person's, whoever writes what and in which order.
 */
const copyOf = async (caseId: string) =>
  (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { personBirthYear: true } })).personBirthYear;

describe("a case's copy of its person's birth year", () => {
  it('is set when the case opens, follows a correction, follows a move to another person, and cannot be written', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    await db.person.update({ where: { id: c.person.id }, data: { birthYear: 2009 } });
    expect(await copyOf(c.id)).toBe(2009);
    const second = await makeCase(db, town);
    await db.person.update({ where: { id: second.person.id }, data: { birthYear: 1999 } });
    expect(await copyOf(second.id)).toBe(1999);

    // A correction reaches every case of the person, and only theirs.
    await db.person.update({ where: { id: c.person.id }, data: { birthYear: 2008 } });
    expect(await copyOf(c.id)).toBe(2008);
    expect(await copyOf(second.id)).toBe(1999);
    await db.person.update({ where: { id: c.person.id }, data: { birthYear: null } });
    expect(await copyOf(c.id)).toBeNull();

    // A case moved to another person (a merge) takes that person's.
    const other = await makePerson(db, town.town.id, { birthYear: 1990 });
    await db.case.update({ where: { id: c.id }, data: { personId: other.id } });
    expect(await copyOf(c.id)).toBe(1990);

    // Written directly, it is replaced by the person's.
    await db.case.update({ where: { id: c.id }, data: { personBirthYear: 1950 } });
    expect(await copyOf(c.id)).toBe(1990);
  });

  it('a correction in flight while a case is moved to the person: the case ends with the corrected year', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const target = await makePerson(db, town.town.id, { birthYear: 2001 });
    const correcting = new pg.Client({ connectionString: url });
    await correcting.connect();
    try {
      await correcting.query('BEGIN');
      await correcting.query('UPDATE person SET birth_year = 2003 WHERE id = $1', [target.id]);
      // The move reads the person FOR SHARE: it waits for the correction's commit (seen in pg_locks), then reads 2003.
      // (A Prisma query starts only when awaited or then'd.)
      const moving = db.case.update({ where: { id: c.id }, data: { personId: target.id } }).then((r) => r);
      let waiting = false;
      for (let i = 0; i < 500 && !waiting; i++) {
        const { rows } = await correcting.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())`,
        );
        waiting = rows[0]!.n > 0;
      }
      expect(waiting, 'the move waits for the correction').toBe(true);
      await correcting.query('COMMIT');
      await moving;
      expect(await copyOf(c.id)).toBe(2003);
    } finally {
      await correcting.query('ROLLBACK').catch(() => undefined);
      await correcting.end();
    }
  });
});
