import { assertCan } from '../../auth/guard.js';
import { subject } from '@casl/ability';
import { accessibleBy } from '../../auth/casl.js';
import type { ServiceContext } from '../../service.js';
import { openText } from '../../crypto/envelope.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { CaseSection } from '../../generated/prisma/enums.js';
import { ruleSelect, visibleSections } from '../cases/access.js';
import { SUMMARY_FIELD } from '../cases/read.js';
import { planChoices, planOf } from '../cases/interventions.js';
import { openMinute } from '../../crypto/minutes.js';
import { DISSENT_FIELD, findMeeting, meetingWords } from './access.js';
import { mayKnowPanel } from './policy.js';

const LIST_LIMIT = 100;

/**
 * `meetings.list`: upcoming (from the start of today, soonest first) or past (latest first) meetings
 * the user may read, with the number of agenda items *they* may see: an invitee's count leaves out
 * the cases not disclosed to them. Audited with the meetings shown.
 */
export async function listMeetings(ctx: ServiceContext, input: { when: 'upcoming' | 'past' }) {
  assertCan(ctx.ability, 'read', 'PanelMeeting');
  const today = new Date(ctx.clock());
  today.setUTCHours(0, 0, 0, 0);
  const upcoming = input.when === 'upcoming';
  const rows = await ctx.db.panelMeeting.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('PanelMeeting'), { scheduledAt: upcoming ? { gte: today } : { lt: today } }] },
    select: {
      id: true,
      title: true,
      scheduledAt: true,
      location: true,
      status: true,
      _count: { select: { agenda: { where: accessibleBy(ctx.ability).ofType('MeetingAgendaItem') } } },
    },
    orderBy: [{ scheduledAt: upcoming ? 'asc' : 'desc' }, { id: 'asc' }],
    take: LIST_LIMIT,
  });
  const items = rows.map(({ _count, ...m }) => ({ ...meetingWords(ctx, m), agendaCount: _count.agenda }));
  ctx.audit.detail({ when: input.when, meetingIds: items.map((m) => m.id) });
  return items;
}

const itemSelect = {
  id: true,
  position: true,
  decision: true,
  consensus: true,
  dissent: true,
  decidedAt: true,
  case: {
    select: {
      ...ruleSelect,
      reference: true,
      stage: true,
      cohort: true,
      summary: true,
      person: { select: { id: true, nameArabic: true, nameLatin: true, birthYear: true } },
    },
  },
} satisfies Prisma.MeetingAgendaItemSelect;

type ItemRow = Prisma.MeetingAgendaItemGetPayload<{ select: typeof itemSelect }>;

/**
 * The need-to-know pack of one agenda item: the case's reference and stage, only the sections the user
 * may read, and of the panel's record only what those sections allow (PANEL_RECORD_SECTIONS).
 */
async function packOf(ctx: ServiceContext, item: ItemRow) {
  const c = item.case;
  const sections = visibleSections(ctx, c).filter((s): s is CaseSection => s !== 'team' && s !== 'timeline');
  const summary = sections.includes('summary')
    ? { person: c.person, cohort: c.cohort, text: await openText(ctx, SUMMARY_FIELD, c.id, c.summary) }
    : null;
  const plan = sections.includes('plan') ? await planOf(ctx, c.id) : null;
  const [decided, dissent] = [mayKnowPanel(sections, 'decision'), mayKnowPanel(sections, 'dissent')];
  return {
    // No position: an invitee's numbering must not reveal the items they do not see.
    id: item.id,
    case: { id: c.id, reference: c.reference, stage: c.stage },
    sections,
    summary,
    plan,
    decision: decided ? item.decision : null,
    consensus: decided ? item.consensus : null,
    dissent: dissent ? await openText(ctx, DISSENT_FIELD, item.id, item.dissent) : null,
    decidedAt: decided ? item.decidedAt : null,
    // What was recorded but is not theirs to read, so the page says so instead of "no decision yet".
    withheld: { decision: !decided && item.decision !== null, dissent: decided && !dissent && item.dissent !== null },
  };
}

/**
 * `meetings.get`: the meeting, its invitees, and of its agenda only the items the user may see (the
 * CASL rules filter them in the query), each with its pack; minutes in general, and about the items whose
 * pack allows them.
 * The coordinator also gets what the decision form offers. Audited with the items and cases shown.
 */
export async function getMeeting(ctx: ServiceContext, id: string) {
  const found = await findMeeting(ctx, id, 'read');
  const meeting = await ctx.db.panelMeeting.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      title: true,
      scheduledAt: true,
      location: true,
      status: true,
      approvedAt: true,
      createdBy: { select: { id: true, displayName: true } },
      invitees: {
        select: {
          id: true,
          attended: true,
          agency: { select: { id: true, name: true } },
          user: { select: { id: true, displayName: true } },
        },
      },
    },
  });
  const items = await ctx.db.meetingAgendaItem.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('MeetingAgendaItem'), { meetingId: id }] },
    select: itemSelect,
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  });
  const agenda = [];
  for (const item of items) agenda.push(await packOf(ctx, item));
  const itemIds = agenda.map((i) => i.id);
  const minutesOn = agenda.filter((i) => mayKnowPanel(i.sections, 'minutes')).map((i) => i.id);
  const minutes = await ctx.db.meetingMinute.findMany({
    where: { meetingId: id, OR: [{ agendaItemId: null }, { agendaItemId: { in: minutesOn } }] },
    select: { id: true, agendaItemId: true, body: true, correctsId: true, createdAt: true, authorId: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const authors = new Map(
    (
      await ctx.db.user.findMany({
        where: { id: { in: [...new Set(minutes.map((m) => m.authorId))] }, municipalityId: ctx.user.municipalityId },
        select: { id: true, displayName: true },
      })
    ).map((u) => [u.id, u]),
  );
  const asMeeting = subject('PanelMeeting', { ...found }) as never;
  const may = { update: ctx.ability.can('update', asMeeting), decide: ctx.ability.can('decide', 'MeetingAgendaItem') };
  const choices = may.decide ? await planChoices(ctx) : null;
  ctx.audit.detail({ agendaItemIds: itemIds, minuteIds: minutes.map((m) => m.id) });
  ctx.audit
    .touched(
      'Case',
      agenda.map((i) => i.case.id),
    )
    .touched(
      'Person',
      agenda.flatMap((i) => (i.summary ? [i.summary.person.id] : [])),
    );
  return {
    ...meetingWords(ctx, meeting),
    agenda,
    minutes: await Promise.all(
      minutes.map(async ({ authorId, body, ...m }) => ({
        ...m,
        author: authors.get(authorId) ?? null,
        body: await openMinute(ctx, m.id, body),
      })),
    ),
    may,
    choices,
  };
}
