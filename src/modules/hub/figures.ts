import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { isoDayIn } from '../../shared/days.js';
import type { HubFigure } from '../../shared/hub.js';
import { UNRECORDED } from '../../shared/statistics.js';
import { CASE_CLOSURE_REASONS, CASE_STAGES, COHORTS, INTERVENTION_TYPES, REFERRAL_SOURCES, URGENCIES } from '../../shared/vocabulary.js';
import * as q from '../statistics/queries.js';
import { referralTallies } from '../statistics/tally.js';
import type { DbClient } from '../../db.js';
import { suppressHierarchy, type HubCounts, type HubShown } from './hierarchy.js';
import { findRelease, firstReleasedYear, lastPublishedYear, publishedOn, storeRelease } from './release.js';
import type { HubYear } from './schema.js';

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

/** A sharing city as the counts need it: where it is, and what its calendar is. */
export interface CountedCity {
  id: string;
  name: string;
  country: string;
  timeZone: string;
}

/**
 * One calendar year of `cities`' figures, uncached: each city counted in its own calendar (the same SQL
 * as its own statistics page), summed by core code, and suppressed across cities, countries and the hub
 * (hierarchy.ts). Only hubFigures calls it, once per hub and year (then the release is stored); the
 * bench measures it alone.
 */
export async function countYear(db: DbClient, cities: readonly CountedCity[], year: number, now: Date): Promise<HubShown[]> {
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
      start: `${year}-01-01`,
      end: `${year + 1}-01-01`,
      today: isoDayIn(now, timeZone),
    };
    const { referrals } = await referralTallies(db, w);
    const { cases, interventions, closures } = await q.inOneSnapshot(db, async (tx) => ({
      cases: await q.caseCounts(tx, w),
      interventions: await q.interventionCounts(tx, w),
      closures: await q.closureCounts(tx, w),
    }));
    for (const r of referrals)
      [cohort.add(city.id, r.cohort, r.n), source.add(city.id, r.source, r.n), urgency.add(city.id, r.urgency, r.n)];
    for (const c of cases) stage.add(city.id, c.stage, c.n);
    for (const i of interventions) type.add(city.id, i.type, i.n);
    for (const c of closures) reason.add(city.id, c.reason, c.n);
  }
  return [
    ...suppressHierarchy('referrals', [cohort, source, urgency], cities),
    ...suppressHierarchy('cases', [stage], cities),
    ...suppressHierarchy('interventions', [type], cities),
    ...suppressHierarchy('closures', [reason], cities),
  ];
}

/** The years an analyst may ask for: from the first records of the sharing cities (or the first release) to the last published. */
async function yearsOf(ctx: ServiceContext, hubId: string, cities: readonly CountedCity[], last: number) {
  const firsts = await Promise.all(cities.map((c) => q.firstYear(ctx.db, c.id, c.timeZone || 'UTC')));
  const released = await firstReleasedYear(ctx.db, hubId);
  const known = [...firsts, released].filter((y): y is number => y !== null);
  return { first: Math.min(last, ...known), last };
}

/**
 * A published year of the hub's figures (release.ts): `year`, or the last published when none is
 * named. A year not yet published is refused (BAD_INPUT, with the day it will be); the first request
 * for a published year counts it (countYear) and stores it, every later one returns the stored release
 * unchanged, even if cities joined, left or stopped sharing, or records were added to that year since.
 * Audited on the hub's chain with the year, the cities counted and whether this request published it.
 */
export async function hubFigures(ctx: ServiceContext, input: HubYear) {
  assertCan(ctx.ability, 'hubFigures', 'Municipality');
  const { hub, cities } = await sharingCities(ctx);
  const last = lastPublishedYear(isoDayIn(ctx.clock(), hub.timeZone || 'UTC'));
  const year = input.year ?? last;
  if (year > last)
    throw new AppError('BAD_INPUT', {
      fields: { year: 'year_not_published' },
      data: { publishedOn: publishedOn(year), lastPublished: last },
    });
  const years = await yearsOf(ctx, hub.id, cities, last);
  let release = await findRelease(ctx.db, hub.id, year);
  let published = false;
  if (!release) {
    if (year < years.first)
      throw new AppError('BAD_INPUT', { fields: { year: 'year_out_of_range' }, data: { firstYear: years.first, lastYear: last } });
    const figures = await countYear(ctx.db, cities, year, ctx.clock());
    const counted = cities.map(({ id, name, country }) => ({ id, name, country }));
    published = await storeRelease(ctx.db, hub.id, { year, figures, cities: counted, at: ctx.clock() });
    // Stored by this request or, at the same moment, by another: the stored one is the answer either way.
    release = await findRelease(ctx.db, hub.id, year);
    if (!release) throw new Error(`hub: the release of ${year} was stored but cannot be read`);
  }
  ctx.audit.subject('Municipality', hub.id).detail({ year, cities: release.cities.length, firstPublication: published });
  return {
    period: { year },
    years,
    next: { year: last + 1, on: publishedOn(last + 1) },
    publishedAt: release.createdAt.toISOString(),
    municipalities: release.cities,
    figures: release.figures,
  };
}
