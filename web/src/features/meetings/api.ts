import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';
import { toZonedInput } from '../../lib/region';

export type MeetingRow = Outputs['meetings']['list'][number];
export type Meeting = Outputs['meetings']['get'];
export type AgendaItem = Meeting['agenda'][number];
export type Minute = Meeting['minutes'][number];
export type Invitee = Meeting['invitees'][number];
export type Choices = NonNullable<Meeting['choices']>;
export type { PanelDecision as Decision } from '../../../../src/shared/vocabulary';
export type When = 'upcoming' | 'past';

export { PANEL_DECISIONS as DECISIONS } from '../../../../src/shared/vocabulary';

/** Meetings the user may see, upcoming or past. Audited (meeting.list). */
export const getMeetings = query((when: When) => trpc.meetings.list.query({ when }), 'meetings.list');

/** One meeting with the agenda items the user may see. Audited (meeting.read). */
export const getMeeting = query((id: string) => trpc.meetings.get.query({ id }), 'meetings.get');

/** Open cases for the agenda picker (coordinator: all of the municipality), newest first. */
export const getAgendaCases = query(() => trpc.cases.list.query({ limit: 100 }), 'meetings.agendaCases');

/** What a form that changes a meeting reads again: the meeting and the lists (lib/form.ts' `refresh`). */
export const MEETING_QUERIES = [getMeeting.key, getMeetings.key];

/** `YYYY-MM-DDTHH:mm` on the municipality's clock, for a datetime-local input (read back with fromZonedInput). */
export const localInput = (d: Date) => toZonedInput(new Date(d));
