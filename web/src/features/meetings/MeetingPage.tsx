import { For, Show, createSignal } from 'solid-js';
import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { formatDate, formatDateTime } from '../../lib/format';
import { errorMessage } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { RequireRole } from '../../components/Shell';
import { STATUS_CLASS } from './MeetingsPage';
import { MeetingForm } from './MeetingForm';
import { Attendance } from './Attendance';
import { AgendaItemCard } from './AgendaItem';
import { Minutes } from './Minutes';
import { getMeeting, getMeetings, type Meeting } from './api';
import { CASE_WORKER_ROLES } from '../../../../src/shared/roles';
import { actionStarted, createNotice } from '../../lib/notice';
import './meetings.css';

/** Cancel (before it is held) and approve the minutes (once held): the coordinator's buttons. */
function Controls(props: { meeting: Meeting; onEdit: () => void }) {
  const [message, setMessage] = createNotice<{ kind: 'error' | 'success'; text: string }>();
  const run = async (work: () => Promise<unknown>, done: string) => {
    actionStarted();
    try {
      await work();
      setMessage({ kind: 'success', text: done });
      await revalidate([getMeeting.key, getMeetings.key]);
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };
  const id = () => props.meeting.id;
  return (
    <div class="toolbar meeting-controls">
      <Alert kind={message()?.kind ?? 'info'} message={message()?.text} testId="meeting-message" />
      <Show when={props.meeting.status === 'scheduled'}>
        <button type="button" class="button small" onClick={() => props.onEdit()} data-testid="edit-meeting">
          {t('meeting.edit')}
        </button>
        <ConfirmButton
          label={t('meeting.cancel')}
          danger
          onConfirm={() => run(() => trpc.meetings.cancel.mutate({ id: id() }), t('meeting.cancelled'))}
        />
      </Show>
      <Show when={props.meeting.status === 'held'}>
        <ConfirmButton
          label={t('meeting.approve')}
          onConfirm={() => run(() => trpc.meetings.approveMinutes.mutate({ id: id() }), t('meeting.approvedDone'))}
        />
      </Show>
    </div>
  );
}

function MeetingView(props: { meeting: Meeting }) {
  const m = () => props.meeting;
  const [editing, setEditing] = createSignal(false);
  const open = () => m().status === 'scheduled' || m().status === 'held';
  return (
    <>
      <header class="meeting-head">
        <h1 id="page-title">
          <bdi>{m().title}</bdi>
          <span class={`badge ${STATUS_CLASS[m().status]}`} data-testid="meeting-status">
            {tKey('meetingStatuses', m().status)}
          </span>
        </h1>
        <p class="lead">
          {formatDateTime(m().scheduledAt)}
          <Show when={m().location}>
            {(l) => (
              <>
                {' · '}
                <bdi>{l()}</bdi>
              </>
            )}
          </Show>
        </p>
        <p class="muted small">
          {t('meeting.createdBy', { name: m().createdBy.displayName })}
          <Show when={m().approvedAt}>{(at) => <> · {t('meeting.approvedOn', { date: formatDate(at()) })}</>}</Show>
        </p>
        <Show when={m().status === 'approved'}>
          <p class="alert alert-info">{t('meeting.lockedNote')}</p>
        </Show>
        {/* Opened before its time: the server refuses attendance, minutes and decisions until then (MEETING_NOT_YET). */}
        <Show when={m().status === 'scheduled' && new Date(m().scheduledAt).getTime() > Date.now()}>
          <p class="alert alert-info" data-testid="meeting-not-yet">
            {t('errors.MEETING_NOT_YET')}
          </p>
        </Show>
        <p class="print-links">
          <A href={`/meetings/${m().id}/pack`} data-testid="print-pack">
            {t('print.meeting.packLink')}
          </A>
          <Show when={m().status !== 'scheduled'}>
            {' · '}
            <A href={`/meetings/${m().id}/minutes`} data-testid="print-minutes">
              {t('print.meeting.minutesLink')}
            </A>
          </Show>
        </p>
      </header>
      <Show when={m().may.update}>
        <Controls meeting={m()} onEdit={() => setEditing(true)} />
        <Show when={editing() && m().status === 'scheduled'}>
          <MeetingForm meeting={m()} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </Show>
      </Show>
      <div class="meeting-layout">
        <section class="card" aria-labelledby="agenda-title" data-testid="agenda">
          <h2 id="agenda-title">{t('meeting.agenda')}</h2>
          <Show when={!m().may.decide}>
            <p class="muted">{t('meeting.agendaIntro')}</p>
          </Show>
          <ol class="agenda">
            <For each={m().agenda} fallback={<li class="muted">{t('meeting.agendaEmpty')}</li>}>
              {(item, i) => <AgendaItemCard item={item} n={i() + 1} choices={m().choices} editable={m().may.decide && open()} />}
            </For>
          </ol>
        </section>
        <div class="meeting-side">
          <Attendance meeting={m()} editable={m().may.update && open()} />
          <Minutes meeting={m()} />
        </div>
      </div>
    </>
  );
}

/** One panel meeting: agenda (need-to-know), attendance, decisions, minutes. */
export default function MeetingPage() {
  const params = useParams<{ id: string }>();
  const meeting = createAsync(() => getMeeting(params.id));
  return (
    <section aria-labelledby="page-title" class="meeting-page">
      <p>
        <A href="/meetings">{t('meeting.back')}</A>
      </p>
      <RequireRole roles={CASE_WORKER_ROLES}>
        <Show when={meeting()} fallback={<p class="loading">{t('app.loading')}</p>}>
          {(m) => <MeetingView meeting={m()} />}
        </Show>
      </RequireRole>
    </section>
  );
}
