import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import { isoDayIn } from '../../shared/days.js';
import {
  AGE_BANDS,
  FOLLOW_UP_RESULTS,
  OVERDUE_BANDS,
  SCREENING_BUCKETS,
  UNRECORDED,
  monthsOfYear,
  type Figure,
  type ScreeningBucket,
} from '../../shared/statistics.js';
import {
  CASE_CLOSURE_REASONS,
  CASE_STAGES,
  COHORTS,
  INTERVENTION_STATUSES,
  INTERVENTION_TYPES,
  REFERRAL_SOURCES,
  URGENCIES,
} from '../../shared/vocabulary.js';
import { AppError } from '../../errors.js';
import { csvOf } from '../audit/export.js';
import { workingDaysBetween } from '../referrals/working-days.js';
import * as q from './queries.js';
import type { Period } from './schema.js';
import { exactAttack } from './exact.js';
import { referralTallies } from './tally.js';
import { suppressTables, type CountTable, type ShownTable } from './suppress.js';

/** Counts keyed by row and column, filled in as the SQL's groups come. */
class Grid {
  private readonly cells: number[][];
  constructor(
    readonly id: Figure,
    readonly rows: readonly string[],
    readonly cols: readonly string[],
    readonly links: Pick<CountTable, 'rowTotalsKey' | 'colTotalsKey' | 'grandKey'> = {},
  ) {
    this.cells = rows.map(() => cols.map(() => 0));
  }
  add(row: string, col: string, n: number) {
    const r = this.rows.indexOf(row);
    const c = this.cols.indexOf(col);
    if (r < 0 || c < 0) throw new Error(`statistics: ${this.id} has no cell ${row} × ${col}`);
    this.cells[r]![c] = this.cells[r]![c]! + n;
  }
  table(): CountTable {
    return { id: this.id, rows: this.rows, cols: this.cols, cells: this.cells, ...this.links };
  }
}

const OPEN_STAGES = CASE_STAGES.filter((s) => s !== 'closed' && s !== 'follow_up');
/**
 * The municipality's window on the year, its screening deadline and its working calendar. The year must
 * lie from the municipality's first records (or this year, with none yet) to this year, in its time zone:
 * any other is refused with a field error, so only whole past or current years are ever published.
 */
async function windowOf(ctx: ServiceContext, period: Period) {
  const m = await ctx.db.municipality.findUniqueOrThrow({
    where: { id: ctx.user.municipalityId },
    select: { timeZone: true, weekendDays: true, screeningSlaDays: true },
  });
  const timeZone = m.timeZone || 'UTC';
  const today = isoDayIn(ctx.clock(), timeZone);
  const lastYear = Number(today.slice(0, 4));
  const firstYear = Math.min((await q.firstYear(ctx.db, ctx.user.municipalityId, timeZone)) ?? lastYear, lastYear);
  if (period.year < firstYear || period.year > lastYear)
    throw new AppError('BAD_INPUT', { fields: { year: 'year_out_of_range' }, data: { firstYear, lastYear } });
  const w: q.Window = {
    municipalityId: ctx.user.municipalityId,
    timeZone,
    start: `${period.year}-01-01`,
    end: `${period.year + 1}-01-01`,
    today,
  };
  return { w, firstYear, lastYear, slaDays: m.screeningSlaDays, weekend: new Set(m.weekendDays) };
}

/** Every suppression also runs the exact search: a filling of the published sums must move each hidden value. */
const exact = { attack: exactAttack };

