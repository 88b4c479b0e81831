import { z } from 'zod';
import { instant, text } from '../../lib/text.js';
import { INTERVENTION_TYPES, PANEL_DECISIONS } from '../../shared/vocabulary.js';

const Id = z.uuid();
/** A calendar day, `YYYY-MM-DD`, stored as a date without time. */
const Day = z.iso.date().transform((d) => new Date(`${d}T00:00:00Z`));
const unique = (ids: string[]) => new Set(ids).size === ids.length;
const Ids = (max: number) => z.array(Id).max(max).refine(unique, { message: 'duplicate' });

export const ListMeetingsInput = z.object({ when: z.enum(['upcoming', 'past']).default('upcoming') }).default({ when: 'upcoming' });

export const MeetingIdInput = z.object({ id: Id });

const MeetingFields = {
  title: text().min(3).max(200),
  scheduledAt: instant(),
  location: text().max(200).optional(),
  /** The agenda, in order. */
  caseIds: Ids(50),
  agencyIds: Ids(50),
  userIds: Ids(100),
};

export const ScheduleMeetingInput = z
  .object(MeetingFields)
  .refine((m) => m.caseIds.length > 0, { message: 'chooseOne', path: ['caseIds'] })
  .refine((m) => m.agencyIds.length + m.userIds.length > 0, { message: 'chooseOne', path: ['agencyIds'] });

/** Before the meeting is held: any of its time, place, agenda and invitees (lists replace the old ones). */
export const UpdateMeetingInput = z.object({
  id: Id,
  title: MeetingFields.title.optional(),
  scheduledAt: MeetingFields.scheduledAt.optional(),
  location: MeetingFields.location,
  caseIds: MeetingFields.caseIds.refine((ids) => ids.length > 0, { message: 'chooseOne' }).optional(),
  agencyIds: MeetingFields.agencyIds.optional(),
  userIds: MeetingFields.userIds.optional(),
});

export const AttendanceInput = z.object({
  id: Id,
  attendance: z
    .array(z.object({ inviteeId: Id, attended: z.boolean() }))
    .min(1)
    .max(200),
});

/** An intervention the panel decides on: the municipality's intervention-type item (its core code taken from it). */
const InterventionAction = z
  .object({
    type: z.enum(INTERVENTION_TYPES),
    /** The municipality's live intervention-type item (modules/lists); another town's or a retired one is refused. */
    typeItemId: Id.optional(),
    title: text().min(1).max(200),
    agencyId: Id,
    assigneeId: Id.optional(),
    startDate: Day.optional(),
    dueDate: Day.optional(),
  })
  .refine((i) => !i.startDate || !i.dueDate || i.dueDate >= i.startDate, { message: 'before_start', path: ['dueDate'] });

const TaskAction = z.object({ title: text().min(1).max(200), assigneeId: Id.optional(), dueDate: Day.optional() });

/** A decision on one agenda item: consensus, or the dissent recorded (encrypted at rest). */
export const DecideInput = z
  .object({
    agendaItemId: Id,
    decision: z.enum(PANEL_DECISIONS),
    consensus: z.boolean(),
    dissent: text().max(5_000).optional(),
    interventions: z.array(InterventionAction).max(10).default([]),
    tasks: z.array(TaskAction).max(10).default([]),
  })
  .refine((d) => d.consensus || (d.dissent?.length ?? 0) > 0, { message: 'required', path: ['dissent'] });

export const AddMinuteInput = z.object({
  meetingId: Id,
  /** The agenda item the entry is about; none for the meeting in general. */
  agendaItemId: Id.optional(),
  body: text().min(1).max(20_000),
  /** The entry this one corrects: the only kind of entry approved minutes still take. */
  correctsId: Id.optional(),
});

export type ScheduleMeeting = z.infer<typeof ScheduleMeetingInput>;
export type UpdateMeeting = z.infer<typeof UpdateMeetingInput>;
export type Decide = z.infer<typeof DecideInput>;
export type AddMinute = z.infer<typeof AddMinuteInput>;
export type Attendance = z.infer<typeof AttendanceInput>;
