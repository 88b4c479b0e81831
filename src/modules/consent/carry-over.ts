import { randomUUID } from 'node:crypto';
import type { DbClient } from '../../db.js';
import { CONSENT_DEFAULT_MONTHS, CONSENT_PURPOSES } from '../../shared/vocabulary.js';

/**
 * A case opened from a referral whose referrer recorded consent starts with that consent as a record:
 * as broad as the referral's (every purpose, any partner agency: it named none), `unrecorded` as to how,
 * its scope text left where the referrer wrote it, expiring CONSENT_DEFAULT_MONTHS after it was given.
 * The key worker narrows or confirms it by renewing it (with the signed form, say).
 */
export async function carryOverConsent(
  db: DbClient,
  caseId: string,
  input: { municipalityId: string; referralId: string | null; at: Date },
) {
  const r = await db.referral.findFirst({
    where: { id: input.referralId!, municipalityId: input.municipalityId },
    select: { consentGiven: true, consentBy: true, consentAt: true },
  });
  if (!r?.consentGiven) return;
  const givenAt = r.consentAt ?? input.at;
  const expiresAt = new Date(givenAt);
  expiresAt.setUTCMonth(expiresAt.getUTCMonth() + CONSENT_DEFAULT_MONTHS);
  // Already past its year (an old referral screened late): recorded as it was, expired; the key worker renews it.
  await db.consent.create({
    data: {
      id: randomUUID(),
      municipalityId: input.municipalityId,
      caseId,
      givenBy: r.consentBy ?? 'person',
      // A referral's general consent never covers sending the file to another city: that is asked for on its own.
      purposes: CONSENT_PURPOSES.filter((p) => p !== 'transfer'),
      anyPartner: true,
      agencyIds: [],
      method: 'unrecorded',
      givenAt,
      expiresAt,
      referralId: input.referralId,
      recordedAt: input.at,
    },
  });
}
