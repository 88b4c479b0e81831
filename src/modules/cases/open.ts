import type { DbClient } from '../../db.js';
import type { AuditTrail } from '../../audit/writer.js';
import type { Cohort } from '../../generated/prisma/enums.js';
import { firstReviewDate } from './review.js';
import { carryOverConsent } from '../consent/carry-over.js';
import type { TimelineKind } from './timeline-policy.js';

/**
 * The next case reference of a municipality and year, `<CODE>-<YEAR>-<NNNN>`. The counter row is
 * locked by the UPDATE until the opening transaction commits, so concurrent openings queue and the
 * numbers have no gaps: a rolled-back opening gives its number back.
 */
export async function nextReference(db: DbClient, municipalityId: string, year: number): Promise<string> {
  await db.$executeRaw`INSERT INTO case_counter (municipality_id, year, last)
                       VALUES (${municipalityId}::uuid, ${year}, 0) ON CONFLICT DO NOTHING`;
  const [row] = await db.$queryRaw<{ last: number; code: string }[]>`
    UPDATE case_counter c SET last = c.last + 1
    FROM municipality m
    WHERE c.municipality_id = ${municipalityId}::uuid AND c.year = ${year} AND m.id = c.municipality_id
    RETURNING c.last, m.code`;
  return `${row!.code}-${year}-${String(row!.last).padStart(4, '0')}`;
}

export interface OpenCase {
  municipalityId: string;
  personId: string;
  referralId: string | null;
  cohort: Cohort;
  /** The municipality's cohort item the referral chose (modules/lists); none for older rows. */
  cohortItemId?: string | null;
  actorId: string;
  at: Date;
}

/** Opens a case in `intake` with its reference and first timeline entry; audited as case.open. */
export async function openCase(db: DbClient, audit: Pick<AuditTrail, 'record'>, input: OpenCase) {
  // Before the counter is locked: the lock is held until commit, so the critical section stays short.
  const nextReviewAt = await firstReviewDate(db, input.municipalityId, input.at);
  const reference = await nextReference(db, input.municipalityId, input.at.getUTCFullYear());
  const created = await db.case.create({
    data: {
      municipalityId: input.municipalityId,
      personId: input.personId,
      referralId: input.referralId,
      cohort: input.cohort,
      cohortItemId: input.cohortItemId ?? null,
      reference,
      openedAt: input.at,
      stage: 'intake',
      nextReviewAt,
    },
    select: { id: true, reference: true },
  });
  await db.caseEvent.create({
    data: {
      caseId: created.id,
      municipalityId: input.municipalityId,
      at: input.at,
      actorId: input.actorId,
      kind: 'opened' satisfies TimelineKind,
      data: { referralId: input.referralId },
    },
  });
  if (input.referralId) await carryOverConsent(db, created.id, input);
  audit.record({
    action: 'case.open',
    municipalityId: input.municipalityId,
    entityType: 'Case',
    entityId: created.id,
    detail: { reference, referralId: input.referralId },
  });
  return created;
}
