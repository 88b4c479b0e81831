import { z } from 'zod';
import { FIRST_YEAR } from '../../shared/statistics.js';

/**
 * The period of a request: ONE calendar year of the municipality's calendar, nothing else. Periods are
 * fixed and never overlap, so no two answers can be subtracted to recover a count either one suppresses
 * (differencing: "Feb–Mar" less "Feb" would give March). Any other key (`from`, `to`, …) is refused; a
 * year before the municipality's first records or in the future is refused by the service (same key).
 * Messages are translation keys (`validation.year_only`, `validation.year_out_of_range`).
 */
export const PeriodInput = z
  .looseObject({ year: z.number().int() })
  .superRefine((p, ctx) => {
    for (const key of Object.keys(p)) if (key !== 'year') ctx.addIssue({ code: 'custom', path: [key], message: 'year_only' });
    if (p.year < FIRST_YEAR || p.year > 9999) ctx.addIssue({ code: 'custom', path: ['year'], message: 'year_out_of_range' });
  })
  .transform((p) => ({ year: p.year }));
export type Period = z.output<typeof PeriodInput>;
