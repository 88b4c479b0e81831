import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/seed/demo.js';
import { verifyAll } from '../../src/audit/verify.js';
import { manualClock } from '../../src/lib/clock.js';
import { isoDayIn } from '../../src/shared/days.js';
import { lastPublishedYear } from '../../src/modules/hub/release.js';

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
    const { caller } = await callerFor(db, analyst, { clock: manualClock(new Date()) });
    // The last published year (hub/release.ts) holds the second city's year of referrals, made through the app.
    const out = await caller.hub.figures({});
    expect(out.period.year).toBe(lastPublishedYear(isoDayIn(new Date(), 'Africa/Tunis')));
    expect(out.municipalities.map((m) => m.name).sort()).toEqual(['Demo Municipality', 'Demo Second City']);
    const cohort = out.figures.find((f) => f.id === 'referralsByCohort')!;
    expect(cohort.byCountry.total).toBe(19);
    expect(cohort.byCountry.colTotals[cohort.byCountry.cols.indexOf('youth')]).toBe(9);
    expect(out.figures.find((f) => f.id === 'casesByStage')!.byCountry.total).toBe(9);
    expect(await db.hubRelease.count({ where: { municipalityId: hub.id } })).toBe(1);
    // Casework stays out of reach.
    await expect(caller.cases.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The hub's auditor reads the hub's own log: the analyst's read just now, the members the seed added; it verifies.
    const hubAuditor = await db.user.findUniqueOrThrow({
      where: { email: 'hub.auditor@demo.jisr.local' },
      select: { id: true, municipalityId: true, role: true },
    });
    expect(hubAuditor).toMatchObject({ municipalityId: hub.id, role: 'auditor' });
    const auditor = (await callerFor(db, hubAuditor, { clock: manualClock(new Date()) })).caller;
    const log = await auditor.audit.list({ limit: 200 });
    expect(log.items.some((e) => e.action === 'hub.figures' && e.actorId === analyst.id)).toBe(true);
    expect(log.items.filter((e) => e.action === 'hub.member.add')).toHaveLength(2);
    expect((await auditor.audit.verify()).firstBroken).toBeNull();
    expect((await verifyAll(db)).every((r) => r.firstBroken === null)).toBe(true);
  });
});
