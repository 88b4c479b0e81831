import type { z } from 'zod';
import type { Db } from '../../src/db.js';
import type { Keyring } from '../../src/crypto/keyring.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { openCase } from '../../src/modules/cases/open.js';
import { CONCERN_FIELD } from '../../src/modules/referrals/create.js';
import type { Cohort, ReferralStatus, Urgency } from '../../src/generated/prisma/enums.js';
import type { Prisma } from '../../src/generated/prisma/client.js';
import type { CreateReferralInput } from '../../src/modules/referrals/schema.js';
import { makePerson } from './people-factories.js';

type CreateReferral = z.input<typeof CreateReferralInput>;

export interface MakeReferral {
  /** The municipality: `makeTown(db)`'s result, or anything with the municipality's id. */
  town: { town: { id: string } } | { id: string };
  referrer: { id: string; agencyId?: string | null };
  /** The person referred; a new synthetic one by default. */
  person?: { id: string };
  /** `accepted` also opens the case, as screening would. */
  status?: ReferralStatus;
  /** Who screened it (for any status but `submitted`); the referrer unless given. */
  decidedBy?: { id: string };
  urgency?: Urgency;
  cohort?: Cohort;
  submittedAt?: Date;
  concernText?: string;
  concernCategories?: string[];
}

/**
 * A referral as `referrals.create` (and, for a decided status, `referrals.screen`) would store it:
 * concern encrypted under `keyring`, consent given by a guardian. Synthetic data only.
 */
export async function makeReferral(db: Db, keyring: Keyring, data: MakeReferral) {
  const municipalityId = 'town' in data.town ? data.town.town.id : data.town.id;
  const person = data.person ?? (await makePerson(db, municipalityId));
  const status = data.status ?? 'submitted';
  const submittedAt = data.submittedAt ?? new Date('2026-01-12T10:00:00Z');
  const concernText = data.concernText ?? 'Synthetic concern: repeats slogans heard online and withdrew from friends.';
  const decidedAt = status === 'submitted' ? null : new Date(submittedAt.getTime() + 86_400_000);
  const decidedById = status === 'submitted' ? null : (data.decidedBy ?? data.referrer).id;
  const referral = await db.referral.create({
    data: {
      municipalityId,
      personId: person.id,
      referrerId: data.referrer.id,
      referrerAgencyId: data.referrer.agencyId ?? null,
      cohort: data.cohort ?? 'youth',
      source: 'school',
      concernCategories: data.concernCategories ?? ['online_radicalisation'],
      concernText: keyring.encrypt(concernText, CONCERN_FIELD),
      urgency: data.urgency ?? 'routine',
      consentGiven: true,
      consentBy: 'guardian',
      consentAt: submittedAt,
      consentScope: 'Referral to the local prevention network',
      status,
      submittedAt,
      decidedAt,
      decidedById,
      signpostTo: status === 'signposted' ? 'Youth centre' : null,
      closeReason: status === 'closed' ? 'insufficient_information' : null,
      decisionReason: status === 'signposted' || status === 'closed' ? 'Synthetic minuted reason for the decision.' : null,
    },
    select: { id: true, personId: true, municipalityId: true, status: true, submittedAt: true },
  });
  const opened = status === 'accepted' ? await openFor(db, referral, decidedById!, decidedAt!, data.cohort ?? 'youth') : null;
  return { ...referral, concernText, case: opened };
}

/** Opens the accepted referral's case with its gap-free reference, audited like the real thing. */
async function openFor(
  db: Db,
  referral: { id: string; personId: string; municipalityId: string },
  actorId: string,
  at: Date,
  cohort: Cohort,
) {
  return db.$transaction(async (tx) => {
    const audit = new AuditTrail(
      { municipalityId: referral.municipalityId, actorId, actorRole: 'coordinator', requestId: 'factory', ip: null },
      () => at,
    );
    const opened = await openCase(tx, audit, {
      municipalityId: referral.municipalityId,
      personId: referral.personId,
      referralId: referral.id,
      cohort,
      actorId,
      at,
    });
    await audit.flush(tx);
    return opened;
  });
}

/** Valid `referrals.create` input about a new adult person; override any part. */
export function referralInput(over: Partial<CreateReferral> = {}): CreateReferral {
  return {
    newPerson: { nameLatin: 'Karim Synthetic', nameArabic: 'كريم', birthYear: 1990, cohort: 'returnee' },
    cohort: 'returnee',
    source: 'social_services',
    concernCategories: ['contact_with_extremists', 'isolation'],
    concernText: 'Synthetic concern: back from abroad, keeps contact with a recruiter online.',
    urgency: 'priority',
    consent: { given: true, by: 'person', at: new Date('2026-01-14T10:00:00Z'), scope: 'Support through the prevention network' },
    ...over,
  };
}

/**
 * A bare referral row for `db.referral.createMany` (counts only: no record key, no audit, plain
 * synthetic words): what statistics and the hub count, at the time and with the fields given.
 */
export function referralRow(
  town: { town: { id: string }; socialWorker: { id: string } },
  person: { id: string },
  over: Partial<Prisma.ReferralCreateManyInput> & { submittedAt: Date },
): Prisma.ReferralCreateManyInput {
  return {
    municipalityId: town.town.id,
    personId: person.id,
    referrerId: town.socialWorker.id,
    cohort: 'youth',
    source: 'school',
    concernCategories: ['isolation'],
    concernText: 'synthetic',
    urgency: 'routine',
    consentGiven: true,
    status: 'submitted',
    ...over,
  };
}
