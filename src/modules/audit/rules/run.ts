import { linkBeforeReading } from '../../../audit/chainer.js';
import { Prisma } from '../../../generated/prisma/client.js';
import { rawQuery, type Db, type DbClient } from '../../../db.js';
import type { Clock } from '../../../lib/clock.js';
import { chainOf } from '../../../audit/hash.js';
import { AuditTrail, type AuditBase } from '../../../audit/writer.js';
import type { Anchoring } from '../../../audit/checkpoints.js';
import { anchoringOf } from '../anchors.js';
import {
  bulkReads,
  offHours,
  outsideAssignment,
  RULE_SETTINGS_SELECT,
  repeatedDenials,
  type Hit,
  type Range,
  type RuleSettings,
} from './sql.js';

/** Events evaluated per municipality and transaction; a longer backlog is taken in several. */
export const RULES_BATCH = 5_000;

export interface RulesResult {
  /** Events evaluated this turn. */
  evaluated: number;
  /** Flags raised this turn (a flag raised before is never raised again). */
  raised: number;
}

/**
 * Raises one flag per key (`ON CONFLICT (municipality_id, dedupe_key) DO NOTHING`, so a flag raised by
 * an earlier turn is not raised again) and links each hit's event to its flag (old or new).
 */
async function raise(tx: DbClient, municipalityId: string, hits: Hit[], now: Date): Promise<number> {
  if (hits.length === 0) return 0;
  const first = new Map<string, Hit>();
  for (const h of hits) if (!first.has(h.key)) first.set(h.key, h);
  const flags = [...first.values()];
  const raised = await tx.$executeRaw`
    INSERT INTO audit_flag (id, municipality_id, kind, subject_user_id, detail, dedupe_key, created_at)
    SELECT gen_random_uuid(), ${municipalityId}::uuid, t.k::"AuditFlagKind", t.s::uuid, t.d::jsonb, t.key, ${now}
    FROM unnest(${flags.map((f) => f.kind)}::text[], ${flags.map((f) => f.subjectUserId)}::text[],
                ${flags.map((f) => JSON.stringify(f.detail))}::text[], ${flags.map((f) => f.key)}::text[]) AS t(k, s, d, key)
    ON CONFLICT (municipality_id, dedupe_key) DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO audit_flag_event (flag_id, municipality_id, seq)
    SELECT f.id, ${municipalityId}::uuid, t.seq
    FROM unnest(${hits.map((h) => h.key)}::text[], ${hits.map((h) => h.seq)}::int[]) AS t(key, seq)
    JOIN audit_flag f ON f.municipality_id = ${municipalityId}::uuid AND f.dedupe_key = t.key
    ON CONFLICT DO NOTHING`;
  return raised;
}

/** A stopped checkpoint: one flag per first unanchored event (a later stop, after a restart, is a new flag). */
async function stoppedCheckpoint(tx: DbClient, chain: string, anchoring: Anchoring | null | undefined, now: Date): Promise<Hit[]> {
  // A server that anchors nothing says so on the audit page; only a stop of configured anchoring is flagged.
  if (!anchoring) return [];
  const { pending, stopped } = await anchoringOf(tx, anchoring, chain, now);
  if (!stopped || !pending) return [];
  return [
    {
      kind: 'checkpoint_stopped',
      key: `checkpoint_stopped:${pending.seq}`,
      subjectUserId: null,
      seq: pending.seq,
      detail: { since: pending.at.toISOString() },
    },
  ];
}

/**
 * One turn of the rules over one municipality's chain, in one transaction: the events after its cursor
 * (at most RULES_BATCH), each rule's hits raised as flags, the cursor moved to the last event evaluated.
 * A per-municipality advisory lock makes concurrent turns take turns; with the cursor and the flags'
 * dedupe keys, a turn run twice raises nothing new. Raising is audited (system actor).
 */
export async function evaluateMunicipality(
  db: Db,
  municipalityId: string,
  opts: { clock: Clock; anchoring?: Anchoring | null; batch?: number },
): Promise<RulesResult> {
  // The rules read the chain: what has committed is linked first.
  await linkBeforeReading(db);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('jisr.flag-rules'), hashtext(${municipalityId}))`;
      const now = opts.clock();
      const chain = chainOf(municipalityId);
      const settings: RuleSettings = await tx.municipality.findUniqueOrThrow({
        where: { id: municipalityId },
        select: RULE_SETTINGS_SELECT,
      });
      const [cursor] = await rawQuery<{ last: number }>(
        tx,
        Prisma.sql`SELECT last_seq AS last FROM audit_flag_cursor WHERE municipality_id = ${municipalityId}::uuid`,
      );
      const [head] = await rawQuery<{ seq: number }>(tx, Prisma.sql`SELECT seq FROM audit_chain_head WHERE chain = ${chain}`);
      const from = cursor?.last ?? 0;
      const to = Math.min(head?.seq ?? 0, from + (opts.batch ?? RULES_BATCH));
      const range: Range = { municipalityId, chain, from, to };
      const hits =
        to > from
          ? (
              await Promise.all([
                offHours(tx, range, settings),
                bulkReads(tx, range, settings),
                repeatedDenials(tx, range, settings),
                outsideAssignment(tx, range),
              ])
            ).flat()
          : [];
      hits.push(...(await stoppedCheckpoint(tx, chain, opts.anchoring, now)));
      const raised = await raise(tx, municipalityId, hits, now);
      await tx.$executeRaw`
        INSERT INTO audit_flag_cursor (municipality_id, last_seq, updated_at) VALUES (${municipalityId}::uuid, ${to}::int, ${now})
        ON CONFLICT (municipality_id) DO UPDATE SET last_seq = EXCLUDED.last_seq, updated_at = EXCLUDED.updated_at`;
      if (raised > 0) {
        const base: AuditBase = { municipalityId, actorId: null, actorRole: null, requestId: 'job:flag-rules', ip: null };
        const audit = new AuditTrail(base, opts.clock);
        audit.record({
          action: 'audit.flag.raise',
          entityType: 'AuditFlag',
          detail: { raised, kinds: [...new Set(hits.map((h) => h.kind))] },
        });
        await audit.flush(tx);
      }
      return { evaluated: to - from, raised };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** Every municipality in turn, each until its cursor reaches its chain's head (what the job runs). */
export async function evaluateRules(db: Db, opts: { clock: Clock; anchoring?: Anchoring | null; batch?: number }): Promise<RulesResult> {
  const municipalities = await db.municipality.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const total: RulesResult = { evaluated: 0, raised: 0 };
  for (const m of municipalities) {
    for (;;) {
      const r = await evaluateMunicipality(db, m.id, opts);
      total.evaluated += r.evaluated;
      total.raised += r.raised;
      if (r.evaluated < (opts.batch ?? RULES_BATCH)) break;
    }
  }
  return total;
}
