import { z } from 'zod';
import { instant, text } from '../../lib/text.js';
import { CONSENT_BY, CONSENT_METHODS, CONSENT_PURPOSES, CONSENT_RELATIONSHIPS } from '../../shared/vocabulary.js';

const Id = z.uuid();

/**
 * A consent as the key worker records it from the form. Who gave it: the person, or a guardian named
 * with their relationship; how: verbal, or written on a signed paper form (its reference). `expiresAt`
 * is optional: CONSENT_DEFAULT_MONTHS after `givenAt`. Rules that need the clock are in the service.
 */
const ConsentFields = z.object({
  caseId: Id,
  givenBy: z.enum(CONSENT_BY),
  giverName: text().min(2).max(160).optional(),
  relationship: z.enum(CONSENT_RELATIONSHIPS).optional(),
  purposes: z
    .array(z.enum(CONSENT_PURPOSES))
    .min(1)
    .max(CONSENT_PURPOSES.length)
    .refine((p) => new Set(p).size === p.length, { message: 'duplicate' }),
  anyPartner: z.boolean(),
  agencyIds: z
    .array(Id)
    .max(50)
    .default([])
    .refine((a) => new Set(a).size === a.length, { message: 'duplicate' }),
  method: z.enum(CONSENT_METHODS),
  formReference: text().min(1).max(60).optional(),
  givenAt: instant(),
  expiresAt: instant().optional(),
  scope: text().min(3).max(2000).optional(),
});

function rules(c: z.infer<typeof ConsentFields>, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (c.givenBy === 'guardian' && !c.giverName) issue('giverName', 'required');
  if (c.givenBy === 'guardian' && !c.relationship) issue('relationship', 'required');
  if (c.givenBy === 'person' && (c.giverName || c.relationship)) issue('givenBy', 'person_has_no_guardian');
  if (c.method === 'written' && !c.formReference) issue('formReference', 'required');
  if (!c.anyPartner && c.agencyIds.length === 0) issue('agencyIds', 'required');
  if (c.expiresAt && c.expiresAt <= c.givenAt) issue('expiresAt', 'too_small');
}

export const RecordConsentInput = ConsentFields.superRefine(rules);
export type RecordConsent = z.infer<typeof RecordConsentInput>;

/** A renewal: a new consent that replaces `renewsId` (live, expired or withdrawn) of the same case. */
export const RenewConsentInput = ConsentFields.extend({ renewsId: Id }).superRefine(rules);
export type RenewConsent = z.infer<typeof RenewConsentInput>;

/** Withdraws one consent, or every live consent of the case when none is named. */
export const WithdrawConsentInput = z.object({ caseId: Id, consentId: Id.optional(), note: text().min(1).max(20_000).optional() });
export type WithdrawConsent = z.infer<typeof WithdrawConsentInput>;

export const CaseConsentsInput = z.object({ caseId: Id });
export const ConsentFormInput = z.object({ caseId: Id, consentId: Id });
