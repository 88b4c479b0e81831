import { describe, expect, it, vi } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import { testConfig } from '../helpers/callers.js';
import { createSession, resolveSession } from '../../src/auth/session.js';
import { poolOf } from '../../src/db.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();
const policy = testConfig().session;

describe("the session carries its municipality's kind", () => {
  it('in the one query of the session check (no extra round trip): a hub user is of a hub, a city user of a city', async () => {
    const town = await makeTown(db);
    const H = await makeHub(db, [{ id: town.town.id }]);
    const clock = manualClock();
    const pool = poolOf(db)!;
    expect(pool).toBeDefined();
    for (const [user, kind] of [
      [H.admin, 'hub'],
      [H.auditor, 'hub'],
      [town.admin, 'city'],
    ] as const) {
      const { token } = await createSession(db, clock(), policy, user, { ip: null, userAgent: null });
      // Every statement, Prisma's too, takes a client from the pool (pool.query takes one for its statement).
      const connects = vi.spyOn(pool, 'connect');
      const resolved = await resolveSession(db, clock, policy, token);
      expect(connects.mock.calls.length, kind).toBe(1);
      connects.mockRestore();
      expect(resolved).toMatchObject({ status: 'ok', user: { id: user.id, municipality: { kind } } });
    }
  });
});
