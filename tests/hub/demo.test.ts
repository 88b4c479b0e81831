import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/seed/demo.js';
import { verifyAll } from '../../src/audit/verify.js';

// A database of its own: the demo seeds only an empty one.
const { db } = await testDb();

describe('the demo regional hub', () => {
  it('holds the demo municipality and a second city, both sharing; its analyst reads their figures and its chain verifies', async () => {
    expect(await seedDemo(db, 'demo password 2026', testKeyring)).toBe(true);
    const hub = await db.municipality.findFirstOrThrow({
      where: { kind: 'hub' },
      select: { id: true, hubMembers: { select: { municipalityId: true, shareFigures: true } } },
    });
    const town = await db.municipality.findFirstOrThrow({ where: { code: 'DEMO' }, select: { id: true } });
    expect(hub.hubMembers).toHaveLength(2);
    expect(hub.hubMembers.every((m) => m.shareFigures)).toBe(true);
    expect(hub.hubMembers.map((m) => m.municipalityId)).toContain(town.id);
    const analyst = await db.user.findUniqueOrThrow({
      where: { email: 'hub.analyst@demo.jisr.local' },
      select: { id: true, municipalityId: true, role: true },
    });
    expect(analyst).toMatchObject({ municipalityId: hub.id, role: 'hub_analyst' });
    expect(DEMO_ACCOUNTS.map((a) => a.email)).toContain('hub.analyst@demo.jisr.local');
    const { caller } = await callerFor(db, analyst);
    const out = await caller.hub.figures({ year: new Date().getUTCFullYear() });
    expect(out.municipalities).toHaveLength(2);
    expect(out.figures.find((f) => f.id === 'referralsByCohort')!.byCountry.total).not.toBe(0);
    // Casework stays out of reach.
    await expect(caller.cases.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await verifyAll(db)).every((r) => r.firstBroken === null)).toBe(true);
  });
});
