import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeCase, failure, type Town } from '../helpers/case-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { MOVED_KEYS, NOT_MOVED } from '../../src/modules/people/merge-moves.js';

const { db } = await testDb();
const DAY = 86_400_000;

/** Where everything of a record points: its referrals, cases, household links, and its merge pointer. */
async function holdings(personId: string) {
  const [referrals, cases, links, person] = await Promise.all([
    db.referral.findMany({ where: { personId }, select: { id: true }, orderBy: { id: 'asc' } }),
    db.case.findMany({ where: { personId }, select: { id: true }, orderBy: { id: 'asc' } }),
    db.householdMember.findMany({
      where: { personId },
      select: { householdId: true, relationship: true },
      orderBy: { householdId: 'asc' },
    }),
    db.person.findUniqueOrThrow({ where: { id: personId }, select: { mergedIntoId: true } }),
  ]);
  return { referrals: referrals.map((r) => r.id), cases: cases.map((c) => c.id), links, mergedIntoId: person.mergedIntoId };
}

/**
 * Two records of one person: `dup` has a case (with its referral), another referral and two household
 * links (one to a household `keep` is in too); `keep` has a referral of its own.
 */
async function pair(town: Town) {
  const c = await makeCase(db, town, { person: { nameLatin: 'Karim Synthetique' } });
  const dup = c.person;
  const keep = await makePerson(db, town.town.id, { nameLatin: 'Karim Synthetique' });
  await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, person: dup });
  await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, person: keep });
  const sibling = await makePerson(db, town.town.id, { nameLatin: 'Lina Synthetique' });
  const own = await db.household.create({ data: { municipalityId: town.town.id }, select: { id: true } });
  const shared = await db.household.create({ data: { municipalityId: town.town.id }, select: { id: true } });
  await db.householdMember.createMany({
    data: [
      { householdId: own.id, municipalityId: town.town.id, personId: dup.id, relationship: 'child' },
      { householdId: own.id, municipalityId: town.town.id, personId: sibling.id, relationship: 'sibling' },
      { householdId: shared.id, municipalityId: town.town.id, personId: dup.id, relationship: 'other' },
      { householdId: shared.id, municipalityId: town.town.id, personId: keep.id, relationship: 'child' },
    ],
  });
  return { dup, keep, caseId: c.id };
}

async function coordinatorOf(town: Town) {
  return callerFor(db, town.coordinator);
}

