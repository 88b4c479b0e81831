import { Prisma } from '../../../generated/prisma/client.js';
import { rawQuery, type DbClient } from '../../../db.js';

/** The events of one municipality's chain the rules look at this turn: seq in (from, to]. */
export interface Range {
  municipalityId: string;
  chain: string;
  from: number;
  to: number;
}

/** The municipality's working hours and the rules' thresholds (settings, see work/settings.ts). */
export interface RuleSettings {
  timeZone: string;
  weekendDays: number[];
  workdayStart: number;
  workdayEnd: number;
  bulkReadLimit: number;
  bulkReadMinutes: number;
  denialLimit: number;
}

/** The columns of the municipality that RuleSettings reads (shared with the admin's settings, work/flag-settings.ts). */
export const RULE_SETTINGS_SELECT = {
  timeZone: true,
  weekendDays: true,
  workdayStart: true,
  workdayEnd: true,
  bulkReadLimit: true,
  bulkReadMinutes: true,
  denialLimit: true,
} as const satisfies Record<keyof RuleSettings, true>;

/** One event that matched a rule, and what it matched (the key of the flag it belongs to). */
export interface Hit {
  kind: 'off_hours_read' | 'bulk_read' | 'repeated_denials' | 'read_outside_assignment' | 'checkpoint_stopped';
  key: string;
  subjectUserId: string | null;
  seq: number;
  detail: Record<string, unknown>;
}

// Roles whose events may open case content; admins' and auditors' never do.
const CASE_READERS = Prisma.sql`('social_worker', 'coordinator', 'agency_practitioner')`;
const inRange = (r: Range) => Prisma.sql`e.chain = ${r.chain} AND e.seq > ${r.from}::int AND e.seq <= ${r.to}::int`;

/**
 * Records (cases, people, referrals) opened outside the working hours or on a weekend day, in the
 * municipality's time zone: one flag per account and local day.
 */
export async function offHours(db: DbClient, r: Range, s: RuleSettings): Promise<Hit[]> {
  const rows = await rawQuery<{ seq: number; actor: string; day: string }>(
    db,
    Prisma.sql`
    SELECT e.seq, e.actor_id::text AS actor, to_char(l.t, 'YYYY-MM-DD') AS day
    FROM audit_event e CROSS JOIN LATERAL (SELECT e.at AT TIME ZONE ${s.timeZone} AS t) l
    WHERE ${inRange(r)} AND e.outcome = 'allowed' AND e.actor_role IN ${CASE_READERS}
      AND EXISTS (SELECT 1 FROM audit_event_touched(e.entity_type, e.entity_id, e.detail))
      AND (extract(dow FROM l.t)::int = ANY(${s.weekendDays}::int[])
           OR NOT (extract(hour FROM l.t) * 60 + extract(minute FROM l.t) >= ${s.workdayStart}
                   AND extract(hour FROM l.t) * 60 + extract(minute FROM l.t) < ${s.workdayEnd}))
    ORDER BY e.seq`,
  );
  return rows.map((x) => ({
    kind: 'off_hours_read',
    key: `off_hours_read:${x.actor}:${x.day}`,
    subjectUserId: x.actor,
    seq: x.seq,
    detail: { day: x.day, timeZone: s.timeZone },
  }));
}

/**
 * One account's events in fixed windows of `minutes` (aligned on the epoch) that a new event falls in,
 * each with its weight; a window whose total passes `limit` is flagged with all its events. The window
 * reads the (municipality, actor, at) index, so it also sees the events of earlier turns.
 */
