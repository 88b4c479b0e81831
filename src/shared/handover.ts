import { CASE_WORKER_ROLES, DISCLOSURE_RECIPIENT_ROLES, KEY_WORKER_ROLES, hasRole } from './roles.js';
import type { Role } from './vocabulary.js';

/** What can be handed over from one account to another (users.caseload, users.handover). */
export const CASELOAD_KINDS = ['case', 'intervention', 'task', 'invitation', 'disclosure'] as const;
export type CaseloadKind = (typeof CASELOAD_KINDS)[number];

/** The receiving account, as far as eligibility goes. */
export interface Receiver {
  role: Role;
  agencyId: string | null;
}

/**
 * Whether `to` may take over an item of `kind` (the server checks it; the web offers only those):
 * a case goes to a key worker role; an intervention, task or invitation to anyone who works cases,
 * but an intervention to a practitioner only of its responsible agency; a disclosure by name to a
 * social worker or practitioner, or to a coordinator, who sees every case already (it is then ended).
 */
export function mayReceive(kind: CaseloadKind, to: Receiver, item: { agencyId: string | null }): boolean {
  switch (kind) {
    case 'case':
      return hasRole(KEY_WORKER_ROLES, to.role);
    case 'intervention':
      return hasRole(CASE_WORKER_ROLES, to.role) && (to.role !== 'agency_practitioner' || to.agencyId === item.agencyId);
    case 'task':
    case 'invitation':
      return hasRole(CASE_WORKER_ROLES, to.role);
    case 'disclosure':
      return hasRole(DISCLOSURE_RECIPIENT_ROLES, to.role) || to.role === 'coordinator';
  }
}
