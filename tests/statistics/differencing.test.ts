import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure, makeCase } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { SMALL } from '../../src/modules/statistics/suppress.js';

const { db } = await testDb();
const NOW = new Date('2026-04-10T09:00:00Z');

/**
 * The red team's differencing attack (each answer suppressed on its own, periods free): March's "<5"
 * came back as (February–March) − (February). Periods are now one calendar year each: the API refuses
 * every overlapping or partial period, and two different years share no month, so no two answers can
 * be subtracted to give a count either one hides.
 */
describe('statistics: two overlapping periods', () => {
  it('cannot be asked for, so a count a year suppresses is not given away', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id, stage: 'planning' });
    const iv = (at: string) => ({
      caseId: c.id,
      municipalityId: town.town.id,
      type: 'education' as const,
      title: 'Synthetic',
      agencyId: town.agency.id,
      status: 'completed' as const,
      createdAt: new Date(at),
      updatedAt: new Date(at),
      createdById: town.coordinator.id,
    });
    // 7 in February 2025, 2 in March 2026 (the attack's numbers, now a year apart).
    await db.intervention.createMany({
      data: [
        ...Array.from({ length: 7 }, () => iv('2025-02-05T09:00:00Z')),
        ...Array.from({ length: 2 }, () => iv('2026-03-05T09:00:00Z')),
      ],
    });
    const caller = (await callerFor(db, town.coordinator, { clock: manualClock(NOW) })).caller;

    // The attack's queries: refused, whatever their shape, and nothing counted.
    for (const input of [
      { from: '2026-02', to: '2026-03' },
      { from: '2026-02', to: '2026-02' },
      { from: '2026-03', to: '2026-03' },
      { year: 2026, from: '2026-03', to: '2026-03' },
      { year: 2026, to: '2026-02' },
      { years: [2025, 2026] },
    ]) {
      const refused = await failure(caller.statistics.figures(input as never), input);
      expect(refused.code, JSON.stringify(input)).toBe('BAD_INPUT');
    }
    expect(await db.auditEvent.count({ where: { actorId: town.coordinator.id, action: 'statistics.read', outcome: 'allowed' } })).toBe(0);

    // What may be asked: each year alone. 2026's 2 is "<5"; 2025's 7 is shown.
    const answer = async (year: number) => {
      const out = await caller.statistics.figures({ year });
      const f = out.figures.find((x) => x.id === 'interventionsByType')!;
      const months = out.figures.find((x) => x.id === 'referralsByCohort')!.rows;
      return { months, cell: f.cells[f.rows.indexOf('education')]![f.cols.indexOf('completed')], total: f.total };
    };
    const [y2025, y2026] = [await answer(2025), await answer(2026)];
    expect(y2026.cell).toBe(SMALL);
    expect(y2025.cell).toBe(7);
    // The two periods share no month: nothing to subtract, and no answer holds the 9 (7 + 2) an overlap would.
    expect(y2025.months.filter((m) => y2026.months.includes(m))).toEqual([]);
    expect(y2025.months).toHaveLength(12);
    expect(y2026.months).toHaveLength(12);
    for (const a of [y2025, y2026]) expect([a.cell, a.total]).not.toContain(9);
    // Nor years before the first records or in the future, which would overlap nothing but say nothing new.
    for (const year of [2024, 2027])
      expect((await failure(caller.statistics.figures({ year }), { year })).fields).toEqual({ year: 'year_out_of_range' });
  });
});