async function windows(
  db: DbClient,
  r: Range,
  o: { kind: 'bulk_read' | 'repeated_denials'; outcome: 'allowed' | 'denied'; weight: Prisma.Sql; minutes: number; limit: number },
): Promise<Hit[]> {
  const w = o.minutes * 60;
  const rows = await rawQuery<{ seq: number; actor: string; start: Date; total: number }>(
    db,
    Prisma.sql`
    WITH pairs AS (
      SELECT DISTINCT e.actor_id, to_timestamp(floor(extract(epoch FROM e.at) / ${w}) * ${w}) AS start
      FROM audit_event e
      WHERE ${inRange(r)} AND e.actor_id IS NOT NULL AND e.outcome = ${o.outcome}::"AuditOutcome" AND ${o.weight} > 0
    ), counted AS (
      SELECT p.actor_id, p.start, x.seq, sum(x.weight) OVER (PARTITION BY p.actor_id, p.start)::int AS total
      FROM pairs p CROSS JOIN LATERAL (
        SELECT e.seq, ${o.weight} AS weight FROM audit_event e
        WHERE e.municipality_id = ${r.municipalityId}::uuid AND e.actor_id = p.actor_id
          AND e.at >= p.start AND e.at < p.start + make_interval(secs => ${w}) AND e.outcome = ${o.outcome}::"AuditOutcome"
      ) x WHERE x.weight > 0
    )
    SELECT seq, actor_id::text AS actor, start, total FROM counted WHERE total > ${o.limit} ORDER BY seq`,
  );
  return rows.map((x) => ({
    kind: o.kind,
    key: `${o.kind}:${x.actor}:${x.start.toISOString()}`,
    subjectUserId: x.actor,
    seq: x.seq,
    detail: { from: x.start.toISOString(), minutes: o.minutes, count: x.total, limit: o.limit },
  }));
}

/** More case pages or list rows (cases an event showed) by one account than the limit within the window. */
export const bulkReads = (db: DbClient, r: Range, s: RuleSettings) =>
  windows(db, r, {
    kind: 'bulk_read',
    outcome: 'allowed',
    weight: Prisma.sql`(SELECT count(*) FROM audit_event_touched(e.entity_type, e.entity_id, e.detail) t WHERE t.entity_type = 'Case')`,
    minutes: s.bulkReadMinutes,
    limit: s.bulkReadLimit,
  });

/** More refusals of one account than the limit within the window. */
export const repeatedDenials = (db: DbClient, r: Range, s: RuleSettings) =>
  windows(db, r, { kind: 'repeated_denials', outcome: 'denied', weight: Prisma.sql`1`, minutes: s.bulkReadMinutes, limit: s.denialLimit });

/**
 * A case shown to a social worker or practitioner who was, at that moment, neither its key worker nor
 * the recipient (by name or agency) of a live disclosure of it, nor the holder of a live break-glass. The authorisation should make this
 * impossible, so a flag here is a defect alarm. Coordinators see every case. One flag per account,
 * case and day.
 */
export async function outsideAssignment(db: DbClient, r: Range): Promise<Hit[]> {
  const rows = await rawQuery<{ seq: number; actor: string; caseId: string; day: string }>(
    db,
    Prisma.sql`
    SELECT e.seq, e.actor_id::text AS actor, t.entity_id::text AS "caseId", to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
    FROM audit_event e
    CROSS JOIN LATERAL audit_event_touched(e.entity_type, e.entity_id, e.detail) t
    JOIN app_user u ON u.id = e.actor_id
    WHERE ${inRange(r)} AND e.outcome = 'allowed' AND e.actor_role IN ('social_worker', 'agency_practitioner') AND t.entity_type = 'Case'
      AND NOT EXISTS (SELECT 1 FROM case_record c WHERE c.id = t.entity_id AND c.key_worker_id = e.actor_id)
      AND NOT EXISTS (
        SELECT 1 FROM disclosure d
        WHERE d.case_id = t.entity_id AND (d.user_id = e.actor_id OR d.agency_id = u.agency_id)
          AND d.created_at <= e.at AND d.expires_at > e.at AND (d.revoked_at IS NULL OR d.revoked_at > e.at))
      -- A live break-glass reaches the case too; its use is flagged on its own (break_glass).
      AND NOT EXISTS (
        SELECT 1 FROM break_glass b
        WHERE b.case_id = t.entity_id AND b.user_id = e.actor_id AND b.granted_at <= e.at AND b.expires_at > e.at)
    ORDER BY e.seq`,
  );
  return rows.map((x) => ({
    kind: 'read_outside_assignment',
    key: `read_outside_assignment:${x.actor}:${x.caseId}:${x.day}`,
    subjectUserId: x.actor,
    seq: x.seq,
    detail: { caseId: x.caseId },
  }));
}
