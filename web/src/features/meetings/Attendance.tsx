import { For, Show, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { Alert } from '../../components/Alert';
import { checked, useMeetingForm, type Invitee, type Meeting } from './api';

const nameOf = (i: Invitee) => i.agency?.name ?? i.user?.displayName ?? '';
const attendanceOf = (i: Invitee) => (i.attended === true ? t('meeting.attended') : i.attended === false ? t('meeting.absent') : t('meeting.unknownAttendance'));

/** Who was invited and who came; the coordinator ticks attendance until the minutes are approved. */
export function Attendance(props: { meeting: Meeting; editable: boolean }) {
  const [saved, setSaved] = createSignal(false);
  const { submit, submission, errors } = useMeetingForm(`attendance-${props.meeting.id}`, [], async (data) => {
    const present = new Set(checked(data, 'present'));
    await trpc.meetings.recordAttendance.mutate({
      id: props.meeting.id,
      attendance: props.meeting.invitees.map((i) => ({ inviteeId: i.id, attended: present.has(i.id) })),
    });
    setSaved(true);
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
        <form action={submit} method="post" class="form compact" onInput={() => setSaved(false)}>
          <Alert kind="error" message={errors().banner} />
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
          <div class="form-actions">
            <button type="submit" class="button small primary" disabled={submission.pending} data-testid="save-attendance">
              {submission.pending ? t('common.saving') : t('meeting.saveAttendance')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
