/**
 * Purpose limitation: which consent purposes can cover a disclosure for each core purpose, and the
 * purpose bans (DESIGN: "information shared for prevention may not be exported for criminal
 * investigation"). Shared so the disclosure form offers only what the server will accept; the server
 * decides (modules/cases/purpose-bans.ts).
 */
import { CONSENT_PURPOSES, type CaseSection, type ConsentPurpose, type LegalBasis, type PurposeCode } from './vocabulary.js';

/**
 * The consent purposes (what a person agreed to) that may cover a disclosure made for each core
 * purpose. Criminal investigation has none: it never rests on consent. 'other' names no use of its
 * own, so the consent's purposes alone decide.
 */
export const CONSENT_FOR_PURPOSE: Record<PurposeCode, readonly ConsentPurpose[]> = {
  prevention: ['assessment', 'support_services', 'panel_review', 'follow_up'],
  safeguarding: ['assessment', 'support_services'],
  support_services: ['support_services'],
  education: ['education'],
  health: ['health'],
  employment: ['support_services'],
  panel_review: ['panel_review'],
  follow_up: ['follow_up'],
  criminal_investigation: [],
  // A consent to a transfer covers the transfer only (modules/transfers), never a disclosure.
  other: CONSENT_PURPOSES.filter((p) => p !== 'transfer'),
};

/** Why a disclosure is refused under the purpose rules (errors PURPOSE_BANNED, translated per rule). */
export const PURPOSE_RULES = [
  // Nothing disclosed for prevention goes to a police liaison for a criminal investigation.
  'prevention_to_investigation',
  // A police liaison never rests on consent: consent given to a prevention network is not free towards the police.
  'police_needs_legal_basis',
  // Restricted notes never reach a police liaison: its staff may not be a case's key worker (who reads them).
  'police_restricted_notes',
  // A purpose no consent can cover (criminal investigation) on legal basis 'consent'.
  'consent_not_for_purpose',
] as const;
export type PurposeRule = (typeof PURPOSE_RULES)[number];

/** The facts the rules look at for one disclosure asked for. */
export interface PurposeCheck {
  code: PurposeCode;
  legalBasis: LegalBasis;
  consentPurpose?: ConsentPurpose | null;
  sections: readonly CaseSection[];
  /** The recipient is a police-liaison agency, or a user of one. */
  toPolice: boolean;
  /** The sections of this case ever disclosed (to anyone, revoked and expired included) for prevention. */
  preventionSections: readonly CaseSection[];
}

/** The first rule a disclosure breaks, with the field it is about; null when none does. */
export function brokenRule(d: PurposeCheck): { rule: PurposeRule; field: string } | null {
  if (d.legalBasis === 'consent' && CONSENT_FOR_PURPOSE[d.code].length === 0)
    return { rule: 'consent_not_for_purpose', field: 'legalBasis' };
  if (!d.toPolice) return null;
  if (d.legalBasis === 'consent') return { rule: 'police_needs_legal_basis', field: 'legalBasis' };
  if (d.code === 'criminal_investigation' && d.sections.some((s) => d.preventionSections.includes(s)))
    return { rule: 'prevention_to_investigation', field: 'purposeId' };
  return null;
}