describe('people.merge', () => {
  it('moves every referral, case and household link to the survivor, hides the merged record, and is audited naming both', async () => {
    const town = await makeTown(db);
    const { dup, keep, caseId } = await pair(town);
    const before = { dup: await holdings(dup.id), keep: await holdings(keep.id) };
    const { caller } = await coordinatorOf(town);

    const merge = await caller.people.merge({ survivorId: keep.id, mergedId: dup.id });
    expect(merge).toMatchObject({ survivorId: keep.id, mergedId: dup.id, referrals: 2, cases: 1, households: 2 });

    const after = { dup: await holdings(dup.id), keep: await holdings(keep.id) };
    expect(after.dup).toEqual({ referrals: [], cases: [], links: [], mergedIntoId: keep.id });
    expect(after.keep.referrals).toEqual([...before.keep.referrals, ...before.dup.referrals].sort());
    expect(after.keep.cases).toEqual([caseId]);
    // The household only `dup` was in now has `keep`; the one both were in keeps `keep`'s own link.
    expect(after.keep.links).toHaveLength(2);

    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: town.coordinator.id, action: 'person.merge' } });
    expect(event).toMatchObject({ outcome: 'allowed', entityType: 'Person', entityId: keep.id });
    expect(event.detail).toMatchObject({
      mergeId: merge.id,
      survivorId: keep.id,
      mergedId: dup.id,
      touched: { Person: [keep.id, dup.id] },
    });

    // Reads of the merged id say where it went; the matcher offers only the survivor.
    expect(await failure(caller.people.get({ id: dup.id }))).toMatchObject({ code: 'PERSON_MERGED', info: { survivorId: keep.id } });
    const offered = await caller.people.match({ name: 'Karim Synthetique' });
    const ids = offered.flatMap((c) => (c.restricted ? [] : [c.person.id]));
    expect(ids).toContain(keep.id);
    expect(ids).not.toContain(dup.id);
    expect(offered.filter((c) => c.restricted)).toEqual([]);
    // The key worker of the moved case now reaches the survivor; the merged id tells them nothing more.
    const { caller: worker } = await callerFor(db, town.socialWorker);
    expect((await worker.people.get({ id: keep.id })).id).toBe(keep.id);
    expect(await failure(worker.people.get({ id: dup.id }))).toMatchObject({ code: 'PERSON_MERGED', info: { survivorId: keep.id } });
  });

  it.each(['socialWorker', 'practitioner', 'auditor', 'admin'] as const)(
    'is refused to the %s, changes nothing, and the refusal is audited',
    async (role) => {
      const town = await makeTown(db);
      const { dup, keep } = await pair(town);
      const before = await holdings(dup.id);
      const { caller } = await callerFor(db, town[role]);
      expect((await failure(caller.people.merge({ survivorId: keep.id, mergedId: dup.id }))).code).toBe('FORBIDDEN');
      expect(await holdings(dup.id)).toEqual(before);
      expect(
        await db.auditEvent.count({ where: { actorId: town[role].id, action: 'person.merge', outcome: 'denied', entityId: keep.id } }),
      ).toBe(1);
    },
  );

  it("is NOT_FOUND for another municipality's records and for crafted ids, and changes nothing", async () => {
    const town = await makeTown(db);
    const other = await makeTown(db);
    const { dup, keep } = await pair(town);
    const before = await holdings(dup.id);
    const { caller: stranger } = await coordinatorOf(other);
    const local = await makePerson(db, other.town.id, { nameLatin: 'Karim Synthetique' });
    expect((await failure(stranger.people.merge({ survivorId: keep.id, mergedId: dup.id }))).code).toBe('NOT_FOUND');
    expect((await failure(stranger.people.merge({ survivorId: local.id, mergedId: dup.id }))).code).toBe('NOT_FOUND');
    expect((await failure(stranger.people.merge({ survivorId: dup.id, mergedId: local.id }))).code).toBe('NOT_FOUND');
    const { caller } = await coordinatorOf(town);
    expect((await failure(caller.people.merge({ survivorId: keep.id, mergedId: randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await failure(caller.people.merge({ survivorId: keep.id, mergedId: 'not-an-id' }))).code).toBe('BAD_INPUT');
    expect(await holdings(dup.id)).toEqual(before);
    expect(await holdings(local.id)).toMatchObject({ referrals: [], mergedIntoId: null });
  });

  it('refuses a record into itself, a merged record (either side), and a pair marked "not the same person"', async () => {
    const town = await makeTown(db);
    const { dup, keep } = await pair(town);
    const third = await makePerson(db, town.town.id, { nameLatin: 'Karim Synthetique' });
    const { caller } = await coordinatorOf(town);
    expect(await failure(caller.people.merge({ survivorId: keep.id, mergedId: keep.id }))).toMatchObject({
      code: 'BAD_INPUT',
      fields: { mergedId: 'same_person' },
    });
    await caller.people.markDistinct({ personId: keep.id, otherId: third.id });
    expect((await failure(caller.people.merge({ survivorId: third.id, mergedId: keep.id }))).code).toBe('PEOPLE_MARKED_DISTINCT');
    await caller.people.merge({ survivorId: keep.id, mergedId: dup.id });
    const merged = { code: 'PERSON_MERGED', info: { survivorId: keep.id } };
    expect(await failure(caller.people.merge({ survivorId: third.id, mergedId: dup.id }))).toMatchObject(merged);
    expect(await failure(caller.people.merge({ survivorId: dup.id, mergedId: third.id }))).toMatchObject(merged);
    expect(await failure(caller.people.merge({ survivorId: keep.id, mergedId: dup.id }))).toMatchObject(merged);
    expect(await db.personMerge.count({ where: { mergedId: dup.id } })).toBe(1);
    expect(await holdings(third.id)).toMatchObject({ mergedIntoId: null });
  });

  it('changes nothing when it fails half-way (the merge record cannot be written after everything moved)', async () => {
    const town = await makeTown(db);
    const { dup, keep } = await pair(town);
    const before = { dup: await holdings(dup.id), keep: await holdings(keep.id) };
    // A stray live merge row of `dup` (to a third record): the insert of the new one breaks the
    // unique index person_merge_live_merged_id, after the referrals, cases and links were moved.
    const third = await makePerson(db, town.town.id);
    await db.personMerge.create({
      data: {
        municipalityId: town.town.id,
        survivorId: third.id,
        mergedId: dup.id,
        moved: {},
        mergedById: town.coordinator.id,
        mergedAt: new Date(),
      },
    });
    const { caller } = await coordinatorOf(town);
    await expect(caller.people.merge({ survivorId: keep.id, mergedId: dup.id })).rejects.toThrow();
    expect({ dup: await holdings(dup.id), keep: await holdings(keep.id) }).toEqual(before);
    expect(await db.auditEvent.count({ where: { actorId: town.coordinator.id, action: 'person.merge', outcome: 'allowed' } })).toBe(0);
  });
});

describe('people.unmerge', () => {
  it('within 30 days moves back exactly what moved, and is audited naming both; a second undo is refused', async () => {
    const town = await makeTown(db);
    const { dup, keep } = await pair(town);
    const before = { dup: await holdings(dup.id), keep: await holdings(keep.id) };
    const { caller, clock } = await coordinatorOf(town);
    const merge = await caller.people.merge({ survivorId: keep.id, mergedId: dup.id });
    // A referral the survivor gets after the merge stays with it.
    const later = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, person: keep });
    await db.personMerge.update({ where: { id: merge.id }, data: { mergedAt: new Date(clock().getTime() - 29 * DAY) } });
    expect((await caller.people.merges({ id: keep.id })).merges[0]).toMatchObject({ id: merge.id, undoable: true, merged: { id: dup.id } });

    const undone = await caller.people.unmerge({ personId: keep.id, mergeId: merge.id });
    expect(undone).toMatchObject({ referrals: 2, cases: 1, households: 2 });
    expect(await holdings(dup.id)).toEqual(before.dup);
    expect(await holdings(keep.id)).toEqual({ ...before.keep, referrals: [...before.keep.referrals, later.id].sort() });
    expect((await caller.people.get({ id: dup.id })).id).toBe(dup.id);

    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: town.coordinator.id, action: 'person.unmerge' } });
    expect(event).toMatchObject({ outcome: 'allowed', entityId: keep.id });
    expect(event.detail).toMatchObject({ mergeId: merge.id, mergedId: dup.id, touched: { Person: [keep.id, dup.id] } });
    expect((await failure(caller.people.unmerge({ personId: keep.id, mergeId: merge.id }))).code).toBe('CONFLICT');
    expect((await caller.people.merges({ id: keep.id })).merges[0]).toMatchObject({ undoable: false });
  });

  it('after 30 days is refused with a translated error and changes nothing', async () => {
    const town = await makeTown(db);
    const { dup, keep } = await pair(town);
    const { caller } = await coordinatorOf(town);
    const merge = await caller.people.merge({ survivorId: keep.id, mergedId: dup.id });
    const mergedAt = (await db.personMerge.findUniqueOrThrow({ where: { id: merge.id } })).mergedAt;
    await db.personMerge.update({ where: { id: merge.id }, data: { mergedAt: new Date(mergedAt.getTime() - 30 * DAY - 60_000) } });
    const after = { dup: await holdings(dup.id), keep: await holdings(keep.id) };
    expect(await failure(caller.people.unmerge({ personId: keep.id, mergeId: merge.id }))).toMatchObject({
      code: 'MERGE_UNDO_EXPIRED',
      info: { days: 30 },
    });
    expect({ dup: await holdings(dup.id), keep: await holdings(keep.id) }).toEqual(after);
    expect(await db.personMerge.findUniqueOrThrow({ where: { id: merge.id }, select: { undoneAt: true } })).toEqual({ undoneAt: null });
    expect((await caller.people.merges({ id: keep.id })).merges[0]).toMatchObject({ undoable: false });
  });

  it('is refused to other roles and other municipalities, for a crafted merge id, and while the survivor is merged itself', async () => {
    const town = await makeTown(db);
    const other = await makeTown(db);
    const { dup, keep } = await pair(town);
    const { caller } = await coordinatorOf(town);
    const merge = await caller.people.merge({ survivorId: keep.id, mergedId: dup.id });
    const input = { personId: keep.id, mergeId: merge.id };
    for (const user of [town.socialWorker, town.practitioner, town.auditor, town.admin]) {
      expect((await failure((await callerFor(db, user)).caller.people.unmerge(input))).code).toBe('FORBIDDEN');
    }
    expect((await failure((await coordinatorOf(other)).caller.people.unmerge(input))).code).toBe('NOT_FOUND');
    expect((await failure(caller.people.unmerge({ personId: keep.id, mergeId: randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await failure(caller.people.unmerge({ personId: dup.id, mergeId: merge.id }))).code).toBe('NOT_FOUND');
    const last = await makePerson(db, town.town.id);
    await caller.people.merge({ survivorId: last.id, mergedId: keep.id });
    expect((await failure(caller.people.unmerge(input))).code).toBe('MERGE_UNDO_BLOCKED');
    expect(await holdings(dup.id)).toMatchObject({ mergedIntoId: keep.id, referrals: [] });
    // The merged id now leads to the last survivor.
    expect(await failure(caller.people.get({ id: dup.id }))).toMatchObject({ code: 'PERSON_MERGED', info: { survivorId: last.id } });
  });
});

describe('every foreign key to a person', () => {
  it('is moved by a merge or named as staying (a new table pointing at people must say which)', async () => {
    const rows = await db.$queryRaw<{ key: string }[]>`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS key
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'person'::regclass`;
    expect(rows.map((r) => r.key.replace(/"/g, '')).sort()).toEqual([...MOVED_KEYS, ...NOT_MOVED].sort());
  });
});
