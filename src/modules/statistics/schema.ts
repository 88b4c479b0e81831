import { z } from 'zod';
import { MAX_PERIOD_MONTHS, MONTH_PATTERN, monthsBetween } from '../../shared/statistics.js';

const month = z.string().regex(MONTH_PATTERN);

/**
 * A period of whole months ("2026-01" to "2026-12", both included) in the municipality's calendar.
 * The refinements' messages are translation keys (`validation.period_order`, `validation.period_too_long`).
 */
export const PeriodInput = z
  .object({ from: month, to: month })
  .refine((p) => p.from <= p.to, { message: 'period_order', path: ['to'] })
  .refine((p) => p.from > p.to || monthsBetween(p.from, p.to).length <= MAX_PERIOD_MONTHS, { message: 'period_too_long', path: ['to'] });
export type Period = z.infer<typeof PeriodInput>;
