import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { checked, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { MEETING_QUERIES, type Invitee, type Meeting } from './api';
import { createNotice } from '../../lib/notice';

const nameOf = (i: Invitee) => i.agency?.name ?? i.user?.displayName ?? '';
const attendanceOf = (i: Invitee) =>
  i.attended === true ? t('meeting.attended') : i.attended === false ? t('meeting.absent') : t('meeting.unknownAttendance');

/** Who was invited and who came; the coordinator ticks attendance until the minutes are approved. */
export function Attendance(props: { meeting: Meeting; editable: boolean }) {
  const [saved, setSaved] = createNotice<boolean>();
  const form = useForm({
    name: `attendance-${props.meeting.id}`,
    refresh: MEETING_QUERIES,
    submit: (data) => {
      const present = new Set(checked(data, 'present'));
      return trpc.meetings.recordAttendance.mutate({
        id: props.meeting.id,
        attendance: props.meeting.invitees.map((i) => ({ inviteeId: i.id, attended: present.has(i.id) })),
      });
    },
    onDone: () => setSaved(true),
  });
  return (
    <section class="card" aria-labelledby="invitees-title" data-testid="attendance">
      <h2 id="invitees-title">{t('meeting.invitees')}</h2>
      <Show
        when={props.editable && props.meeting.invitees.length > 0}
        fallback={
          <ul class="plain-list">
            <For each={props.meeting.invitees}>
              {(i) => (
                <li>
                  <bdi>{nameOf(i)}</bdi> <span class="muted small">({attendanceOf(i)})</span>
                </li>
              )}
            </For>
          </ul>
        }
      >
        <form ref={form.ref} action={form.action} method="post" class="form compact" onInput={() => setSaved(false)}>
          <Alert kind="error" message={form.errors().banner} />
          <Alert kind="success" message={saved() ? t('meeting.attendanceSaved') : null} />
          <fieldset class="field choices">
            <legend class="visually-hidden">{t('meeting.attended')}</legend>
            <For each={props.meeting.invitees}>
              {(i) => (
                <label class="choice block">
                  <input type="checkbox" name="present" value={i.id} checked={i.attended === true} />
                  <bdi>{nameOf(i)}</bdi>
                </label>
              )}
            </For>
          </fieldset>
          <FormActions form={form} label={t('meeting.saveAttendance')} small testId="save-attendance" />
        </form>
      </Show>
    </section>
  );
}
