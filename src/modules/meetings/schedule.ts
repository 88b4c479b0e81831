import { assertCan } from '../../auth/guard.js';
import { accessibleBy } from '../../auth/casl.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { randomUUID } from 'node:crypto';
import { CASE_WORKER_ROLES } from '../../shared/roles.js';
import { LOCATION_FIELD, TITLE_FIELD, assertOpen, findMeeting, sealMeetingWords } from './access.js';
import type { ScheduleMeeting, UpdateMeeting } from './schema.js';

const missing = (type: string, field: string, id: string) =>
  new AppError('NOT_FOUND', { entity: { type, id }, fields: { [field]: 'NOT_FOUND' } });

/** Every id must be a case the coordinator may read, an active agency, an active colleague. */
async function checkRefs(ctx: ServiceContext, refs: { caseIds?: string[]; agencyIds?: string[]; userIds?: string[] }) {
  const municipalityId = ctx.user.municipalityId;
  const firstMissing = (wanted: string[] | undefined, found: { id: string }[]) => wanted?.find((id) => !found.some((f) => f.id === id));
  if (refs.caseIds?.length) {
    const found = await ctx.db.case.findMany({
      where: { AND: [accessibleBy(ctx.ability).ofType('Case'), { id: { in: refs.caseIds } }] },
      select: { id: true },
    });
    const id = firstMissing(refs.caseIds, found);
    if (id) throw missing('Case', 'caseIds', id);
  }
  if (refs.agencyIds?.length) {
    const found = await ctx.db.agency.findMany({
      where: { id: { in: refs.agencyIds }, municipalityId, active: true },
      select: { id: true },
    });
    const id = firstMissing(refs.agencyIds, found);
    if (id) throw missing('Agency', 'agencyIds', id);
  }
  if (refs.userIds?.length) {
    const found = await ctx.db.user.findMany({
      where: { id: { in: refs.userIds }, municipalityId, disabledAt: null, role: { in: [...CASE_WORKER_ROLES] } },
      select: { id: true },
    });
    const id = firstMissing(refs.userIds, found);
    if (id) throw missing('User', 'userIds', id);
  }
}

const inviteeRows = (municipalityId: string, agencyIds: string[], userIds: string[]) => [
  ...agencyIds.map((agencyId) => ({ municipalityId, agencyId })),
  ...userIds.map((userId) => ({ municipalityId, userId })),
];

/**
 * Coordinator: schedules a panel meeting with an agenda of cases (in the order given) and invited
 * agencies and colleagues, all of the coordinator's municipality. Audited with the ids, never text.
 */
export async function scheduleMeeting(ctx: ServiceContext, input: ScheduleMeeting) {
  assertCan(ctx.ability, 'create', 'PanelMeeting');
  await checkRefs(ctx, input);
  const meetingId = randomUUID();
  const meeting = await ctx.db.panelMeeting.create({
    data: {
      id: meetingId,
      municipalityId: ctx.user.municipalityId,
      title: sealMeetingWords(ctx, TITLE_FIELD, meetingId, input.title),
      scheduledAt: input.scheduledAt,
      location: input.location ? sealMeetingWords(ctx, LOCATION_FIELD, meetingId, input.location) : null,
      createdById: ctx.user.id,
      createdAt: ctx.clock(),
      agenda: { create: input.caseIds.map((caseId, position) => ({ municipalityId: ctx.user.municipalityId, caseId, position })) },
      invitees: { create: inviteeRows(ctx.user.municipalityId, input.agencyIds, input.userIds) },
    },
    select: { id: true },
  });
  const detail = {
    caseIds: input.caseIds,
    agencyIds: input.agencyIds,
    userIds: input.userIds,
    scheduledAt: input.scheduledAt.toISOString(),
  };
  ctx.audit.subject('PanelMeeting', meeting.id).detail(detail);
  return meeting;
}

/**
 * Coordinator, before the meeting is held: changes its title, time, place, agenda or invitees. A list
 * given replaces the old one; an agenda item kept keeps its id.
 */
export async function updateMeeting(ctx: ServiceContext, input: UpdateMeeting) {
  const meeting = await findMeeting(ctx, input.id, 'update');
  assertOpen(meeting.status, 'plan');
  await checkRefs(ctx, input);
  const id = meeting.id;
  await ctx.db.panelMeeting.update({
    where: { id },
    data: {
      title: input.title === undefined ? undefined : sealMeetingWords(ctx, TITLE_FIELD, id, input.title),
      scheduledAt: input.scheduledAt,
      location:
        input.location === undefined ? undefined : input.location ? sealMeetingWords(ctx, LOCATION_FIELD, id, input.location) : null,
    },
    select: { id: true },
  });
  if (input.caseIds) {
    await ctx.db.meetingAgendaItem.deleteMany({ where: { meetingId: id, caseId: { notIn: input.caseIds } } });
    for (const [position, caseId] of input.caseIds.entries()) {
      await ctx.db.meetingAgendaItem.upsert({
        where: { meetingId_caseId: { meetingId: id, caseId } },
        create: { meetingId: id, municipalityId: ctx.user.municipalityId, caseId, position },
        update: { position },
        select: { id: true },
      });
    }
  }
  if (input.agencyIds || input.userIds) {
    const current = await ctx.db.meetingInvitee.findMany({ where: { meetingId: id }, select: { agencyId: true, userId: true } });
    const agencyIds = input.agencyIds ?? current.flatMap((i) => (i.agencyId ? [i.agencyId] : []));
    const userIds = input.userIds ?? current.flatMap((i) => (i.userId ? [i.userId] : []));
    if (agencyIds.length + userIds.length === 0) throw new AppError('BAD_INPUT', { fields: { agencyIds: 'chooseOne' } });
    await ctx.db.meetingInvitee.deleteMany({ where: { meetingId: id } });
    await ctx.db.meetingInvitee.createMany({
      data: inviteeRows(ctx.user.municipalityId, agencyIds, userIds).map((r) => ({ meetingId: id, ...r })),
    });
  }
  const detail = {
    changed: Object.keys(input).filter((k) => k !== 'id'),
    caseIds: input.caseIds,
    agencyIds: input.agencyIds,
    userIds: input.userIds,
  };
  ctx.audit.detail(detail);
  return { id };
}

/** Coordinator: cancels a meeting that has not been held. */
export async function cancelMeeting(ctx: ServiceContext, id: string) {
  const meeting = await findMeeting(ctx, id, 'update');
  assertOpen(meeting.status, 'plan');
  await ctx.db.panelMeeting.update({ where: { id }, data: { status: 'cancelled' }, select: { id: true } });
  return { id, status: 'cancelled' as const };
}
