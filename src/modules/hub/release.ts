import type { Prisma } from '../../generated/prisma/client.js';
import type { DbClient } from '../../db.js';
import type { HubShown } from './hierarchy.js';

/**
 * The hub's releases. A year of the hub's figures is published once it is over, and a published year
 * never changes: asked in April and again in May, the current year would give May's counts by
 * difference; asked before and after a city joins, leaves or stops sharing, or a record is back-dated,
 * any year would give that city's (or that record's) counts. So a year is published on 1 February of
 * the next year where the hub is (a month for late records), computed at the first request after that,
 * stored, and every later request gets the stored release, whatever happened since.
 */

/** The day (where the hub is) year `year` is published: "2027-02-01" for 2026. */
export const publishedOn = (year: number) => `${year + 1}-02-01`;

/** The newest year published on `today` ("2026-12-05", the hub's calendar day): 2025; on "2027-01-31" still 2025. */
export function lastPublishedYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today >= publishedOn(year - 1) ? year - 1 : year - 2;
}

/** A city counted in a release, as it was when the year was published. */
export interface ReleasedCity {
  id: string;
  name: string;
  country: string;
}

/** A published year: the suppressed figures and the cities counted, as the first request stored them. */
export interface Release {
  year: number;
  figures: HubShown[];
  cities: ReleasedCity[];
  createdAt: Date;
}

/** The hub's release of `year`; null while nobody has asked for it. */
export async function findRelease(db: DbClient, hubId: string, year: number): Promise<Release | null> {
  const row = await db.hubRelease.findFirst({
    where: { municipalityId: hubId, year },
    select: { year: true, figures: true, cities: true, createdAt: true },
  });
  if (!row) return null;
  return {
    year: row.year,
    figures: row.figures as unknown as HubShown[],
    cities: row.cities as unknown as ReleasedCity[],
    createdAt: row.createdAt,
  };
}

/** The earliest year the hub has published, if any (a city that counted then may have left since). */
export async function firstReleasedYear(db: DbClient, hubId: string): Promise<number | null> {
  const row = await db.hubRelease.findFirst({ where: { municipalityId: hubId }, orderBy: { year: 'asc' }, select: { year: true } });
  return row?.year ?? null;
}

/**
 * Stores `year`'s release unless one is there already (INSERT … ON CONFLICT DO NOTHING): of two first
 * requests at once, one stores it and the other waits for that row and stores nothing; both then read
 * the one stored. True when this call stored it (the year's first publication).
 */
export async function storeRelease(
  db: DbClient,
  hubId: string,
  release: { year: number; figures: HubShown[]; cities: ReleasedCity[]; at: Date },
): Promise<boolean> {
  const { count } = await db.hubRelease.createMany({
    data: [
      {
        municipalityId: hubId,
        year: release.year,
        figures: release.figures as unknown as Prisma.InputJsonValue,
        cities: release.cities as unknown as Prisma.InputJsonValue,
        createdAt: release.at,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}
