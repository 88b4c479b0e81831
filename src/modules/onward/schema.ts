import { z } from 'zod';
import { text } from '../../lib/text.js';
import { CASE_SECTIONS, CONSENT_PURPOSES, INTERVENTION_TYPES, LEGAL_BASES, ONWARD_OUTCOMES } from '../../shared/vocabulary.js';

const Id = z.uuid();
const unique = <T>(list: T[]) => new Set(list).size === list.length;

/** What the receiver is told: the sender's words, and which facts about the person go with them. */
export const Summary = z.object({
  summary: text().min(10).max(4000),
  shareName: z.boolean().default(false),
  shareBirthYear: z.boolean().default(false),
  shareCohort: z.boolean().default(false),
});

/**
 * A disclosure to the receiving agency, made by the disclosure service when the agency accepts (so every
 * rule of a disclosure applies then): the sections, the purpose, the legal basis (on consent, the live
 * consent and its purpose) and how many days it lasts from the acceptance.
 */
const ProposedDisclosure = z
  .object({
    sections: z.array(z.enum(CASE_SECTIONS)).min(1).refine(unique, { message: 'duplicate' }),
    /** A purpose of the municipality's list (modules/purposes); the purpose bans are checked on acceptance. */
    purposeId: Id,
    purposeWords: text().min(3).max(300).optional(),
    legalBasis: z.enum(LEGAL_BASES),
    consentId: Id.optional(),
    consentPurpose: z.enum(CONSENT_PURPOSES).optional(),
    days: z.number().int().min(1).max(365),
  })
  .refine((d) => d.legalBasis !== 'consent' || d.consentId, { message: 'required', path: ['consentId'] })
  .refine((d) => d.legalBasis !== 'consent' || d.consentPurpose, { message: 'required', path: ['consentPurpose'] });
export type ProposedDisclosure = z.infer<typeof ProposedDisclosure>;

/** An intervention of the case's plan for the receiving agency, assigned to the practitioner who accepts. */
const ProposedIntervention = z.object({
  type: z.enum(INTERVENTION_TYPES),
  /** The municipality's live intervention-type item (modules/lists): `type` is taken from it. */
  typeItemId: Id.optional(),
  title: text().min(1).max(200),
});

const Onward = Summary.extend({
  agencyId: Id,
  disclosure: ProposedDisclosure.optional(),
  intervention: ProposedIntervention.optional(),
});

/** Refers a case on to an agency of the directory (key worker or coordinator). */
export const SendOnwardInput = Onward.extend({ caseId: Id });
export type SendOnward = z.infer<typeof SendOnwardInput>;

/** Sends a declined onward referral again, to the same agency or another, with words that may differ. */
export const ResendOnwardInput = Onward.extend({ id: Id });
export type ResendOnward = z.infer<typeof ResendOnwardInput>;

export const OnwardIdInput = z.object({ id: Id });
export const CaseOnwardInput = z.object({ caseId: Id });
export const ReferralOnwardInput = z.object({ referralId: Id });
export const InboxInput = z.object({ answered: z.boolean().default(false) }).default({ answered: false });

/** A decline names its reason: the sender reads it to decide where to send next. */
export const DeclineOnwardInput = z.object({ id: Id, reason: text().min(10).max(2000) });
export type DeclineOnward = z.infer<typeof DeclineOnwardInput>;

export const OnwardOutcomeInput = z.object({ id: Id, outcome: z.enum(ONWARD_OUTCOMES), note: text().max(2000).optional() });
export type OnwardOutcomeRecord = z.infer<typeof OnwardOutcomeInput>;
