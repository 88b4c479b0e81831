import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { TEST_KEY_SPEC, callerFor } from '../helpers/callers.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { rotateAll } from '../../src/crypto/rotate.js';

const { db } = await testDb();

describe('the history of changes is encrypted like the fields it records', () => {
  it('binds each value to its row (a copied value does not open) and rotate-key moves it to the new key', async () => {
    const town = await makeTown(db);
    const person = await makePerson(db, town.town.id, { nameLatin: 'Rotated Synthetic' });
    const { caller } = await callerFor(db, town.coordinator);
    await caller.people.correct({ id: person.id, version: 1, nameLatin: 'Rotated Synthetic Two', contact: '+000 42' });
    const rows = await db.fieldChange.findMany({ where: { entityId: person.id }, select: { id: true, field: true, newValue: true } });
    expect(rows).toHaveLength(2);
    const [a, b] = rows;
    const v1 = parseKeyring(TEST_KEY_SPEC);
    expect(() => v1.decrypt(a!.newValue!, `field_change.new/${b!.id}`)).toThrow();

    const keyring = parseKeyring(`${TEST_KEY_SPEC},${newKeySpec(2)}`);
    const done = await rotateAll(db, keyring);
    expect(done['field_change.new']).toBeGreaterThanOrEqual(2);
    expect(done['field_change.old']).toBeGreaterThanOrEqual(1);
    for (const r of await db.fieldChange.findMany({ where: { entityId: person.id }, select: { id: true, field: true, newValue: true } })) {
      expect(r.newValue).toMatch(/^v2\./);
      const value = JSON.parse(keyring.decrypt(r.newValue!, `field_change.new/${r.id}`));
      expect(value).toBe(r.field === 'contact' ? '+000 42' : 'Rotated Synthetic Two');
    }
    expect((await rotateAll(db, keyring))['field_change.new']).toBe(0);
  });
});
