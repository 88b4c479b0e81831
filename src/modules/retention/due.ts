import { Prisma } from '../../generated/prisma/client.js';
import type { DbClient } from '../../db.js';
import type { RetentionRecordType } from './schema.js';

/**
 * How long a subject-access request that is prepared but not released keeps its person's records from
 * retention: the person asked for what is held, so it is not destroyed while the answer is prepared
 * (the laws give a month or so to answer; a request left unreleased longer stops holding).
 */
export const ACCESS_REQUEST_HOLD_DAYS = 90;

/** A record a rule reaches by `horizon`: when it falls due, and whether a legal hold or an open subject-access request stops it. */
export interface DueRecord {
  recordType: RetentionRecordType;
  kind: 'Case' | 'Referral';
  id: string;
  /** The case's reference, or the referral's short reference (its id's first 8 characters, as printed). */
  reference: string;
  personId: string;
  /** The case's referral (carried away with it); null for a referral. */
  referralId: string | null;
  dueAt: Date;
  held: boolean;
  /** A subject-access request about the person is being prepared: kept until it is released. */
  accessRequest: boolean;
}

interface Options {
  municipalityId: string;
  months: number;
  horizon: Date;
  /** Now: an unreleased subject-access request holds for ACCESS_REQUEST_HOLD_DAYS from its preparation. */
  now: Date;
  limit: number;
  /** True for the job: held records and the rows' locks (FOR UPDATE). */
  forJob?: boolean;
}

const STATUS: Record<Exclude<RetentionRecordType, 'case_closed'>, 'closed' | 'signposted'> = {
  referral_closed: 'closed',
  referral_signposted: 'signposted',
};

/**
 * The records of one rule that are due by `horizon`, oldest due first: a referral closed or signposted
 * (counted from the screening decision), a closed case (from its closure, or its follow-up date when
 * later). Never one already anonymised. The job passes `forJob`: held cases, and the records of a person
 * whose subject-access request is being prepared, are left out and the rows are locked until its
 * transaction ends, so a hold placed meanwhile waits for it or wins.
 */
export async function dueRecords(db: DbClient, recordType: RetentionRecordType, o: Options): Promise<DueRecord[]> {
  const every = Prisma.sql`make_interval(months => ${o.months}::int)`;
  const asked = (person: Prisma.Sql) => Prisma.sql`EXISTS (
    SELECT 1 FROM subject_access_request s
     WHERE s.municipality_id = ${o.municipalityId}::uuid AND s.person_id = ${person} AND s.released_at IS NULL
       AND s.created_at > ${o.now}::timestamptz - make_interval(days => ${ACCESS_REQUEST_HOLD_DAYS}::int))`;
  if (recordType === 'case_closed') {
    const held = Prisma.sql`EXISTS (SELECT 1 FROM legal_hold h WHERE h.case_id = c.id AND h.lifted_at IS NULL)`;
    const rows = await db.$queryRaw<
      {
        id: string;
        reference: string;
        person_id: string;
        referral_id: string | null;
        due_at: Date;
        held: boolean;
        access_request: boolean;
      }[]
    >`
      SELECT c.id, c.reference, c.person_id, c.referral_id, d.due_at, ${held} AS held, ${asked(Prisma.sql`c.person_id`)} AS access_request
        FROM case_record c
        CROSS JOIN LATERAL (SELECT GREATEST(c.closed_at, c.follow_up_at::timestamptz) + ${every} AS due_at) d
       WHERE c.municipality_id = ${o.municipalityId}::uuid AND c.anonymised_at IS NULL
         AND c.stage IN ('closed', 'follow_up') AND c.closed_at IS NOT NULL AND d.due_at <= ${o.horizon}
         ${o.forJob ? Prisma.sql`AND NOT ${held} AND NOT ${asked(Prisma.sql`c.person_id`)}` : Prisma.empty}
       ORDER BY d.due_at, c.id LIMIT ${o.limit}
       ${o.forJob ? Prisma.sql`FOR UPDATE OF c` : Prisma.empty}`;
    return rows.map((r) => ({
      recordType,
      kind: 'Case',
      id: r.id,
      reference: r.reference,
      personId: r.person_id,
      referralId: r.referral_id,
      dueAt: r.due_at,
      held: r.held,
      accessRequest: r.access_request,
    }));
  }
  const rows = await db.$queryRaw<{ id: string; person_id: string; due_at: Date; access_request: boolean }[]>`
    SELECT r.id, r.person_id, r.decided_at + ${every} AS due_at, ${asked(Prisma.sql`r.person_id`)} AS access_request
      FROM referral r
     WHERE r.municipality_id = ${o.municipalityId}::uuid AND r.anonymised_at IS NULL
       AND r.status = ${STATUS[recordType]}::"ReferralStatus" AND r.decided_at IS NOT NULL
       AND r.decided_at + ${every} <= ${o.horizon}
       AND NOT EXISTS (SELECT 1 FROM case_record c WHERE c.referral_id = r.id)
       ${o.forJob ? Prisma.sql`AND NOT ${asked(Prisma.sql`r.person_id`)}` : Prisma.empty}
     ORDER BY due_at, r.id LIMIT ${o.limit}
     ${o.forJob ? Prisma.sql`FOR UPDATE OF r` : Prisma.empty}`;
  return rows.map((r) => ({
    recordType,
    kind: 'Referral',
    id: r.id,
    reference: r.id.slice(0, 8).toUpperCase(),
    personId: r.person_id,
    referralId: null,
    dueAt: r.due_at,
    held: false,
    accessRequest: r.access_request,
  }));
}
