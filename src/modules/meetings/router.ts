import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import * as s from './schema.js';
import { getMeeting, listMeetings } from './read.js';
import { cancelMeeting, scheduleMeeting, updateMeeting } from './schedule.js';
import { decide, recordAttendance } from './decide.js';
import { addMinute, approveMinutes } from './minutes.js';

/** A procedure audited (allowed or denied) under `action`. */
const audited = (action: string) => authedProcedure.meta({ action });

/** Panel meetings: schedule, agenda packs (need-to-know), attendance, decisions, minutes. */
export const meetingsRouter = t.router({
  list: audited('meeting.list').input(s.ListMeetingsInput).query(({ ctx, input }) => listMeetings(ctx, input)),
  get: audited('meeting.read').input(s.MeetingIdInput).query(({ ctx, input }) => getMeeting(ctx, input.id)),
  schedule: audited('meeting.schedule').input(s.ScheduleMeetingInput).mutation(({ ctx, input }) => scheduleMeeting(ctx, input)),
  update: audited('meeting.update').input(s.UpdateMeetingInput).mutation(({ ctx, input }) => updateMeeting(ctx, input)),
  cancel: audited('meeting.cancel').input(s.MeetingIdInput).mutation(({ ctx, input }) => cancelMeeting(ctx, input.id)),
  recordAttendance: audited('meeting.attendance').input(s.AttendanceInput).mutation(({ ctx, input }) => recordAttendance(ctx, input)),
  decide: audited('meeting.decide').input(s.DecideInput).mutation(({ ctx, input }) => decide(ctx, input)),
  addMinute: audited('meeting.minute.create').input(s.AddMinuteInput).mutation(({ ctx, input }) => addMinute(ctx, input)),
  approveMinutes: audited('meeting.approve').input(s.MeetingIdInput).mutation(({ ctx, input }) => approveMinutes(ctx, input.id)),
});
