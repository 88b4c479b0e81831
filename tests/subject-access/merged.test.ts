import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure, makeCase } from '../helpers/case-factories.js';
import { makePerson } from '../helpers/people-factories.js';

const { db } = await testDb();

describe('subject access: a record merged into the person', () => {
  it('is in the export (its own details and who read it), and only through the person it was merged into', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { person: { nameLatin: 'Layla Synthetic' } });
    const duplicate = await makePerson(db, town.town.id, { nameLatin: 'Leila Synthetik', birthYear: 2008 });
    await db.person.update({ where: { id: duplicate.id }, data: { contact: '+962 7 0000 1111', locality: 'Synthetic Hills' } });
    const stranger = await makePerson(db, town.town.id, { nameLatin: 'Layla Synthetic' });
    await db.person.update({ where: { id: stranger.id }, data: { contact: '+962 7 9999 2222' } });
    const { caller: coordinator } = await callerFor(db, town.coordinator);
    await coordinator.people.get({ id: duplicate.id });
    await coordinator.people.merge({ survivorId: c.person.id, mergedId: duplicate.id });

    // The hidden record itself is reached only through the survivor.
    const hidden = await failure(coordinator.subjectAccess.prepare({ personId: duplicate.id, language: 'en', requestedBy: 'person' }));
    expect(hidden.code).toBe('NOT_FOUND');

    const { id } = await coordinator.subjectAccess.prepare({ personId: c.person.id, language: 'en', requestedBy: 'person' });
    const doc = (await coordinator.subjectAccess.get({ personId: c.person.id, id })).document;
    expect(doc.merged).toEqual([
      expect.objectContaining({
        id: duplicate.id,
        anonymised: false,
        details: expect.objectContaining({ nameLatin: 'Leila Synthetik', contact: '+962 7 0000 1111', locality: 'Synthetic Hills' }),
      }),
    ]);
    // Who read the merged record is part of the access history.
    expect(doc.access.entries).toContainEqual(expect.objectContaining({ action: 'person.read', record: 'Person' }));
    // Nothing of the look-alike who was never merged.
    expect(JSON.stringify(doc)).not.toContain(stranger.id);
    expect(JSON.stringify(doc)).not.toContain('+962 7 9999 2222');
  });
});
