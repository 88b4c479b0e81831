import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure, makeCase } from '../helpers/case-factories.js';

const { db } = await testDb();

const b64 = (json: unknown) => Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)).toString('base64url');
const DASHES = '-'.repeat(36);

/**
 * Cursors a client could craft: the old `<ISO time>_<id>` form with an impossible date or a dashed id
 * (all passed its pattern: 30 February silently became 2 March, month 13 and the dashes failed in PostgreSQL), and well-formed base64url JSON around a
 * position no row can have: 30 February, year 0 (PostgreSQL has none), 36 dashes, numbers, extra keys.
 */
const CRAFTED = [
  `2026-02-30T09:00:00.000Z_${randomUUID()}`,
  `2026-13-45T25:61:61.000Z_${randomUUID()}`,
  `2026-01-15T09:00:00.000Z_${DASHES}`,
  b64({ at: '2026-02-30T09:00:00.000Z', id: randomUUID() }),
  b64({ at: '2026-01-15T09:00:00.000Z', id: DASHES }),
  b64({ at: '0000-01-01T00:00:00.000Z', id: randomUUID() }),
  // biome-ignore lint/correctness/noPrecisionLoss: a number beyond the double range is the probe
  b64({ at: 1e309, id: randomUUID() }),
  b64({ at: '2026-01-15T09:00:00.000Z', id: randomUUID(), page: 2 }),
  b64('{"at":'),
  'not base64 at all!',
];

describe('crafted cursors', () => {
  it('are refused by cases.list and cases.notes as a field error on the cursor, never a server error', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    for (const cursor of CRAFTED) {
      expect(await failure(caller.cases.list({ cursor })), cursor).toEqual({
        code: 'BAD_INPUT',
        fields: { cursor: 'invalid' },
        info: null,
      });
      expect(await failure(caller.cases.notes({ caseId: c.id, cursor })), cursor).toEqual({
        code: 'BAD_INPUT',
        fields: { cursor: 'invalid' },
        info: null,
      });
    }
    // The cursor a page hands out still leads to the next page.
    await makeCase(db, town);
    const first = await caller.cases.list({ limit: 1 });
    expect((await caller.cases.list({ limit: 1, cursor: first.nextCursor! })).items).toHaveLength(1);
  });

  it('are refused by the referral lists the same way, year 0 included', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.coordinator);
    for (const cursor of CRAFTED.slice(3)) {
      expect(await failure(caller.referrals.queue({ cursor })), cursor).toMatchObject({ code: 'BAD_INPUT', fields: { cursor: 'invalid' } });
      expect(await failure(caller.referrals.mine({ cursor })), cursor).toMatchObject({ code: 'BAD_INPUT', fields: { cursor: 'invalid' } });
    }
  });
});
