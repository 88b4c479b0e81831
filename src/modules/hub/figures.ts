import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { isoDayIn } from '../../shared/days.js';
import type { HubFigure } from '../../shared/hub.js';
import { UNRECORDED } from '../../shared/statistics.js';
import { CASE_CLOSURE_REASONS, CASE_STAGES, COHORTS, INTERVENTION_TYPES, REFERRAL_SOURCES, URGENCIES } from '../../shared/vocabulary.js';
import * as q from '../statistics/queries.js';
import type { Period } from '../statistics/schema.js';
import { suppressHierarchy, type HubCounts } from './hierarchy.js';

const REASONS = [...CASE_CLOSURE_REASONS, UNRECORDED];

/** Counts of one figure by city, filled in as each city's groups come. */
class Counts implements HubCounts {
  readonly cells = new Map<string, number[]>();
  constructor(
    readonly id: HubFigure,
    readonly cols: readonly string[],
  ) {}
  add(city: string, col: string, n: number) {
    const c = this.cols.indexOf(col);
    if (c < 0) throw new Error(`hub: ${this.id} has no column ${col}`);
    const row = this.cells.get(city) ?? this.cols.map(() => 0);
    row[c] = row[c]! + n;
    this.cells.set(city, row);
  }
}

/**
 * The hub and the cities that share their figures with it, read through the analyst's rule (their own
 * municipality, which must be a hub). A city that left, or never opted in, is not among them.
 */
async function sharingCities(ctx: ServiceContext) {
  const hub = await ctx.db.municipality.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'hubFigures').ofType('Municipality'), { kind: 'hub' }] },
    select: {
      id: true,
      timeZone: true,
      hubMembers: {
        where: { shareFigures: true, municipality: { kind: 'city' } },
        select: { municipality: { select: { id: true, name: true, country: true, timeZone: true } } },
      },
    },
  });
  if (!hub) throw new AppError('FORBIDDEN', { entity: { type: 'Municipality', id: ctx.user.municipalityId } });
  const cities = hub.hubMembers
    .map((m) => m.municipality)
    .sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
  return { hub, cities };
}

/**
 * One calendar year of the sharing cities' figures, each city counted in its own calendar (the same SQL
 * as its own statistics page), summed by core code, and suppressed across cities, countries and the hub
 * (hierarchy.ts). The year follows statistics' rule (one whole year, never a free period, so nothing can
 * be differenced), from the cities' first records to this year where the hub is.
 */
export async function hubFigures(ctx: ServiceContext, period: Period) {
  assertCan(ctx.ability, 'hubFigures', 'Municipality');
  const { hub, cities } = await sharingCities(ctx);
  const lastYear = Number(isoDayIn(ctx.clock(), hub.timeZone || 'UTC').slice(0, 4));
  const firsts = await Promise.all(cities.map((c) => q.firstYear(ctx.db, c.id, c.timeZone || 'UTC')));
  const firstYear = Math.min(lastYear, ...firsts.filter((y): y is number => y !== null));
  if (period.year < firstYear || period.year > lastYear)
    throw new AppError('BAD_INPUT', { fields: { year: 'year_out_of_range' }, data: { firstYear, lastYear } });

  const cohort = new Counts('referralsByCohort', COHORTS);
  const source = new Counts('referralsBySource', REFERRAL_SOURCES);
  const urgency = new Counts('referralsByUrgency', URGENCIES);
  const stage = new Counts('casesByStage', CASE_STAGES);
  const type = new Counts('interventionsByType', INTERVENTION_TYPES);
  const reason = new Counts('closuresByReason', REASONS);
  for (const city of cities) {
    const timeZone = city.timeZone || 'UTC';
    const w: q.Window = {
      municipalityId: city.id,
      timeZone,
      start: `${period.year}-01-01`,
      end: `${period.year + 1}-01-01`,
      today: isoDayIn(ctx.clock(), timeZone),
    };
    const [referrals, cases, interventions, closures] = await Promise.all([
      q.referralCounts(ctx.db, w),
      q.caseCounts(ctx.db, w),
      q.interventionCounts(ctx.db, w),
      q.closureCounts(ctx.db, w),
    ]);
    for (const r of referrals)
      [cohort.add(city.id, r.cohort, r.n), source.add(city.id, r.source, r.n), urgency.add(city.id, r.urgency, r.n)];
    for (const c of cases) stage.add(city.id, c.stage, c.n);
    for (const i of interventions) type.add(city.id, i.type, i.n);
    for (const c of closures) reason.add(city.id, c.reason, c.n);
  }
  const figures = [
    ...suppressHierarchy('referrals', [cohort, source, urgency], cities),
    ...suppressHierarchy('cases', [stage], cities),
    ...suppressHierarchy('interventions', [type], cities),
    ...suppressHierarchy('closures', [reason], cities),
  ];
  ctx.audit.subject('Municipality', hub.id).detail({ year: period.year, cities: cities.length });
  return {
    period,
    years: { first: firstYear, last: lastYear },
    municipalities: cities.map(({ id, name, country }) => ({ id, name, country })),
    figures,
  };
}
