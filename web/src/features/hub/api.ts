import { query } from '@solidjs/router';
import { tKey } from '../../i18n';
import { formatLocale } from '../../lib/region';
import { trpc, type Outputs } from '../../lib/trpc';
import { UNRECORDED } from '../../../../src/shared/statistics';
import type { HubFigure } from '../../../../src/shared/hub';
import { t } from '../../i18n';

export type HubFigures = Outputs['hub']['figures'];
export type HubShown = HubFigures['figures'][number];

/**
 * A published year of the hub's figures (hub analysts), or the last published when `year` is undefined.
 * Suppressed on the server across cities, countries and the hub, stored at its first request and never
 * changed after; audited.
 */
export const getHubFigures = query((year: number | undefined) => trpc.hub.figures.query(year === undefined ? {} : { year }), 'hub.figures');
/** The hub's members and the cities that could join (the hub's admin). */
export const getMembers = query(() => trpc.hub.members.query(), 'hub.members');
/** The hubs the admin's city belongs to, and whether it shares with each (the city's admin). */
export const getMemberships = query(() => trpc.hub.memberships.query(), 'hub.memberships');

/** The dictionary prefix that names each figure's columns (the core codes). */
export const COLUMNS: Record<HubFigure, string> = {
  referralsByCohort: 'cohorts',
  referralsBySource: 'sources',
  referralsByUrgency: 'urgencies',
  casesByStage: 'stages',
  interventionsByType: 'interventionTypes',
  closuresByReason: 'work.closureReasons',
};

/** A column's words: the core code's label, or "not recorded". */
export const columnLabel = (figure: HubFigure, key: string) =>
  key === UNRECORDED ? t('statistics.unrecorded') : tKey(COLUMNS[figure], key);

/** A country code in the reader's language ("JO" → "Jordanie", "الأردن"). */
export function countryLabel(code: string): string {
  return new Intl.DisplayNames([formatLocale()], { type: 'region' }).of(code) ?? code;
}
