import { randomUUID } from 'node:crypto';
import type { Db, DbClient } from '../../db.js';
import type { Clock } from '../../lib/clock.js';
import { AuditTrail, type AuditBase } from '../../audit/writer.js';
import { anonymiseCases, anonymisePeople, anonymiseReferrals } from './anonymise.js';
import { ACCESS_REQUEST_HOLD_DAYS, dueRecords } from './due.js';
import { rulesOf, type RetentionRuleView } from './rules.js';

/** At most this many records of one rule per transaction; the next turn takes the rest. */
export const RETENTION_BATCH = 500;

export interface CertificateCounts {
  cases: number;
  referrals: number;
  people: number;
}

/**
 * One rule's due records anonymised in one transaction, with its audit event and deletion certificate.
 * The event (retention.anonymise, system actor) names the rule and the counts and lists the records in
 * `detail.touched`, so each one's access history shows when and under which rule it went; the
 * certificate keeps the event's id, seq and hash, to be checked against the verified chain. Nothing
 * due: nothing written. A per-municipality advisory lock makes concurrent runs take turns.
 */
async function runRule(db: Db, municipalityId: string, rule: RetentionRuleView, clock: Clock): Promise<CertificateCounts | null> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('jisr.retention'), hashtext(${municipalityId}))`;
      const at = clock();
      const locked = await dueRecords(tx, rule.recordType, {
        municipalityId,
        months: rule.months,
        horizon: at,
        now: at,
        limit: RETENTION_BATCH,
        forJob: true,
      });
      // Read again, now that the cases are locked: a hold committed while this statement waited for a row
      // is seen by this new statement (a hold placed from now on waits for this transaction, then finds it anonymised).
      const held = await heldAmong(
        tx,
        municipalityId,
        locked.filter((d) => d.kind === 'Case').map((d) => d.id),
      );
      const asked = await askedAmong(tx, municipalityId, [...new Set(locked.map((d) => d.personId))], at);
      const due = locked.filter((d) => !held.has(d.id) && !asked.has(d.personId));
      if (due.length === 0) return null;
      const caseIds = due.filter((d) => d.kind === 'Case').map((d) => d.id);
      const referralIds = [
        ...due.filter((d) => d.kind === 'Referral').map((d) => d.id),
        ...due.flatMap((d) => (d.referralId ? [d.referralId] : [])),
      ];
      const cases = await anonymiseCases(tx, municipalityId, caseIds, rule.recordType, at);
      const referrals = await anonymiseReferrals(tx, municipalityId, referralIds, rule.recordType, at);
      const people = await anonymisePeople(tx, municipalityId, [...new Set(due.map((d) => d.personId))], at);
      const counts: CertificateCounts = { cases, referrals, people: people.length };
      await certify(tx, { municipalityId, rule, at, counts, touched: { Case: caseIds, Referral: referralIds, Person: people } });
      return counts;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}

/** The cases among `ids` under a live legal hold. */
async function heldAmong(tx: DbClient, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx.$queryRaw<{ case_id: string }[]>`
    SELECT case_id FROM legal_hold WHERE municipality_id = ${municipalityId}::uuid AND case_id = ANY(${ids}::uuid[]) AND lifted_at IS NULL`;
  return new Set(rows.map((r) => r.case_id));
}

/** The people among `ids` with a subject-access request being prepared (due.ts ACCESS_REQUEST_HOLD_DAYS), read again under the locks. */
async function askedAmong(tx: DbClient, municipalityId: string, ids: string[], at: Date) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx.$queryRaw<{ person_id: string }[]>`
    SELECT DISTINCT person_id FROM subject_access_request
     WHERE municipality_id = ${municipalityId}::uuid AND person_id = ANY(${ids}::uuid[]) AND released_at IS NULL
       AND created_at > ${at}::timestamptz - make_interval(days => ${ACCESS_REQUEST_HOLD_DAYS}::int)`;
  return new Set(rows.map((r) => r.person_id));
}

/** The audit event of a rule's run, then the certificate that names it. */
async function certify(
  tx: DbClient,
  o: {
    municipalityId: string;
    rule: RetentionRuleView;
    at: Date;
    counts: CertificateCounts;
    touched: Record<'Case' | 'Referral' | 'Person', string[]>;
  },
) {
  const id = randomUUID();
  const requestId = `job:retention:${id}`;
  const base: AuditBase = { municipalityId: o.municipalityId, actorId: null, actorRole: null, requestId, ip: null };
  const audit = new AuditTrail(base, () => o.at);
  audit.record({
    action: 'retention.anonymise',
    entityType: 'Municipality',
    entityId: o.municipalityId,
    detail: {
      certificate: id,
      recordType: o.rule.recordType,
      months: o.rule.months,
      legalReference: o.rule.legalReference,
      counts: o.counts,
      touched: o.touched,
    },
  });
  // The certificate cites the event's place on the chain: appended now, under the chain head's lock.
  await audit.flush(tx, { onChain: true });
  const [event] = await tx.$queryRaw<{ id: bigint; seq: number; hash: string }[]>`
    SELECT id, seq, hash FROM audit_event
     WHERE municipality_id = ${o.municipalityId}::uuid AND action = 'retention.anonymise' AND request_id = ${requestId}
     ORDER BY id DESC LIMIT 1`;
  await tx.deletionCertificate.create({
    data: {
      id,
      municipalityId: o.municipalityId,
      recordType: o.rule.recordType,
      months: o.rule.months,
      legalReference: o.rule.legalReference,
      ranAt: o.at,
      counts: { ...o.counts },
      auditEventId: event!.id,
      auditSeq: event!.seq,
      auditHash: event!.hash,
    },
    select: { id: true },
  });
}

/** Every rule of one municipality, each until nothing of it is due (batches of RETENTION_BATCH). */
export async function runRetention(db: Db, municipalityId: string, clock: Clock) {
  const total = { certificates: 0, cases: 0, referrals: 0, people: 0 };
  for (const rule of await rulesOf(db, municipalityId)) {
    for (;;) {
      const counts = await runRule(db, municipalityId, rule, clock);
      if (!counts) break;
      total.certificates += 1;
      total.cases += counts.cases;
      total.referrals += counts.referrals;
      total.people += counts.people;
      // A short batch was the last of this rule.
      if ((rule.recordType === 'case_closed' ? counts.cases : counts.referrals) < RETENTION_BATCH) break;
    }
  }
  return total;
}
