import { query } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { formatLocale } from '../../lib/region';
import { trpc, type Outputs } from '../../lib/trpc';
import { UNRECORDED, type Figure } from '../../../../src/shared/statistics';

export type Figures = Outputs['statistics']['figures'];
export type ShownTable = Figures['figures'][number];
export type Shown = ShownTable['total'];
/** The one period a request may name: a calendar year (periods never overlap, so none can be subtracted from another). */
export type Period = { year: number };

/** The municipality's figures for a year (coordinator, auditor). Suppressed on the server; audited. */
export const getFigures = query((year: number) => trpc.statistics.figures.query({ year }), 'statistics.figures');

/** What each figure's rows and columns are: a month, an agency, or the dictionary prefix of a list. */
type Axis = 'month' | 'agency' | string;
export const AXES: Record<Figure, readonly [rows: Axis, cols: Axis]> = {
  referralsByCohort: ['month', 'cohorts'],
  referralsBySource: ['month', 'sources'],
  referralsByUrgency: ['month', 'urgencies'],
  screening: ['month', 'statistics.buckets'],
  casesByStageAge: ['stages', 'statistics.ageBands'],
  interventionsByType: ['interventionTypes', 'interventionStatuses'],
  interventionsByAgency: ['agency', 'interventionStatuses'],
  reviewsOverdue: ['stages', 'statistics.overdueBands'],
  closuresByReason: ['month', 'work.closureReasons'],
  followUps: ['work.closureReasons', 'statistics.followUp'],
};

/** "2026-03" as the locale names a month ("Mar 2026", "مارس ٢٠٢٦"). */
export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat(formatLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T00:00:00Z`),
  );
}

/** "2026-03" short, for a chart's axis ("3/26", "٣/٢٦"). */
export function monthTick(month: string): string {
  return new Intl.DateTimeFormat(formatLocale(), { month: 'numeric', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(`${month}-15T00:00:00Z`),
  );
}

/** The words of a row or column key on an axis. */
export function keyLabel(axis: Axis, key: string, agencies: Record<string, string>): string {
  if (axis === 'month') return monthLabel(key);
  if (axis === 'agency') return agencies[key] ?? key;
  if (key === UNRECORDED) return t('statistics.unrecorded');
  return tKey(axis, key);
}

/** A shown value: a number in the locale's digits, "<5", or "*". */
export function shownText(v: Shown): string {
  if (typeof v === 'number') return formatNumber(v);
  return v === '<5' ? t('statistics.small') : t('statistics.hidden');
}

/** The plotted value: suppressed counts are left out (null). */
export const plotted = (v: Shown): number | null => (typeof v === 'number' ? v : null);

/** This year, as the page opens. */
export function defaultPeriod(now = new Date()): Period {
  return { year: now.getFullYear() };
}

/** A year in the locale's digits, without grouping ("2026", "٢٠٢٦"). */
export function yearLabel(year: number): string {
  return new Intl.NumberFormat(formatLocale(), { useGrouping: false }).format(year);
}

/** The years a request may name, newest first (from the municipality's first records to this year). */
export function yearsOf(range: { first: number; last: number }): number[] {
  return Array.from({ length: range.last - range.first + 1 }, (_, i) => range.last - i);
}

/** Saves the figures of the year as a CSV file (the same suppressed values; audited as an export). */
export async function downloadCsv(period: Period) {
  const file = await trpc.statistics.export.mutate(period);
  const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
