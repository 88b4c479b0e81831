import type { Role } from './vocabulary.js';

/**
 * The roles that work cases: they refer, hold or are shown cases, are assigned interventions and
 * tasks, and are invited to panel meetings. Admins and auditors never see case content.
 */
export const CASE_WORKER_ROLES = ['social_worker', 'coordinator', 'agency_practitioner'] as const satisfies readonly Role[];

/** Who may be a case's key worker. */
export const KEY_WORKER_ROLES = ['social_worker', 'coordinator'] as const satisfies readonly Role[];

/** Who a case may be disclosed to by name: coordinators see every case already. */
export const DISCLOSURE_RECIPIENT_ROLES = ['social_worker', 'agency_practitioner'] as const satisfies readonly Role[];

/** Whether `role` is one of `group`. */
export const hasRole = (group: readonly Role[], role: Role) => group.includes(role);
