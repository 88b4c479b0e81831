import type { CaseSection } from '../../generated/prisma/enums.js';
import { mayKnowPanel } from '../meetings/policy.js';

/**
 * Every kind of entry the code writes on a case's timeline (`recordEvent` takes only these). An
 * entry of any other kind, however it got into the table, is shown to nobody.
 */
export const TIMELINE_KINDS = [
  'opened',
  'summary',
  'stage',
  'close',
  'reopen',
  'review',
  'assign',
  'transfer',
  'disclose',
  'revoke',
  'consent',
  'note',
  'intervention',
  'intervention.update',
  'assessment',
  'task.done',
  'panel_decision',
  'break_glass',
  'handover',
  'onward',
  'city_transfer',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What one reader may know of one case, decided once per read from the same CASL rules as the queries. */
export interface TimelineReader {
  /** The case sections they may read, and `team` when they see the case team. */
  sections: readonly string[];
  /** Coordinator or key worker: the plan is theirs, tasks included. */
  ownsPlan: boolean;
  /** The reader's user id: their own emergency access is on the timeline for them too. */
  self: string;
  /** Of the rows the entries name, the ids they may read. */
  readable: {
    notes: ReadonlySet<string>;
    interventions: ReadonlySet<string>;
    tasks: ReadonlySet<string>;
    agendaItems: ReadonlySet<string>;
  };
}

type Data = Record<string, unknown>;
/** A kind's rule: the fields of an entry this reader may see, or null when the entry is hidden from them. */
type Rule = (data: Data, reader: TimelineReader) => Data | null;

const pick = (data: Data, keys: readonly string[]): Data => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
const sees = (r: TimelineReader, section: CaseSection | 'team') => r.sections.includes(section);
type Rows = keyof TimelineReader['readable'];
/** Whether the reader may know of this row: CASL decides (`readable`), and the plan's owners know every task of it. */
const mayRead = (r: TimelineReader, rows: Rows, id: unknown) =>
  typeof id === 'string' && (r.readable[rows].has(id) || (rows === 'tasks' && r.ownsPlan));
const readableIds = (r: TimelineReader, rows: Rows, v: unknown) => (Array.isArray(v) ? v.filter((id) => mayRead(r, rows, id)) : []);
/** Minuted words (reasons, purposes) go with the summary, as on the rest of the case page. */
const words = (r: TimelineReader) => (sees(r, 'summary') ? ['reason', 'purpose'] : []);

/** Facts every reader of the case sees in its header anyway (stage, closure, review date, assignment). */
const header =
  (...keys: string[]): Rule =>
  (d, r) =>
    pick(d, [...keys, ...words(r)]);
/** Shown only with a section; then these fields. */
const withSection =
  (section: CaseSection | 'team', ...keys: string[]): Rule =>
  (d, r) =>
    sees(r, section) ? pick(d, [...keys, ...words(r)]) : null;
/** Shown only when the reader may read the row the entry is about (a note, an intervention, a task). */
const aboutRow =
  (rows: Rows, idKey: string, ...keys: string[]): Rule =>
  (d, r) =>
    mayRead(r, rows, d[idKey]) ? pick(d, [idKey, ...keys]) : null;

const DISCLOSURE_FIELDS = ['disclosureId', 'agencyId', 'userId', 'sections', 'legalBasis', 'expiresAt', 'purposeId', 'purposeCode'];

// A departing colleague's work handed over (users.handover): who to whom; the key worker is header knowledge,
// each intervention and task only to its readers, the disclosures to the team's readers. Nothing to show: hidden.
const handover: Rule = (d, r) => {
  const shown = {
    keyWorker: d.keyWorker === true,
    interventionIds: readableIds(r, 'interventions', d.interventionIds),
    taskIds: readableIds(r, 'tasks', d.taskIds),
    ...(sees(r, 'team') ? pick(d, ['disclosureIds', 'newDisclosureIds']) : {}),
  };
  const disclosed = sees(r, 'team') && Array.isArray(d.disclosureIds) && d.disclosureIds.length > 0;
  const any = shown.keyWorker || shown.interventionIds.length > 0 || shown.taskIds.length > 0 || disclosed;
  return any ? { ...pick(d, ['from', 'to']), ...shown } : null;
};

/**
 * Who sees which timeline entry, and which of its fields (fields not named are never shown). A
 * `Record` over the kinds, so a new kind without a rule is a type error.
 */
export const TIMELINE_RULES: Record<TimelineKind, Rule> = {
  // The referral behind the case goes with the summary (who the person is and what was feared).
  opened: (d, r) => pick(d, sees(r, 'summary') ? ['referralId'] : []),
  summary: withSection('summary', 'cleared'),
  stage: header('from', 'to'),
  close: header('from', 'to', 'closureReason', 'followUpAt'),
  reopen: header('from', 'to', 'closureReason', 'followUpAt'),
  review: header('previous', 'next'),
  assign: header('role', 'from', 'to'),
  transfer: header('role', 'from', 'to'),
  disclose: withSection('team', ...DISCLOSURE_FIELDS),
  // `ended`: a code for what ended it without words (`transferred`: the case left the city, transfers/leave.ts).
  revoke: withSection('team', ...DISCLOSURE_FIELDS, 'ended'),
  // Withdrawn consent is in the header; which disclosures it ended is the team's business, the note the note readers'.
  consent: (d, r) => ({
    ...pick(d, ['withdrawn', 'recorded', 'ended', 'expiresAt']),
    ...(sees(r, 'team')
      ? pick(d, ['revoked', 'disclosureIds', 'consentId', 'consentIds', 'renewsId', 'purposes', 'method', 'anyPartner', 'agencyIds'])
      : {}),
    ...(mayRead(r, 'notes', d.noteId) ? pick(d, ['noteId']) : {}),
  }),
  note: aboutRow('notes', 'noteId', 'sensitivity'),
  // A practitioner reads only their agency's interventions: another agency's is not theirs to know of.
  intervention: aboutRow('interventions', 'interventionId', 'type', 'agencyId', 'assigneeId'),
  'intervention.update': aboutRow('interventions', 'interventionId', 'from', 'to', 'outcomeChanged', 'ended'),
  assessment: withSection('assessments', 'assessmentId'),
  'task.done': aboutRow('tasks', 'taskId', 'ended'),
  // The decision goes to readers of the plan; of its actions only those they may read; the meeting only to its readers.
  panel_decision: (d, r) =>
    mayKnowPanel(r.sections, 'decision')
      ? {
          ...pick(d, ['decision', 'consensus']),
          interventionIds: readableIds(r, 'interventions', d.interventionIds),
          taskIds: readableIds(r, 'tasks', d.taskIds),
          ...(mayRead(r, 'agendaItems', d.agendaItemId) ? pick(d, ['meetingId', 'agendaItemId']) : {}),
        }
      : null,
  // Emergency access is the case team's business, like a disclosure, and the requester's: who, which sections,
  // until when. The justification is not in the entry; timeline.ts adds it for those break-glass-policy lets read it.
  break_glass: (d, r) =>
    sees(r, 'team') || d.userId === r.self ? pick(d, ['breakGlassId', 'userId', 'sections', 'expiresAt', ...words(r)]) : null,
  handover,
  // Onward referrals are the plan owners' business (coordinator, key worker): which step, to which agency,
  // and what acceptance made (the disclosure and intervention, each only to its readers).
  onward: (d, r) =>
    r.ownsPlan
      ? {
          ...pick(d, ['step', 'onwardId', 'agencyId', 'resendOfId', 'outcome']),
          ...(sees(r, 'team') ? pick(d, ['disclosureId']) : {}),
          ...(mayRead(r, 'interventions', d.interventionId) ? pick(d, ['interventionId']) : {}),
        }
      : null,
  // A transfer to or from another member city (modules/transfers): header knowledge, like a closure; the
  // other city's case only by its reference.
  city_transfer: header('step', 'transferId', 'city', 'reference'),
};

export const isTimelineKind = (kind: string): kind is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(kind);

/** The entry's kind and the fields this reader may see, or null when it is hidden from them (any unknown kind). */
export function visibleEntry(kind: string, data: unknown, reader: TimelineReader): { kind: TimelineKind; data: Data } | null {
  if (!isTimelineKind(kind)) return null;
  const shown = TIMELINE_RULES[kind](data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : {}, reader);
  return shown ? { kind, data: shown } : null;
}
