import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, TEST_KEY_SPEC } from '../helpers/callers.js';
import { makeCase, OPENED_AT } from '../helpers/case-factories.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { rotateAll } from '../../src/crypto/rotate.js';
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
    const done = await rotateAll(db, keyring);
    expect(done['consent.scope']).toBeGreaterThanOrEqual(1);
    expect(done['consent.giver_name']).toBeGreaterThanOrEqual(1);
    const row = await db.consent.findUniqueOrThrow({ where: { id: made.id }, select: { scope: true, giverName: true } });
    expect(row.scope!.startsWith('v2.') && row.giverName!.startsWith('v2.')).toBe(true);
    expect(keyring.decrypt(row.scope!, scopeAad(made.id))).toBe('Synthetic scope under key one.');
    expect(keyring.decrypt(row.giverName!, giverNameAad(made.id))).toBe('Synthetic Guardian Name');
    expect(() => keyring.decrypt(row.scope!, scopeAad(c.id))).toThrow();
  });
});
