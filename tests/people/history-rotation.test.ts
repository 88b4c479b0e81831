import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { TEST_KEY_SPEC, callerFor } from '../helpers/callers.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { rotateAll } from '../../src/crypto/rotate.js';
import { dataKeysOf, openStored } from '../helpers/crypto.js';

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
    // Under the person's own key: rotate-key re-wraps that key and leaves the values as they are.
    const { rewrapped } = await rotateAll(db, keyring);
    expect(rewrapped).toBeGreaterThanOrEqual(1);
    expect((await dataKeysOf(db, [person.id]))[0]!.wrapped).toMatch(/^v2\./);
    for (const r of await db.fieldChange.findMany({ where: { entityId: person.id }, select: { id: true, field: true, newValue: true } })) {
      expect(r.newValue).toMatch(/^k1\./);
      const value = JSON.parse(await openStored(db, `field_change.new/${r.id}`, r.newValue!, { keyring }));
      expect(value).toBe(r.field === 'contact' ? '+000 42' : 'Rotated Synthetic Two');
    }
    await expect(openStored(db, `field_change.new/${b!.id}`, a!.newValue!, { keyring })).rejects.toThrow();
    expect(await rotateAll(db, keyring)).toMatchObject({ rewrapped: 0, fields: { 'field_change.new': 0 } });
  });
});
