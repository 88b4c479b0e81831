import { openWords } from '../../crypto/envelope.js';
import { EVENT_WORDS } from '../../crypto/event-words.js';
import { ERASED_TEXT } from '../../shared/erased.js';
import { isTimelineKind, type TimelineKind } from '../cases/timeline-policy.js';
import type { Reader, Staff } from './reader.js';
import type { Reviewer } from './review.js';

/**
 * The facts of each kind of timeline entry the document shows: stages, dates, codes and counts, never
 * an internal id (a user or agency id says nothing to the person; the agency is named apart). Kinds
 * not listed show what happened and when only.
 */
const FACTS: Partial<Record<TimelineKind, readonly string[]>> = {
  stage: ['from', 'to'],
  close: ['from', 'to', 'closureReason', 'followUpAt'],
  reopen: ['from', 'to', 'closureReason', 'followUpAt'],
  review: ['previous', 'next'],
  assign: ['role'],
  transfer: ['role'],
  disclose: ['sections', 'legalBasis', 'purposeCode', 'expiresAt'],
  revoke: ['sections', 'legalBasis', 'purposeCode', 'expiresAt'],
  consent: ['withdrawn', 'recorded', 'ended', 'expiresAt', 'revoked', 'purposes', 'method'],
  intervention: ['type'],
  'intervention.update': ['from', 'to', 'outcomeChanged'],
  panel_decision: ['decision', 'consensus'],
  break_glass: ['sections', 'expiresAt'],
  onward: ['step', 'outcome'],
};

type Fact = string | number | boolean | null | string[];
const isFact = (v: unknown): v is Fact =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case's timeline, oldest first, as of the release: what happened, when, who (staff by role, or
 * named if the reviewer chose), the facts and the agency it was about. The minuted words of an entry (a
 * stage, review, closing, reopening or revocation reason; an old disclosure's purpose words) are staff's
 * words that may speak of others: each entry's words are an item for review. Entry ids never go out
 * (one sequence for every municipality); an entry is named for review by its place in the case's timeline.
 */
export async function timelineOf(ctx: Reader, caseId: string, reviewer: Reviewer, asOf: Date | null, staff: Staff) {
  const rows = await ctx.db.caseEvent.findMany({
    where: { caseId, municipalityId: ctx.user.municipalityId, ...(asOf ? { at: { lte: asOf } } : {}) },
    select: { id: true, at: true, kind: true, data: true, actorId: true },
    orderBy: { id: 'asc' },
  });
  const data = (d: unknown) => (d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : {});
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const agencyIds = [
    ...new Set(rows.flatMap((r) => [data(r.data).agencyId].filter((a): a is string => typeof a === 'string' && UUID.test(a)))),
  ];
  const [actors, agencies] = await Promise.all([
    ctx.db.user.findMany({
      where: { id: { in: actorIds }, municipalityId: ctx.user.municipalityId },
      select: { id: true, displayName: true, role: true },
    }),
    ctx.db.agency.findMany({ where: { id: { in: agencyIds }, municipalityId: ctx.user.municipalityId }, select: { id: true, name: true } }),
  ]);
  const actorOf = new Map(actors.map((a) => [a.id, a]));
  const agencyOf = new Map(agencies.map((a) => [a.id, a.name]));
  return Promise.all(
    rows.map(async (r, n) => {
      const d = data(r.data);
      const kind = isTimelineKind(r.kind) ? r.kind : null;
      const facts: Record<string, Fact> = {};
      for (const key of (kind && FACTS[kind]) || []) if (key in d && isFact(d[key])) facts[key] = d[key];
      const words: Record<string, string | null> = {};
      for (const { key, field } of EVENT_WORDS) {
        const stored = d[key];
        if (typeof stored === 'string' && stored !== '')
          words[key] = await openWords(ctx, field, String(r.id), stored).catch(() => ERASED_TEXT);
      }
      const said = Object.keys(words).length
        ? reviewer.item('timeline', `${caseId}.${n + 1}`, { reason: words.reason ?? null, purpose: words.purpose ?? null })
        : null;
      return {
        at: r.at,
        kind: kind ?? 'other',
        by: staff(r.actorId ? actorOf.get(r.actorId) : null),
        agency: typeof d.agencyId === 'string' ? (agencyOf.get(d.agencyId) ?? null) : null,
        facts,
        words: said,
      };
    }),
  );
}
