import type { AuditAction } from '../../audit/actions.js';
import { t, type ProcedureOptions } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import * as s from './schema.js';
import { getMeeting, listMeetings } from './read.js';
import { cancelMeeting, scheduleMeeting, updateMeeting } from './schedule.js';
import { decide, recordAttendance } from './decide.js';
import { addMinute, approveMinutes } from './minutes.js';

/** A procedure about the meeting whose id is `input[idFrom]`, audited (allowed or denied) under `action`. */
const onMeeting = (action: AuditAction, idFrom = 'id', options: ProcedureOptions = {}) =>
  procedure(action, { entity: 'PanelMeeting', idFrom, ...options });

/** Panel meetings: schedule, agenda packs (need-to-know), attendance, decisions, minutes. */
export const meetingsRouter = t.router({
  list: procedure('meeting.list', { entity: 'PanelMeeting' })
    .input(s.ListMeetingsInput)
    .query(({ ctx, input }) => listMeetings(ctx, input)),
  get: onMeeting('meeting.read')
    .input(s.MeetingIdInput)
    .query(({ ctx, input }) => getMeeting(ctx, input.id)),
  schedule: procedure('meeting.schedule', { entity: 'PanelMeeting', idempotent: true })
    .input(s.ScheduleMeetingInput)
    .mutation(({ ctx, input }) => scheduleMeeting(ctx, input)),
  update: onMeeting('meeting.update')
    .input(s.UpdateMeetingInput)
    .mutation(({ ctx, input }) => updateMeeting(ctx, input)),
  cancel: onMeeting('meeting.cancel')
    .input(s.MeetingIdInput)
    .mutation(({ ctx, input }) => cancelMeeting(ctx, input.id)),
  recordAttendance: onMeeting('meeting.attendance')
    .input(s.AttendanceInput)
    .mutation(({ ctx, input }) => recordAttendance(ctx, input)),
  decide: procedure('meeting.decide', { entity: 'MeetingAgendaItem', idFrom: 'agendaItemId', idempotent: true })
    .input(s.DecideInput)
    .mutation(({ ctx, input }) => decide(ctx, input)),
  addMinute: onMeeting('meeting.minute.create', 'meetingId', { idempotent: true })
    .input(s.AddMinuteInput)
    .mutation(({ ctx, input }) => addMinute(ctx, input)),
  approveMinutes: onMeeting('meeting.approve')
    .input(s.MeetingIdInput)
    .mutation(({ ctx, input }) => approveMinutes(ctx, input.id)),
});
