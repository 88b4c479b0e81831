import { onCleanup } from 'solid-js';
import { action, json, query, useSubmission } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';
import { formErrors } from '../../lib/errors';

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

/**
 * A form that changes a meeting: runs `work` with the submitted fields, then refreshes the meeting
 * and the lists. `errors()` splits a refusal between the form's `fields` and its banner.
 */
export function useMeetingForm(name: string, fields: readonly string[], work: (data: FormData) => Promise<unknown>) {
  const submit = action(async (data: FormData | URLSearchParams) => {
    await work(data as FormData);
    return json({ ok: true }, { revalidate: [getMeeting.key, getMeetings.key] });
  }, name);
  const submission = useSubmission(submit);
  onCleanup(() => submission.clear());
  return { submit, submission, errors: () => formErrors(submission.error, fields) };
}

/** A submitted field's trimmed text. */
export const field = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
/** An optional submitted field: left out when empty. */
export const optional = (data: FormData, name: string) => field(data, name) || undefined;
/** Every checked value of a checkbox group. */
export const checked = (data: FormData, name: string) => data.getAll(name).map(String);

/** `YYYY-MM-DDTHH:mm` in local time, for a datetime-local input. */
export function localInput(d: Date) {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
