import type { ReminderKind } from '../shared/vocabulary.js';

/** One thing due for one user: what a reminder row records (its unique key is user, kind, entity, due day). */
export interface DueItem {
  userId: string;
  kind: ReminderKind;
  entityType: 'Case' | 'Intervention' | 'CaseTask' | 'Referral' | 'Disclosure' | 'Consent' | 'OnwardReferral';
  entityId: string;
  caseId: string | null;
  dueAt: Date;
}
