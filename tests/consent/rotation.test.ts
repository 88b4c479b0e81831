import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, TEST_KEY_SPEC } from '../helpers/callers.js';
import { makeCase, OPENED_AT } from '../helpers/case-factories.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { rotateAll } from '../../src/crypto/rotate.js';
import { dataKeysOf, openStored } from '../helpers/crypto.js';
import { giverNameAad, scopeAad } from '../../src/modules/consent/fields.js';

const { db } = await testDb();

describe('rotate-key and consents', () => {
  it("re-encrypts a consent's guardian name and scope under the new key, still bound to their row", async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    const made = await caller.consent.record({
      caseId: c.id,
      givenBy: 'guardian',
      giverName: 'Synthetic Guardian Name',
      relationship: 'father',
      purposes: ['health'],
      anyPartner: true,
      method: 'verbal',
      givenAt: OPENED_AT,
      scope: 'Synthetic scope under key one.',
    });
    const keyring = parseKeyring(`${TEST_KEY_SPEC},${newKeySpec(2)}`);
    const { rewrapped } = await rotateAll(db, keyring);
    expect(rewrapped).toBeGreaterThanOrEqual(2);
    // The scope under the case's key, the guardian's name under the person's; both keys re-wrapped, the texts untouched.
    const row = await db.consent.findUniqueOrThrow({ where: { id: made.id }, select: { scope: true, giverName: true } });
    expect(row.scope!.startsWith('k1.') && row.giverName!.startsWith('k1.')).toBe(true);
    const keys = await dataKeysOf(db, [c.id, c.person.id]);
    expect(keys.map((k) => k.owner_kind).sort()).toEqual(['case', 'person']);
    expect(keys.every((k) => k.wrapped!.startsWith('v2.'))).toBe(true);
    expect(await openStored(db, scopeAad(made.id), row.scope!, { keyring })).toBe('Synthetic scope under key one.');
    expect(await openStored(db, giverNameAad(made.id), row.giverName!, { keyring })).toBe('Synthetic Guardian Name');
    await expect(openStored(db, scopeAad(c.id), row.scope!, { keyring })).rejects.toThrow();
    await expect(openStored(db, giverNameAad(made.id), row.scope!, { keyring })).rejects.toThrow();
  });
});
