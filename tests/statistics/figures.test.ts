import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, type Town } from '../helpers/case-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import type { Prisma } from '../../src/generated/prisma/client.js';
import { SMALL, type ShownTable } from '../../src/modules/statistics/suppress.js';
import { attackByTotals, known } from './attack.js';

const { db } = await testDb();
/** "Today" for these figures: Friday 10 April 2026 in Amman. */
const NOW = new Date('2026-04-10T09:00:00Z');
const PERIOD = { year: 2026 };
const YEAR_2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

/**
 * Known data in one town (Jordan: Friday–Saturday weekend, screening deadline 5 working days):
 * - referrals: January 7 youth/school/routine screened the next day, 3 returnee/police/priority still
 *   waiting; February 6 migrant/family/routine screened 20 days later; one in December 2025 and one in April
 *   2025 (outside the year);
 * - cases: 6 opened in February, intake, born 2009 (16–17 that year), review 10 days overdue, with 5
 *   mentoring interventions planned and 7 education ones completed by one agency; 5 opened and closed in
 *   March for risk reduced, born 1990, follow-up asked for June (not yet due on 10 April).
 */
async function seed(town: Town) {
  const m = town.town.id;
  const person = await makePerson(db, m);
  const referral = (n: number, data: Partial<Prisma.ReferralCreateManyInput> & { submittedAt: Date }) =>
    db.referral.createMany({
      data: Array.from({ length: n }, () => ({
        municipalityId: m,
        personId: person.id,
        referrerId: town.socialWorker.id,
        cohort: 'youth' as const,
        source: 'school' as const,
        concernCategories: ['isolation'],
        concernText: 'synthetic',
        urgency: 'routine' as const,
        consentGiven: true,
        status: 'accepted' as const,
        ...data,
      })),
    });
  await referral(7, { submittedAt: day('2026-01-11'), decidedAt: day('2026-01-12') });
  await referral(3, { submittedAt: day('2026-01-20'), cohort: 'returnee', source: 'police', urgency: 'priority', status: 'submitted' });
  await referral(6, { submittedAt: day('2026-02-02'), decidedAt: day('2026-02-22'), cohort: 'migrant', source: 'family' });
  await referral(1, { submittedAt: day('2025-12-20'), decidedAt: day('2025-12-21') });
  await referral(1, { submittedAt: day('2025-04-02'), status: 'submitted' });

  const agency = await makeAgency(db, m, { name: `Youth Centre ${randomUUID().slice(0, 6)}` });
  const cases = async (n: number, birthYear: number, data: Partial<Prisma.CaseCreateManyInput> & { openedAt: Date }) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = await makePerson(db, m, { birthYear });
      const id = randomUUID();
      ids.push(id);
      await db.case.create({
        data: { id, municipalityId: m, reference: `ST-${randomUUID().slice(0, 12)}`, personId: p.id, cohort: 'youth', ...data },
      });
    }
    return ids;
  };
  const open = await cases(6, 2009, { openedAt: day('2026-02-03'), stage: 'intake', nextReviewAt: new Date('2026-03-31T00:00:00Z') });
  await cases(5, 1990, {
    openedAt: day('2026-03-02'),
    stage: 'closed',
    closedAt: day('2026-03-25'),
    closureReason: 'risk_reduced',
    followUpAt: new Date('2026-06-25T00:00:00Z'),
  });
  const intervention = (caseId: string, type: 'mentoring' | 'education', status: 'planned' | 'completed') => ({
    caseId,
    municipalityId: m,
    type,
    title: 'Synthetic',
    agencyId: agency.id,
    status,
    createdAt: day('2026-02-05'),
    updatedAt: day('2026-02-05'),
    createdById: town.coordinator.id,
  });
  await db.intervention.createMany({
    data: [
      ...Array.from({ length: 5 }, (_, i) => intervention(open[i % 6]!, 'mentoring', 'planned')),
      ...Array.from({ length: 7 }, (_, i) => intervention(open[i % 6]!, 'education', 'completed')),
    ],
  });
  return { agency };
}

