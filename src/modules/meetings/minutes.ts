import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { randomUUID } from 'node:crypto';
import { sealText } from '../../crypto/envelope.js';
import { sealGeneralMinute } from '../../crypto/minutes.js';
import { MINUTE_FIELD, assertHappened, assertOpen, findMeeting, markHeld } from './access.js';
import type { AddMinute } from './schema.js';

const noSuch = (type: string, id: string, field: string) =>
  new AppError('NOT_FOUND', { entity: { type, id }, fields: { [field]: 'NOT_FOUND' } });

/**
 * Coordinator: one entry of the minutes (encrypted), about the meeting or one of its agenda items.
 * Once the minutes are approved only corrections are taken: an entry that names the entry it
 * corrects (and is about the same agenda item). The original is never changed.
 */
export async function addMinute(ctx: ServiceContext, input: AddMinute) {
  const meeting = await findMeeting(ctx, input.meetingId, 'update');
  let agendaItemId = input.agendaItemId ?? null;
  if (input.correctsId) {
    if (meeting.status === 'cancelled') throw new AppError('MEETING_CANCELLED');
    const corrected = await ctx.db.meetingMinute.findFirst({
      where: { id: input.correctsId, meetingId: meeting.id },
      select: { agendaItemId: true },
    });
    if (!corrected) throw noSuch('MeetingMinute', input.correctsId, 'correctsId');
    agendaItemId = corrected.agendaItemId;
  } else {
    assertOpen(meeting.status, 'record');
    assertHappened(meeting, ctx.clock());
    if (agendaItemId) {
      const item = await ctx.db.meetingAgendaItem.findFirst({ where: { id: agendaItemId, meetingId: meeting.id }, select: { id: true } });
      if (!item) throw noSuch('MeetingAgendaItem', agendaItemId, 'agendaItemId');
    }
  }
  // About an agenda item: under its case's key (erased with the case). The meeting's general minutes
  // have no record to belong to and stay under the master keyring, bound to their row.
  const about = agendaItemId
    ? await ctx.db.meetingAgendaItem.findFirstOrThrow({
        where: { id: agendaItemId, municipalityId: ctx.user.municipalityId },
        select: { caseId: true },
      })
    : null;
  const id = randomUUID();
  const minute = await ctx.db.meetingMinute.create({
    data: {
      id,
      meetingId: meeting.id,
      municipalityId: ctx.user.municipalityId,
      agendaItemId,
      authorId: ctx.user.id,
      body: about
        ? await sealText(ctx, { kind: 'case', id: about.caseId }, MINUTE_FIELD, id, input.body)
        : sealGeneralMinute(ctx.keyring, id, input.body),
      correctsId: input.correctsId ?? null,
      createdAt: ctx.clock(),
    },
    select: { id: true, agendaItemId: true, correctsId: true, createdAt: true },
  });
  if (!input.correctsId) await markHeld(ctx, meeting);
  ctx.audit.detail({ minuteId: minute.id, agendaItemId, correctsId: minute.correctsId });
  return minute;
}

/** Coordinator: approves the minutes of a held meeting, which locks them (decisions, entries, plans). */
export async function approveMinutes(ctx: ServiceContext, id: string) {
  const meeting = await findMeeting(ctx, id, 'update');
  assertOpen(meeting.status, 'record');
  if (meeting.status !== 'held') throw new AppError('MEETING_NOT_HELD');
  const approvedAt = ctx.clock();
  await ctx.db.panelMeeting.update({
    where: { id },
    data: { status: 'approved', approvedAt, approvedById: ctx.user.id },
    select: { id: true },
  });
  return { id, status: 'approved' as const, approvedAt };
}
