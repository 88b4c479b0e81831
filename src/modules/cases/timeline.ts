import { accessibleBy } from '../../auth/casl.js';
import type { ServiceContext } from '../../service.js';
import { openWords } from '../../crypto/envelope.js';
import { EVENT_WORDS } from '../../crypto/event-words.js';
import { visibleEntry, type TimelineReader } from './timeline-policy.js';
import { readableGrants } from './break-glass-justification.js';

/** How many timeline entries the case page carries. */
const TIMELINE_ON_PAGE = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Entry = { kind: string; data: unknown };
type Field = (e: Entry) => unknown;

/** Where each kind of entry names a row whose readability decides what the reader sees. */
const NAMES: Record<keyof TimelineReader['readable'], Field[]> = {
  notes: [(e) => (e.kind === 'note' || e.kind === 'consent' ? field(e, 'noteId') : undefined)],
  interventions: [
    (e) => (e.kind.startsWith('intervention') ? field(e, 'interventionId') : undefined),
    (e) => (e.kind === 'panel_decision' ? field(e, 'interventionIds') : undefined),
    (e) => (e.kind === 'onward' ? field(e, 'interventionId') : undefined),
  ],
  tasks: [
    (e) => (e.kind === 'task.done' ? field(e, 'taskId') : undefined),
    (e) => (e.kind === 'panel_decision' ? field(e, 'taskIds') : undefined),
  ],
  agendaItems: [(e) => (e.kind === 'panel_decision' ? field(e, 'agendaItemId') : undefined)],
};

function field(e: Entry, key: string): unknown {
  return e.data && typeof e.data === 'object' ? (e.data as Record<string, unknown>)[key] : undefined;
}

/** The uuids the entries name in one of NAMES' places (anything else in stored data is ignored). */
function named(events: Entry[], rows: keyof typeof NAMES): string[] {
  const ids = events.flatMap((e) => NAMES[rows].flatMap((f) => [f(e)].flat()));
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && UUID.test(id)))];
}

/** Of the rows the entries name, those the user may read, by the same CASL rules as every other read. */
async function readableRows(ctx: ServiceContext, events: Entry[]): Promise<TimelineReader['readable']> {
  const among = async (rows: keyof typeof NAMES, find: (where: { id: { in: string[] } }) => Promise<{ id: string }[]>) => {
    const ids = named(events, rows);
    return new Set(ids.length ? (await find({ id: { in: ids } })).map((r) => r.id) : []);
  };
  const allowed = accessibleBy(ctx.ability);
  const select = { id: true } as const;
  return {
    notes: await among('notes', (where) => ctx.db.caseNote.findMany({ where: { AND: [allowed.ofType('CaseNote'), where] }, select })),
    interventions: await among('interventions', (where) =>
      ctx.db.intervention.findMany({ where: { AND: [allowed.ofType('Intervention'), where] }, select }),
    ),
    tasks: await among('tasks', (where) => ctx.db.caseTask.findMany({ where: { AND: [allowed.ofType('CaseTask'), where] }, select })),
    agendaItems: await among('agendaItems', (where) =>
      ctx.db.meetingAgendaItem.findMany({ where: { AND: [allowed.ofType('MeetingAgendaItem'), where] }, select }),
    ),
  };
}

/** Break-glass entries get their grant's justification, for those who may read it (break-glass-policy). */
async function withJustifications<E extends { kind: string; data: Record<string, unknown> }>(ctx: ServiceContext, entries: E[]) {
  const ids = entries.flatMap((e) => (e.kind === 'break_glass' ? [e.data.breakGlassId] : []));
  const grants = await readableGrants(ctx, [...new Set(ids.filter((id): id is string => typeof id === 'string' && UUID.test(id)))]);
  return entries.map((e) => {
    const grant = e.kind === 'break_glass' ? grants.get(String(e.data.breakGlassId)) : undefined;
    if (!grant) return e;
    return { ...e, data: { ...e.data, justification: grant.justification, endedAt: grant.endedAt?.toISOString() ?? null } };
  });
}

/**
 * Entries' words opened: reasons (sealed under the case's key since 20261205100000) and the free purpose
 * words of older disclosure entries; words not yet sealed by the start-up job show as they are.
 */
function withReasons<E extends { id: bigint; data: Record<string, unknown> }>(ctx: ServiceContext, entries: E[]) {
  return Promise.all(
    entries.map(async (e) => {
      let data = e.data;
      for (const { key, field } of EVENT_WORDS) {
        const stored = data[key];
        if (typeof stored === 'string') data = { ...data, [key]: await openWords(ctx, field, String(e.id), stored) };
      }
      return data === e.data ? e : { ...e, data };
    }),
  );
}

/**
 * The case's history, newest first, cut to what the user may know: each entry's kind has a rule in
 * the timeline policy (which entries, which fields); an entry of a kind it does not know is hidden.
 */
export async function timelineOf(ctx: ServiceContext, caseId: string, who: Omit<TimelineReader, 'readable' | 'self'>) {
  const events = await ctx.db.caseEvent.findMany({
    where: { caseId },
    select: { id: true, at: true, actorId: true, kind: true, data: true },
    orderBy: { id: 'desc' },
    take: TIMELINE_ON_PAGE,
  });
  const reader: TimelineReader = { ...who, self: ctx.user.id, readable: await readableRows(ctx, events) };
  const visible = events.flatMap((e) => {
    const entry = visibleEntry(e.kind, e.data, reader);
    return entry ? [{ ...e, ...entry }] : [];
  });
  const shown = await withReasons(ctx, await withJustifications(ctx, visible));
  const actorIds = [...new Set(shown.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = new Map(
    (
      await ctx.db.user.findMany({
        where: { id: { in: actorIds }, municipalityId: ctx.user.municipalityId },
        select: { id: true, displayName: true },
      })
    ).map((u) => [u.id, u]),
  );
  // No id: case_event ids come from one sequence shared by every municipality (it would show how busy the others are).
  return shown.map((e) => ({ at: e.at, kind: e.kind, actor: e.actorId ? (actors.get(e.actorId) ?? null) : null, data: e.data }));
}
