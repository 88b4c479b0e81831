import type { Prisma } from '../generated/prisma/client.js';

import type { AuditAction } from '../shared/audit-actions.js';

export { AUDIT_ACTIONS, type AuditAction } from '../shared/audit-actions.js';

/**
 * The narrower actions a procedure's event may be recorded under, by what the call turned out to do:
 * an update that deactivates an agency is `agency.deactivate`. A service may name no other action of
 * its own procedure (ProcedureAudit.narrow).
 */
export const NARROWER: Partial<Record<AuditAction, readonly AuditAction[]>> = {
  'agency.update': ['agency.deactivate', 'agency.reactivate'],
  'assessment.factor.update': ['assessment.factor.retire', 'assessment.factor.reactivate'],
  'purpose.update': ['purpose.retire', 'purpose.restore'],
  'list.update': ['list.retire', 'list.restore'],
};

/** What an event is about: a model of the schema. */
export type EntityType = Prisma.ModelName;
