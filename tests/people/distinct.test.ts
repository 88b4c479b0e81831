import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { failure, makeCase } from '../helpers/case-factories.js';
import { callerFor } from '../helpers/callers.js';

const { db } = await testDb();
const NAME = 'Yasmine Synthetique';

/** Three records of one name in a fresh town, and the town's coordinator. */
async function setting() {
  const town = await makeTown(db);
  const [a, b, c] = await Promise.all([1, 2, 3].map(() => makePerson(db, town.town.id, { nameLatin: NAME })));
  const { caller } = await callerFor(db, town.coordinator);
  return { town, a: a!, b: b!, c: c!, caller };
}

const shownIds = (candidates: { restricted: boolean; person?: { id: string } }[]) =>
  candidates.flatMap((c) => (c.restricted || !c.person ? [] : [c.person.id]));

describe('not the same person', () => {
  it('leaves the pair out of people.match for that person (and the person themself), and is offered again once taken back', async () => {
    const { a, b, c, caller, town } = await setting();
    expect(shownIds(await caller.people.match({ name: NAME, forPersonId: a.id })).sort()).toEqual([b.id, c.id].sort());

    await caller.people.markDistinct({ personId: b.id, otherId: a.id });
    expect(shownIds(await caller.people.match({ name: NAME, forPersonId: a.id }))).toEqual([c.id]);
    expect(shownIds(await caller.people.match({ name: NAME, forPersonId: b.id }))).toEqual([c.id]);
    // Without a person to match for, everyone is still offered (a new referral's name search).
    expect(shownIds(await caller.people.match({ name: NAME })).sort()).toEqual([a.id, b.id, c.id].sort());
    expect((await caller.people.merges({ id: a.id })).distinct.map((d) => d.other.id)).toEqual([b.id]);
    // Marking again changes nothing.
    await caller.people.markDistinct({ personId: a.id, otherId: b.id });
    expect(await db.personDistinct.count({ where: { municipalityId: town.town.id } })).toBe(1);

    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: town.coordinator.id, action: 'person.distinct.mark' } });
    expect(event).toMatchObject({ outcome: 'allowed', entityType: 'Person', entityId: b.id });
    expect(event.detail).toMatchObject({ otherId: a.id, touched: { Person: [b.id, a.id] } });

    expect(await caller.people.unmarkDistinct({ personId: a.id, otherId: b.id })).toMatchObject({ removed: true });
    expect(shownIds(await caller.people.match({ name: NAME, forPersonId: a.id })).sort()).toEqual([b.id, c.id].sort());
    expect(
      await db.auditEvent.count({ where: { actorId: town.coordinator.id, action: 'person.distinct.unmark', outcome: 'allowed' } }),
    ).toBe(1);
  });

  it('is refused to other roles, in another municipality, for crafted ids and for a record with itself; nothing is marked', async () => {
    const { a, b, town } = await setting();
    for (const user of [town.socialWorker, town.practitioner, town.auditor, town.admin]) {
      const { caller } = await callerFor(db, user);
      expect((await failure(caller.people.markDistinct({ personId: a.id, otherId: b.id }))).code).toBe('FORBIDDEN');
      expect((await failure(caller.people.unmarkDistinct({ personId: a.id, otherId: b.id }))).code).toBe('FORBIDDEN');
    }
    const other = await makeTown(db);
    const local = await makePerson(db, other.town.id, { nameLatin: NAME });
    const { caller: stranger } = await callerFor(db, other.coordinator);
    expect((await failure(stranger.people.markDistinct({ personId: a.id, otherId: b.id }))).code).toBe('NOT_FOUND');
    expect((await failure(stranger.people.markDistinct({ personId: local.id, otherId: a.id }))).code).toBe('NOT_FOUND');
    const { caller } = await callerFor(db, town.coordinator);
    expect((await failure(caller.people.markDistinct({ personId: a.id, otherId: randomUUID() }))).code).toBe('NOT_FOUND');
    expect(await failure(caller.people.markDistinct({ personId: a.id, otherId: a.id }))).toMatchObject({
      code: 'BAD_INPUT',
      fields: { otherId: 'same_person' },
    });
    expect(
      await db.personDistinct.count({
        where: { OR: [{ personId: { in: [a.id, b.id, local.id] } }, { otherId: { in: [a.id, b.id, local.id] } }] },
      }),
    ).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: town.socialWorker.id, action: 'person.distinct.mark', outcome: 'denied' } })).toBe(
      1,
    );
  });

  it('people.match for a person the user may not read is NOT_FOUND (it would tell which records are marked apart)', async () => {
    const { a, town } = await setting();
    const { caller: worker } = await callerFor(db, town.socialWorker);
    expect((await failure(worker.people.match({ name: NAME, forPersonId: a.id }))).code).toBe('NOT_FOUND');
    // Their own case's person is fine.
    const mine = await makeCase(db, town, { person: { nameLatin: NAME } });
    expect(Array.isArray(await worker.people.match({ name: NAME, forPersonId: mine.person.id }))).toBe(true);
  });
});
