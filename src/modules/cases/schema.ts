import { z } from 'zod';
import { cursorField, cursorId, cursorInstant } from '../../lib/cursor.js';
import { instant, text } from '../../lib/text.js';
import {
  CONSENT_PURPOSES,
  MANUAL_CLOSURE_REASONS,
  CASE_SECTIONS,
  CASE_STAGES,
  COHORTS,
  INTERVENTION_STATUSES,
  INTERVENTION_TYPES,
  LEGAL_BASES,
  NOTE_SENSITIVITIES,
} from '../../shared/vocabulary.js';

const Id = z.uuid();
/** Why a stage changed, a case closed, a disclosure ended: short, minuted, not case content. */
const Reason = text().min(3).max(500);
/** Where the next page starts: the time (opened, written) and id of the last row of the previous page. */
export const Position = z.strictObject({ at: cursorInstant, id: cursorId });
export type Position = z.output<typeof Position>;
/** Opaque keyset cursor from the previous page's `nextCursor`. */
const Cursor = cursorField(Position);

export const ListCasesInput = z
  .object({
    stage: z.enum(CASE_STAGES).optional(),
    cohort: z.enum(COHORTS).optional(),
    keyWorkerId: Id.optional(),
    leadAgencyId: Id.optional(),
    /** Prefix of the reference, any case: "amm-2026" finds AMM-2026-0001. */
    reference: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,40}$/)
      .optional(),
    /** Review overdue: not closed or in follow-up, and the next review date is before today. */
    overdue: z.boolean().optional(),
    cursor: Cursor.optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .default({ limit: 50 });

export const CaseIdInput = z.object({ id: Id });

/** `version`: the summary's version the form opened (a save against an older one is refused). */
const Version = z.number().int().min(1);

export const UpdateSummaryInput = z.object({ id: Id, version: Version, summary: text().max(20_000) });

export const ChangeStageInput = z.object({ id: Id, stage: z.enum(CASE_STAGES), reason: Reason });

export const AssignInput = z
  .object({ id: Id, keyWorkerId: Id.optional(), leadAgencyId: Id.optional() })
  .refine((a) => a.keyWorkerId || a.leadAgencyId, { message: 'required', path: ['keyWorkerId'] });

export const ReopenCaseInput = z.object({ id: Id, reason: Reason });

/**
 * Closing: a reason from the list, words (required for 'other'), the coordinator's explicit confirmation,
 * an optional follow-up in N months.
 */
export const CloseCaseInput = z
  .object({
    id: Id,
    closureReason: z.enum(MANUAL_CLOSURE_REASONS),
    /** The municipality's closure-reason item chosen (modules/lists): when given, `closureReason` is taken from it. */
    closureItemId: Id.optional(),
    reason: text().max(500).optional(),
    confirm: z.boolean().refine((v) => v, { message: 'required' }),
    followUpMonths: z.number().int().min(1).max(24).optional(),
  })
  .refine((c) => c.closureReason !== 'other' || (c.reason?.length ?? 0) >= 3, { message: 'required', path: ['reason'] });

/** A review: the next date (default one municipal interval ahead) and an optional minuted note. */
export const RecordReviewInput = z.object({
  caseId: Id,
  nextReviewAt: z.iso
    .date()
    .transform((d) => new Date(`${d}T00:00:00Z`))
    .optional(),
  note: text().min(1).max(500).optional(),
});

export const AddNoteInput = z.object({
  caseId: Id,
  body: text().min(1).max(20_000),
  sensitivity: z.enum(NOTE_SENSITIVITIES).default('standard'),
});

export const ListNotesInput = z.object({ caseId: Id, cursor: Cursor.optional(), limit: z.number().int().min(1).max(100).default(50) });

export const DiscloseInput = z
  .object({
    caseId: Id,
    agencyId: Id.optional(),
    userId: Id.optional(),
    /** A purpose of the municipality's list (modules/purposes), not retired. */
    purposeId: Id,
    /** Optional free words about the purpose: personal free text, stored encrypted. */
    purposeWords: text().min(3).max(300).optional(),
    sections: z
      .array(z.enum(CASE_SECTIONS))
      .min(1)
      .refine((s) => new Set(s).size === s.length, { message: 'duplicate' }),
    legalBasis: z.enum(LEGAL_BASES),
    /** Checked against the server's clock: in the future, at most a year ahead. */
    expiresAt: instant(),
    /** On consent: the live consent it rests on and which of its purposes it serves (consent/coverage.ts). */
    consentId: Id.optional(),
    consentPurpose: z.enum(CONSENT_PURPOSES).optional(),
  })
  .refine((d) => Boolean(d.agencyId) !== Boolean(d.userId), { message: 'one_recipient', path: ['agencyId'] })
  .refine((d) => d.legalBasis !== 'consent' || d.consentId, { message: 'required', path: ['consentId'] })
  .refine((d) => d.legalBasis !== 'consent' || d.consentPurpose, { message: 'required', path: ['consentPurpose'] });

export const RevokeDisclosureInput = z.object({ id: Id, reason: Reason });

/** Emergency access: the sections needed (at least one) and why, in words the auditor and the coordinators will review. */
export const BreakGlassInput = z.object({
  caseId: Id,
  sections: z
    .array(z.enum(CASE_SECTIONS))
    .min(1)
    .refine((s) => new Set(s).size === s.length, { message: 'duplicate' }),
  justification: text().min(20).max(2000),
});
export type BreakGlass = z.infer<typeof BreakGlassInput>;

export type ListCases = z.infer<typeof ListCasesInput>;
export type Disclose = z.infer<typeof DiscloseInput>;

/** A calendar day, `YYYY-MM-DD`, stored as a date without time. */
const Day = z.iso.date().transform((d) => new Date(`${d}T00:00:00Z`));

export const AddInterventionInput = z
  .object({
    caseId: Id,
    type: z.enum(INTERVENTION_TYPES),
    /** The municipality's intervention-type item chosen (modules/lists): when given, `type` is taken from it. */
    typeItemId: Id.optional(),
    title: text().min(1).max(200),
    agencyId: Id,
    assigneeId: Id.optional(),
    startDate: Day.optional(),
    dueDate: Day.optional(),
  })
  .refine((i) => !i.startDate || !i.dueDate || i.dueDate >= i.startDate, { message: 'before_start', path: ['dueDate'] });

export const UpdateInterventionInput = z
  .object({ id: Id, version: Version, status: z.enum(INTERVENTION_STATUSES).optional(), outcome: text().max(2000).optional() })
  .refine((u) => u.status !== undefined || u.outcome !== undefined, { message: 'required', path: ['status'] });

export type AddIntervention = z.infer<typeof AddInterventionInput>;
export type UpdateIntervention = z.infer<typeof UpdateInterventionInput>;
