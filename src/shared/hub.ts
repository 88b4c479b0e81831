import type { Role } from './vocabulary.js';

/**
 * The hub's figures, shared by the server (which counts) and the web (which names). Each counts a core
 * code (an enum column) of the member cities that share their figures, by city, by country and for the
 * hub; values are suppressed like the city's own statistics (shared/statistics.ts's marks).
 */
export const HUB_FIGURES = [
  'referralsByCohort',
  'referralsBySource',
  'referralsByUrgency',
  'casesByStage',
  'interventionsByType',
  'closuresByReason',
] as const;
export type HubFigure = (typeof HUB_FIGURES)[number];

/**
 * The roles a municipality of each kind may hold: a hub its analysts, its auditor (who reads the hub's own
 * audit chain) and its admin; a city every role but the hub analyst. The trigger app_user_role_fits_kind
 * (migration 20261207010000_hub_auditor) holds the same list.
 */
export const ROLES_OF_KIND = {
  hub: ['hub_analyst', 'auditor', 'admin'],
  city: ['social_worker', 'coordinator', 'agency_practitioner', 'auditor', 'admin'],
} as const satisfies Record<'city' | 'hub', readonly Role[]>;
