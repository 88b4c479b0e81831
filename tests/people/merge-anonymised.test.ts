import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { failure, makeCase } from '../helpers/case-factories.js';
import { callerFor } from '../helpers/callers.js';
import { anonymiseCases, anonymisePeople, anonymiseReferrals } from '../../src/modules/retention/anonymise.js';

const { db } = await testDb();

describe('merging a record retention anonymised', () => {
  it('is refused on either side with CASE_ANONYMISED, and nothing moves', async () => {
    const town = await makeTown(db);
    const gone = await makeCase(db, town, { person: { nameLatin: 'Nadia Synthetique' } });
    const at = new Date('2029-03-01T06:00:00Z');
    await db.$transaction(async (tx) => {
      await anonymiseCases(tx, town.town.id, [gone.id], 'case_closed', at);
      await anonymiseReferrals(tx, town.town.id, [gone.referralId], 'case_closed', at);
      await anonymisePeople(tx, town.town.id, [gone.person.id], at);
    });
    const live = await makeCase(db, town, { person: { nameLatin: 'Nadia Synthetique' } });
    const alone = await makePerson(db, town.town.id, { nameLatin: 'Nadia Synthetique' });
    const { caller } = await callerFor(db, town.coordinator);
    // A crafted merge (the anonymised record is offered by no search, but its id may be known).
    for (const input of [
      { survivorId: gone.person.id, mergedId: live.person.id },
      { survivorId: live.person.id, mergedId: gone.person.id },
      { survivorId: alone.id, mergedId: gone.person.id },
    ]) {
      expect(await failure(caller.people.merge(input))).toMatchObject({ code: 'CASE_ANONYMISED' });
    }
    expect(await db.case.findUniqueOrThrow({ where: { id: live.id }, select: { personId: true } })).toEqual({ personId: live.person.id });
    expect(await db.case.findUniqueOrThrow({ where: { id: gone.id }, select: { personId: true } })).toEqual({ personId: gone.person.id });
    expect(await db.person.count({ where: { id: { in: [gone.person.id, live.person.id, alone.id] }, mergedIntoId: { not: null } } })).toBe(
      0,
    );
    expect(await db.personMerge.count({ where: { municipalityId: town.town.id } })).toBe(0);
  });

  it('an undo after retention took the survivor is refused, and nothing comes back', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { person: { nameLatin: 'Salma Synthetique' } });
    const dup = await makePerson(db, town.town.id, { nameLatin: 'Salma Synthetik' });
    const { caller } = await callerFor(db, town.coordinator);
    const merge = await caller.people.merge({ survivorId: c.person.id, mergedId: dup.id });
    const at = new Date('2026-01-20T00:00:00Z');
    await db.$transaction(async (tx) => {
      await anonymiseCases(tx, town.town.id, [c.id], 'case_closed', at);
      await anonymiseReferrals(tx, town.town.id, [c.referralId], 'case_closed', at);
      await anonymisePeople(tx, town.town.id, [c.person.id], at);
    });
    expect(await failure(caller.people.unmerge({ personId: c.person.id, mergeId: merge.id }))).toMatchObject({ code: 'CASE_ANONYMISED' });
    expect(await db.person.findUniqueOrThrow({ where: { id: dup.id }, select: { mergedIntoId: true } })).toEqual({
      mergedIntoId: c.person.id,
    });
    expect(await db.personMerge.findUniqueOrThrow({ where: { id: merge.id }, select: { undoneAt: true } })).toEqual({ undoneAt: null });
  });
});