async function as(user: { id: string; municipalityId: string }) {
  return (await callerFor(db, user, { clock: manualClock(NOW) })).caller;
}

const fig = (figures: ShownTable[], id: string) => figures.find((f) => f.id === id)!;
const cell = (f: ShownTable, row: string, col: string) => f.cells[f.rows.indexOf(row)]![f.cols.indexOf(col)];

async function twoTowns() {
  const a = await makeTown(db);
  const b = await makeTown(db);
  const seeded = await seed(a);
  await seed(b);
  return { a, b, agency: seeded.agency };
}

describe('statistics: the figures', () => {
  it('counts known data, suppressed, and nothing of another municipality', { timeout: 60_000 }, async () => {
    const { a, agency } = await twoTowns();
    const out = await (await as(a.coordinator)).statistics.figures(PERIOD);
    const f = out.figures;
    expect(out.today).toBe('2026-04-10');
    expect(fig(f, 'referralsByCohort').rows).toEqual(YEAR_2026);
    expect(out.years).toEqual({ first: 2025, last: 2026 });

    // Referrals: 16 in 2026 (another town's 16 and the two of 2025 are not counted).
    // January's 3 returnees are "<5"; with so few months and cohorts, hiding them takes January's and
    // February's totals too, or 16 − 6 − 0 would give January's 10 and 10 − 7 the 3.
    const cohort = fig(f, 'referralsByCohort');
    expect(cohort.cells).toEqual([['*', SMALL, 0, 0, 0], [0, 0, 0, '*', 0], ...YEAR_2026.slice(2).map(() => [0, 0, 0, 0, 0])]);
    expect(cohort.rowTotals).toEqual(['*', '*', ...YEAR_2026.slice(2).map(() => 0)]);
    expect(cohort.total).toBe(16);
    for (const t of ['referralsByCohort', 'referralsBySource', 'referralsByUrgency', 'screening']) {
      const table = fig(f, t);
      expect(table.total).toBe(16);
      expect(attackByTotals(table), t).toEqual([]);
      // Linked tables: the month totals are one value, shown or hidden alike in every table.
      expect(table.rowTotals).toEqual(cohort.rowTotals);
    }
    // Screening: January's 7 on time, its 3 still waiting long past the deadline; February's 6 late.
    const screening = fig(f, 'screening');
    expect(screening.cells).toEqual([['*', 0, 0, SMALL], [0, '*', 0, 0], ...YEAR_2026.slice(2).map(() => [0, 0, 0, 0])]);
    // Every shown count of the linked tables is the true one.
    const truth: Record<string, number> = {
      'referralsByCohort|2026-01|youth': 7,
      'referralsByCohort|2026-02|migrant': 6,
      'referralsBySource|2026-01|school': 7,
      'referralsBySource|2026-01|police': 3,
      'referralsBySource|2026-02|family': 6,
      'referralsByUrgency|2026-01|routine': 7,
      'referralsByUrgency|2026-01|priority': 3,
      'referralsByUrgency|2026-02|routine': 6,
    };
    for (const t of ['referralsByCohort', 'referralsBySource', 'referralsByUrgency']) {
      const table = fig(f, t);
      for (const [r, row] of table.rows.entries())
        for (const [c, col] of table.cols.entries()) {
          const v = table.cells[r]![c]!;
          if (known(v)) expect(v, `${t} ${row} ${col}`).toBe(truth[`${t}|${row}|${col}`] ?? 0);
        }
    }

    // Cases opened in the period: 6 at intake aged 16–17 that year, 5 closed aged 36.
    const cases = fig(f, 'casesByStageAge');
    expect(cell(cases, 'intake', '15_17')).toBe(6);
    expect(cell(cases, 'closed', '25_39')).toBe(5);
    expect(cases.total).toBe(11);
    expect(cases.cells.flat().filter((v) => v !== 0)).toHaveLength(2);

    // Interventions by type and by agency, by status.
    const byType = fig(f, 'interventionsByType');
    expect(cell(byType, 'mentoring', 'planned')).toBe(5);
    expect(cell(byType, 'education', 'completed')).toBe(7);
    expect(byType.total).toBe(12);
    const byAgency = fig(f, 'interventionsByAgency');
    expect(byAgency.rows).toEqual([agency.id]);
    expect(out.agencies).toEqual({ [agency.id]: agency.name });
    expect(byAgency.cells[0]).toEqual([5, 0, 7, 0]);

    // Reviews overdue today: the 6 intake cases, 10 days.
    const reviews = fig(f, 'reviewsOverdue');
    expect(cell(reviews, 'intake', '8_30')).toBe(6);
    expect(reviews.total).toBe(6);

    // Closures: 5 in March for risk reduced, follow-up ahead.
    expect(cell(fig(f, 'closuresByReason'), '2026-03', 'risk_reduced')).toBe(5);
    expect(cell(fig(f, 'followUps'), 'risk_reduced', 'scheduled')).toBe(5);
    expect(fig(f, 'followUps').total).toBe(5);

    // Audited like any read, with the year.
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: a.coordinator.id, action: 'statistics.read' },
      select: { outcome: true, entityType: true, entityId: true, detail: true },
    });
    expect(event).toMatchObject({ outcome: 'allowed', entityType: 'Municipality', entityId: a.town.id, detail: PERIOD });
  });

  it('gives the auditor the same figures; the CSV holds exactly the values shown', { timeout: 60_000 }, async () => {
    const { a } = await twoTowns();
    const shown = await (await as(a.coordinator)).statistics.figures(PERIOD);
    const auditor = await as(a.auditor);
    expect((await auditor.statistics.figures(PERIOD)).figures).toEqual(shown.figures);
    const { csv, filename } = await auditor.statistics.export(PERIOD);
    expect(filename).toBe('statistics-2026.csv');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(lines[0]).toEqual(['figure', 'row', 'column', 'value']);
    const fromCsv = new Map(lines.slice(1).map(([figure, row, column, value]) => [`${figure}|${row}|${column}`, value]));
    let compared = 0;
    for (const f of shown.figures) {
      const name = (row: string) => shown.agencies[row] ?? row;
      for (const [r, row] of f.rows.entries()) {
        for (const [c, col] of f.cols.entries()) expect(fromCsv.get(`${f.id}|${name(row)}|${col}`)).toBe(String(f.cells[r]![c]));
        expect(fromCsv.get(`${f.id}|${name(row)}|total`)).toBe(String(f.rowTotals[r]));
        compared += f.cols.length + 1;
      }
      for (const [c, col] of f.cols.entries()) expect(fromCsv.get(`${f.id}|total|${col}`)).toBe(String(f.colTotals[c]));
      expect(fromCsv.get(`${f.id}|total|total`)).toBe(String(f.total));
      compared += f.cols.length + 1;
    }
    expect(fromCsv.size).toBe(compared);
    expect(csv).not.toMatch(/(^|,)[1-4]\r\n/m);
    expect(await auditCount(db, a.auditor.id, 'statistics.export')).toBe(1);
  });
});

