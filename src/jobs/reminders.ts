import type { Db } from '../db.js';
import type { Clock } from '../lib/clock.js';
import { AuditTrail, type AuditBase } from '../audit/writer.js';
import { dueItems, type DueItem } from './due.js';
import { endExpiredConsentDisclosures } from '../modules/consent/expiry.js';

export interface SweepResult {
  municipalities: number;
  /** Reminder rows inserted by this sweep. */
  created: number;
  /** Reminders no longer due (done, reviewed, closed, reassigned…), marked dismissed by this sweep. */
  resolved: number;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const columns = (items: DueItem[]) => ({
  users: items.map((i) => i.userId),
  kinds: items.map((i) => i.kind as string),
  types: items.map((i) => i.entityType as string),
  entities: items.map((i) => i.entityId),
  cases: items.map((i) => i.caseId),
  dues: items.map((i) => day(i.dueAt)),
});

/**
 * One municipality's reminders brought in line with what is due at `now`, in one transaction:
 * 1. every due item gets its reminder, `INSERT … ON CONFLICT (user_id, kind, entity_id, due_at) DO
 *    NOTHING`, so however many sweeps run at once (several replicas, a retry) there is exactly one
 *    row per item and due day; a reminder the user dismissed stays dismissed;
 * 2. open reminders whose item is no longer due are marked dismissed (resolved), so "my work"
 *    shows only what still needs doing.
 * A transaction-scoped advisory lock per municipality makes concurrent sweeps of one municipality
 * take turns, so a sweep working from an older picture cannot resolve what a newer one just raised.
 * The changes are audited (system actor) in the same transaction.
 */
export async function sweepMunicipality(db: Db, municipalityId: string, clock: Clock): Promise<Omit<SweepResult, 'municipalities'>> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('jisr.reminders'), hashtext(${municipalityId}))`;
      const now = clock();
      // Expired consent ends the disclosures resting on it before anything is reminded of them.
      const ended = await endExpiredConsentDisclosures(tx, municipalityId, now);
      const c = columns(await dueItems(tx, municipalityId, now));
      const created = await tx.$executeRaw`
        INSERT INTO reminder (id, municipality_id, user_id, kind, entity_type, entity_id, case_id, due_at, created_at)
        SELECT gen_random_uuid(), ${municipalityId}::uuid, t.u::uuid, t.k::"ReminderKind", t.et, t.e::uuid, t.c::uuid, t.d::date, ${now}
        FROM unnest(${c.users}::text[], ${c.kinds}::text[], ${c.types}::text[],
                    ${c.entities}::text[], ${c.cases}::text[], ${c.dues}::text[]) AS t(u, k, et, e, c, d)
        ON CONFLICT (user_id, kind, entity_id, due_at) DO NOTHING`;
      const resolved = await tx.$executeRaw`
        UPDATE reminder r SET dismissed_at = ${now}
        WHERE r.municipality_id = ${municipalityId}::uuid AND r.dismissed_at IS NULL
          -- A break-glass notice and a panel's closure decision are no due items: they stay until
          -- their reader dismisses them (the closure also goes when the case is closed).
          AND r.kind NOT IN ('break_glass', 'panel_closure')
          AND NOT EXISTS (
            SELECT 1 FROM unnest(${c.users}::text[], ${c.kinds}::text[], ${c.entities}::text[], ${c.dues}::text[]) AS t(u, k, e, d)
            WHERE t.u::uuid = r.user_id AND t.k = r.kind::text AND t.e::uuid = r.entity_id AND t.d::date = r.due_at)`;
      if (created || resolved || ended.length) {
        const base: AuditBase = { municipalityId, actorId: null, actorRole: null, requestId: 'job:reminders', ip: null };
        const audit = new AuditTrail(base, clock);
        if (ended.length)
          audit.record({
            action: 'case.consent.expire',
            entityType: 'Disclosure',
            detail: { revoked: ended.length, disclosureIds: ended },
          });
        if (created || resolved)
          audit.record({ action: 'reminder.sweep', entityType: 'Reminder', detail: { created, resolved, due: c.users.length } });
        await audit.flush(tx);
      }
      return { created, resolved };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** Sweeps every municipality in turn (see sweepMunicipality); what the scheduled job runs. */
export async function sweepReminders(db: Db, clock: Clock): Promise<SweepResult> {
  const municipalities = await db.municipality.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const total: SweepResult = { municipalities: municipalities.length, created: 0, resolved: 0 };
  for (const m of municipalities) {
    const r = await sweepMunicipality(db, m.id, clock);
    total.created += r.created;
    total.resolved += r.resolved;
  }
  return total;
}