/** The figures, counted and suppressed together where they share totals. */
async function count(ctx: ServiceContext, period: Period) {
  const { w, firstYear, lastYear, slaDays, weekend } = await windowOf(ctx, period);
  const months = monthsOfYear(period.year);
  // The referral figures first, from the tallies (which may count a month under their lock), then the rest.
  const { referrals, screening } = await referralTallies(ctx.db, w);
  const { cases, interventions, overdue, closures, holidays } = await q.inOneSnapshot(ctx.db, async (db) => ({
    cases: await q.caseCounts(db, w),
    interventions: await q.interventionCounts(db, w),
    overdue: await q.overdueReviewCounts(db, w),
    closures: await q.closureCounts(db, w),
    holidays: await q.holidaysAround(db, w),
  }));

  const byMonth = { rowTotalsKey: 'referral-month', grandKey: 'referrals' };
  const cohort = new Grid('referralsByCohort', months, COHORTS, byMonth);
  const source = new Grid('referralsBySource', months, REFERRAL_SOURCES, byMonth);
  const urgency = new Grid('referralsByUrgency', months, URGENCIES, byMonth);
  for (const r of referrals) [cohort.add(r.month, r.cohort, r.n), source.add(r.month, r.source, r.n), urgency.add(r.month, r.urgency, r.n)];

  // Working days by the local dates the SQL gave (a calendar in UTC reads them as they are).
  const calendar = { timeZone: 'UTC', weekend, holidays };
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  const today = noon(w.today);
  const screened = new Grid('screening', months, SCREENING_BUCKETS, byMonth);
  for (const s of screening) {
    const days = workingDaysBetween(noon(s.submitted), s.decided ? noon(s.decided) : today, calendar);
    const bucket: ScreeningBucket = s.decided ? (days <= slaDays ? 'on_time' : 'late') : days <= slaDays ? 'waiting' : 'waiting_overdue';
    screened.add(s.month, bucket, s.n);
  }

  const stageAge = new Grid('casesByStageAge', CASE_STAGES, AGE_BANDS);
  for (const c of cases) stageAge.add(c.stage, c.band, c.n);

  const agencies = new Map(interventions.map((i) => [i.agency_id, i.agency]));
  const agencyIds = [...agencies.keys()].sort((a, b) => agencies.get(a)!.localeCompare(agencies.get(b)!));
  const byStatus = { colTotalsKey: 'intervention-status', grandKey: 'interventions' };
  const byType = new Grid('interventionsByType', INTERVENTION_TYPES, INTERVENTION_STATUSES, byStatus);
  const byAgency = new Grid('interventionsByAgency', agencyIds, INTERVENTION_STATUSES, byStatus);
  for (const i of interventions) [byType.add(i.type, i.status, i.n), byAgency.add(i.agency_id, i.status, i.n)];

  const reviews = new Grid('reviewsOverdue', OPEN_STAGES, OVERDUE_BANDS);
  for (const o of overdue) reviews.add(o.stage, o.band, o.n);

  const reasons = closures.some((c) => c.reason === UNRECORDED) ? [...CASE_CLOSURE_REASONS, UNRECORDED] : [...CASE_CLOSURE_REASONS];
  const closed = new Grid('closuresByReason', months, reasons, { colTotalsKey: 'closure-reason', grandKey: 'closures' });
  const followUps = new Grid('followUps', reasons, FOLLOW_UP_RESULTS, { rowTotalsKey: 'closure-reason', grandKey: 'closures' });
  for (const c of closures) [closed.add(c.month, c.reason, c.n), followUps.add(c.reason, c.follow_up, c.n)];

  const shown = [
    // A '*' is 0 or 5 and more, never 1–4: the exact search (exact.ts) finds what that gap pins across linked sums.
    ...suppressTables(
      [cohort, source, urgency, screened].map((g) => g.table()),
      exact,
    ),
    ...suppressTables([stageAge.table()], exact),
    ...suppressTables([byType.table(), byAgency.table()], exact),
    ...suppressTables([reviews.table()], exact),
    ...suppressTables([closed.table(), followUps.table()], exact),
  ];
  return { w, years: { first: firstYear, last: lastYear }, slaDays, agencies: Object.fromEntries(agencies), figures: shown };
}

/**
 * The municipality's figures for one calendar year: every count suppressed (see suppress.ts) before it
 * leaves the server. Coordinator and auditor of the municipality; audited with the year. `years` is the
 * range a request may name (the page's year select).
 */
export async function figures(ctx: ServiceContext, period: Period) {
  assertCan(ctx.ability, 'statistics', 'Municipality');
  const { w, years, slaDays, agencies, figures } = await count(ctx, period);
  ctx.audit.subject('Municipality', ctx.user.municipalityId).detail({ year: period.year });
  return { period, years, today: w.today, slaDays, agencies, figures };
}

/** A label for the CSV: an agency's name for its id, else the key itself. */
const label = (agencies: Record<string, string>, key: string) => agencies[key] ?? key;

/** The figures as one CSV (figure, row, column, value), the same suppressed values the page shows, totals included. */
export function figuresCsv(figures: readonly ShownTable[], agencies: Record<string, string>): string {
  const lines: (string | number)[][] = [['figure', 'row', 'column', 'value']];
  for (const f of figures) {
    f.rows.forEach((row, r) => {
      for (const [c, col] of f.cols.entries()) lines.push([f.id, label(agencies, row), col, f.cells[r]![c]!]);
      lines.push([f.id, label(agencies, row), 'total', f.rowTotals[r]!]);
    });
    for (const [c, col] of f.cols.entries()) lines.push([f.id, 'total', col, f.colTotals[c]!]);
    lines.push([f.id, 'total', 'total', f.total]);
  }
  return csvOf(lines);
}

/** The same figures as CSV, for a spreadsheet. Audited as an export with the year and its figure count. */
export async function exportFigures(ctx: ServiceContext, period: Period) {
  assertCan(ctx.ability, 'statistics', 'Municipality');
  const { agencies, figures } = await count(ctx, period);
  const csv = figuresCsv(figures, agencies);
  ctx.audit.subject('Municipality', ctx.user.municipalityId).detail({ year: period.year, figures: figures.length });
  return { filename: `statistics-${period.year}.csv`, csv };
}
