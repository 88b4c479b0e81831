import { z } from 'zod';
import { text } from '../../lib/text.js';
import { RETENTION_RECORD_TYPES } from '../../shared/vocabulary.js';

export { RETENTION_RECORD_TYPES, type RetentionRecordType } from '../../shared/vocabulary.js';

/** One month to ten years (the database checks the same range). */
export const RETENTION_MONTHS = { min: 1, max: 120 } as const;

export const SetRuleInput = z.object({
  recordType: z.enum(RETENTION_RECORD_TYPES),
  months: z.number().int().min(RETENTION_MONTHS.min).max(RETENTION_MONTHS.max),
  legalReference: text().min(3).max(300),
});
export type SetRule = z.infer<typeof SetRuleInput>;

export const CaseIdInput = z.object({ caseId: z.uuid() });

export const PlaceHoldInput = z.object({
  caseId: z.uuid(),
  reason: text().min(5).max(2_000),
});

export const CertificateIdInput = z.object({ id: z.uuid() });
