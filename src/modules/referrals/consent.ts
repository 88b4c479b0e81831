import { AppError } from '../../errors.js';
import type { ConsentInput } from './schema.js';

export interface Birth {
  birthDate?: Date | null;
  birthYear?: number | null;
}

/**
 * Whether the person may be under 18 on `now`. With only a birth year, someone who turns 18 this
 * year counts as a minor: child protection errs towards asking a guardian, and a full date of birth
 * settles it. With no birth data at all we cannot tell, and do not block the referral.
 */
export function mayBeMinor(birth: Birth, now: Date): boolean {
  if (birth.birthDate) {
    const b = birth.birthDate;
    return Date.UTC(b.getUTCFullYear() + 18, b.getUTCMonth(), b.getUTCDate()) > now.getTime();
  }
  if (birth.birthYear) return now.getUTCFullYear() - birth.birthYear <= 18;
  return false;
}

/**
 * The consent rules that need the clock and the person: consent for a minor comes from a guardian,
 * and consent cannot have been given in the future. Field errors, all at once.
 */
export function checkConsent(consent: ConsentInput, birth: Birth, now: Date): void {
  if (!consent.given) return;
  const fields: Record<string, string> = {};
  if (consent.by !== 'guardian' && mayBeMinor(birth, now)) fields['consent.by'] = 'guardian_required';
  if (consent.at.getTime() > now.getTime()) fields['consent.at'] = 'in_future';
  if (Object.keys(fields).length > 0) throw new AppError('BAD_INPUT', { fields });
}

/** The consent block's free words, each under the referral's key and bound to its row (crypto/rotate.ts). */
export const CONSENT_SCOPE_FIELD = 'referral.consent_scope';
export const JUSTIFICATION_FIELD = 'referral.legal_justification';

/** The consent block as columns of the referral row (its words still plain: the caller seals them). */
export function consentColumns(consent: ConsentInput) {
  return consent.given
    ? {
        consentGiven: true,
        consentBy: consent.by,
        consentAt: consent.at,
        consentScope: consent.scope,
        legalBasis: null,
        legalJustification: null,
      }
    : {
        consentGiven: false,
        consentBy: null,
        consentAt: null,
        consentScope: null,
        legalBasis: consent.legalBasis,
        legalJustification: consent.justification,
      };
}

/** The consent block as the client sent it, from the referral row. */
export function consentOf(row: {
  consentGiven: boolean;
  consentBy: 'person' | 'guardian' | null;
  consentAt: Date | null;
  consentScope: string | null;
  legalBasis: string | null;
  legalJustification: string | null;
}) {
  return row.consentGiven
    ? { given: true as const, by: row.consentBy, at: row.consentAt, scope: row.consentScope }
    : { given: false as const, legalBasis: row.legalBasis, justification: row.legalJustification };
}
