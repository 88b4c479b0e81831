import { randomUUID } from 'node:crypto';
import type { TRPCDefaultErrorShape, TRPCError } from '@trpc/server';
import type { Db } from '../../src/db.js';
import { formatError } from '../../src/trpc/errors.js';
import { auditedTransaction } from '../../src/audit/writer.js';
import { openCase } from '../../src/modules/cases/open.js';
import type { CaseSection, CaseStage, Cohort, LegalBasis, PurposeCode } from '../../src/generated/prisma/enums.js';
import { purposeWordsAad } from '../../src/modules/cases/purpose-bans.js';
import { testKeyring } from './callers.js';
import type { makeTown } from './factories.js';
import { makePerson } from './people-factories.js';

export type Town = Awaited<ReturnType<typeof makeTown>>;

/** When factory-made cases open: the manual clock's default start. */
export const OPENED_AT = new Date('2026-01-15T09:00:00Z');

export interface MakeCase {
  keyWorkerId?: string | null;
  leadAgencyId?: string | null;
  stage?: CaseStage;
  cohort?: Cohort;
  /** Stored encrypted, as cases.updateSummary would. */
  summary?: string;
  /** Whether the referral recorded consent (default true); false means a legal basis instead. */
  consentGiven?: boolean;
  openedAt?: Date;
  person?: { nameArabic?: string; nameLatin?: string };
}

/**
 * A case as screening would open it (a referral, then `openCase` with its reference, timeline
 * entry and audit event; a referral's consent becomes the case's first consent record), then moved to the requested stage and assignment. Synthetic data only.
 */
export async function makeCase(db: Db, town: Town, data: MakeCase = {}) {
  const municipalityId = town.town.id;
  const at = data.openedAt ?? OPENED_AT;
  const cohort = data.cohort ?? 'youth';
  const person = await makePerson(db, municipalityId, { ...data.person, cohort });
  const consentGiven = data.consentGiven ?? true;
  const referral = await db.referral.create({
    data: {
      municipalityId,
      personId: person.id,
      referrerId: town.socialWorker.id,
      cohort,
      source: 'school',
      concernCategories: ['isolation'],
      concernText: testKeyring.encrypt('Synthetic concern for a case factory.', 'referral.concern'),
      urgency: 'routine',
      consentGiven,
      consentBy: consentGiven ? 'guardian' : null,
      consentAt: consentGiven ? at : null,
      legalBasis: consentGiven ? null : 'public_task',
      legalJustification: consentGiven ? null : 'Synthetic justification.',
      status: 'accepted',
      submittedAt: at,
      decidedAt: at,
      decidedById: town.coordinator.id,
    },
    select: { id: true },
  });
  const base = { municipalityId, actorId: town.coordinator.id, actorRole: 'coordinator' as const, requestId: 'factory', ip: null };
  const opened = await auditedTransaction(
    db,
    base,
    () => at,
    (tx, audit) =>
      openCase(tx, audit, { municipalityId, personId: person.id, referralId: referral.id, cohort, actorId: town.coordinator.id, at }),
  );
  await db.case.update({
    where: { id: opened.id },
    data: {
      stage: data.stage ?? 'intake',
      keyWorkerId: data.keyWorkerId === undefined ? town.socialWorker.id : data.keyWorkerId,
      leadAgencyId: data.leadAgencyId ?? null,
      summary: data.summary ? testKeyring.encrypt(data.summary, 'case.summary') : null,
    },
  });
  return { id: opened.id, reference: opened.reference, municipalityId, person, referralId: referral.id };
}

export interface MakeDisclosure {
  agencyId?: string;
  userId?: string;
  sections?: CaseSection[];
  legalBasis?: LegalBasis;
  expiresAt?: Date;
  revokedAt?: Date;
  /** Free words about the purpose, stored as the service would (encrypted, bound to the row). */
  purpose?: string;
  /** The core code of the listed purpose (the town's default one); support services unless said. */
  purposeCode?: PurposeCode;
  createdById: string;
}

/** The id of the municipality's default purpose with this core code (every town gets one per code). */
export async function purposeIdOf(db: Db, municipalityId: string, code: PurposeCode = 'support_services') {
  const row = await db.disclosurePurpose.findFirstOrThrow({
    where: { municipalityId, code, retiredAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  return row.id;
}

/** A disclosure row as cases.disclose would store it; by default all sections for 30 days. */
export async function makeDisclosure(db: Db, c: { id: string; municipalityId: string }, data: MakeDisclosure) {
  // On consent, it rests on the case's newest consent (the one carried over from the referral, by default).
  const consent =
    data.legalBasis === 'consent'
      ? await db.consent.findFirst({ where: { caseId: c.id }, orderBy: { recordedAt: 'desc' }, select: { id: true } })
      : null;
  const id = randomUUID();
  return db.disclosure.create({
    data: {
      id,
      caseId: c.id,
      municipalityId: c.municipalityId,
      agencyId: data.agencyId ?? null,
      userId: data.userId ?? null,
      purposeId: await purposeIdOf(db, c.municipalityId, data.purposeCode),
      purpose: testKeyring.encrypt(data.purpose ?? 'Synthetic purpose', purposeWordsAad(id)),
      sections: data.sections ?? ['summary', 'notes', 'plan', 'assessments'],
      legalBasis: data.legalBasis ?? 'public_task',
      expiresAt: data.expiresAt ?? new Date(OPENED_AT.getTime() + 30 * 86_400_000),
      createdAt: OPENED_AT,
      createdById: data.createdById,
      revokedAt: data.revokedAt ?? null,
      revokeReason: data.revokedAt ? 'Synthetic revocation' : null,
      consentId: consent?.id ?? null,
      consentPurpose: consent ? 'support_services' : null,
    },
    select: { id: true },
  });
}

/** How many audit events of `action` by `actorId` ended with `outcome`. */
export function auditCount(db: Db, actorId: string, action: string, outcome: 'allowed' | 'denied' = 'allowed') {
  return db.auditEvent.count({ where: { actorId, action, outcome } });
}

/** A refused call as the client sees it: the app code, field keys and info that formatError sends. */
export async function failure(call: Promise<unknown>, input?: unknown) {
  const error = await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: TRPCError) => e,
  );
  const shape = { code: 0, message: '', data: { code: error.code, httpStatus: 0 } } as unknown as TRPCDefaultErrorShape;
  const { message, data } = formatError({ shape, error, input });
  return { code: message, fields: data.fields, info: data.info };
}