describe('statistics: screening against the deadline', () => {
  it("counts working days by the municipality's weekend and public holidays", async () => {
    // Jordan: Friday–Saturday weekend, 5 working days. Submitted Thursday 8 January, screened Sunday 18:
    // 6 working days (11–15 and 18), late; with a public holiday on Tuesday 13, 5 and on time.
    const screenedOn = async (holiday: boolean) => {
      const town = await makeTown(db);
      const person = await makePerson(db, town.town.id);
      await db.referral.createMany({
        data: Array.from({ length: 5 }, () => ({
          municipalityId: town.town.id,
          personId: person.id,
          referrerId: town.socialWorker.id,
          cohort: 'youth' as const,
          source: 'school' as const,
          concernCategories: ['isolation'],
          concernText: 'synthetic',
          urgency: 'routine' as const,
          consentGiven: true,
          status: 'accepted' as const,
          submittedAt: day('2026-01-08'),
          decidedAt: day('2026-01-18'),
        })),
      });
      if (holiday)
        await db.publicHoliday.create({
          data: { municipalityId: town.town.id, date: new Date('2026-01-13T00:00:00Z'), name: 'Synthetic holiday' },
        });
      const out = await (await as(town.coordinator)).statistics.figures({ year: 2026 });
      const screening = fig(out.figures, 'screening');
      return { onTime: cell(screening, '2026-01', 'on_time'), late: cell(screening, '2026-01', 'late') };
    };
    expect(await screenedOn(false)).toEqual({ onTime: 0, late: 5 });
    expect(await screenedOn(true)).toEqual({ onTime: 5, late: 0 });
  });
});

