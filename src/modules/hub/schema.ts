import { z } from 'zod';
import { FIRST_YEAR } from '../../shared/statistics.js';

/** A city, by id (the hub's admin adds or removes it). */
export const MemberInput = z.strictObject({ municipalityId: z.uuid() });
/** A city's choice to share its figures with a hub it belongs to. */
export const SharingInput = z.strictObject({ hubId: z.uuid(), share: z.boolean() });

/**
 * A year of the hub's figures: `year`, or none for the last published one (the page's first view). One
 * calendar year only, as for a city's statistics (statistics/schema.ts): any other key is refused
 * (`year_only`); a year not yet published, or before the cities' first records, by the service.
 */
export const HubYearInput = z.preprocess(
  (raw) => raw ?? {},
  z
    .looseObject({ year: z.number().int().optional() })
    .superRefine((p, ctx) => {
      for (const key of Object.keys(p)) if (key !== 'year') ctx.addIssue({ code: 'custom', path: [key], message: 'year_only' });
      if (p.year !== undefined && (p.year < FIRST_YEAR || p.year > 9999))
        ctx.addIssue({ code: 'custom', path: ['year'], message: 'year_out_of_range' });
    })
    .transform((p) => ({ year: p.year })),
);
export type HubYear = z.output<typeof HubYearInput>;