describe('statistics: who may see them', () => {
  it('refuses the social worker, the practitioner and the admin, and audits each refusal', async () => {
    const town = await makeTown(db);
    for (const user of [town.socialWorker, town.practitioner, town.admin]) {
      const caller = await as(user);
      expect((await failure(caller.statistics.figures(PERIOD))).code, user.role).toBe('FORBIDDEN');
      expect((await failure(caller.statistics.export(PERIOD))).code, user.role).toBe('FORBIDDEN');
      expect(await auditCount(db, user.id, 'statistics.read', 'denied')).toBe(1);
      expect(await auditCount(db, user.id, 'statistics.export', 'denied')).toBe(1);
    }
  });

  it('answers any other period shape, or a year without figures, with a translated error and counts nothing', async () => {
    const town = await makeTown(db);
    await seed(town); // first records: December 2025 (and April 2025)
    const caller = await as(town.coordinator);
    const bad = [
      // A free period of months (the shape differencing needs) is no longer accepted, alone or beside a year.
      [{ from: '2026-02', to: '2026-03' }, { year: 'required' }],
      [
        { year: 2026, from: '2026-02', to: '2026-03' },
        { from: 'year_only', to: 'year_only' },
      ],
      // A key the error's serialiser refuses (prototype pollution) is reported as '_', not a server error.
      [{ year: 2026, prototype: 'x' }, { _: 'year_only' }],
      [{ year: '2026' }, { year: 'invalid_type' }],
      [{ year: 2026.5 }, { year: 'invalid_type' }],
      [{ year: 1999 }, { year: 'year_out_of_range' }],
      // Before the municipality's first records, and in the future (today is 10 April 2026).
      [{ year: 2024 }, { year: 'year_out_of_range' }],
      [{ year: 2027 }, { year: 'year_out_of_range' }],
    ] as const;
    for (const [input, fields] of bad) {
      const figures = await failure(caller.statistics.figures(input as never), input);
      expect(figures, JSON.stringify(input)).toMatchObject({ code: 'BAD_INPUT', fields });
      const csv = await failure(caller.statistics.export(input as never), input);
      expect(csv, JSON.stringify(input)).toMatchObject({ code: 'BAD_INPUT', fields });
    }
    expect(await auditCount(db, town.coordinator.id, 'statistics.read', 'allowed')).toBe(0);
    expect(await auditCount(db, town.coordinator.id, 'statistics.export', 'allowed')).toBe(0);
    // Both ends of the range are given.
    expect((await caller.statistics.figures({ year: 2025 })).period).toEqual({ year: 2025 });
    expect((await caller.statistics.figures({ year: 2026 })).years).toEqual({ first: 2025, last: 2026 });
    // The keys are translated in every language: tests/web/statistics-words.test.ts.
  });
});
