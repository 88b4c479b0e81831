import { For, Show, createSignal } from 'solid-js';
import { A, createAsync, useNavigate, useSearchParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { DataTable } from '../../components/DataTable';
import { RequireRole, useMe } from '../../components/Shell';
import { MeetingForm } from './MeetingForm';
import { getMeetings, type MeetingRow, type When } from './api';
import { CASE_WORKER_ROLES } from '../../../../src/shared/roles';
import './meetings.css';

export const STATUS_CLASS = { scheduled: 'info', held: 'warn', approved: 'ok', cancelled: 'muted' } as const;

function Row(props: { row: MeetingRow }) {
  return (
    <tr data-testid="meeting-row">
      <td class="nowrap">{formatDateTime(props.row.scheduledAt)}</td>
      <td>
        <A href={`/meetings/${props.row.id}`}>
          <bdi>{props.row.title}</bdi>
        </A>
      </td>
      <td>
        <bdi>{props.row.location ?? t('common.none')}</bdi>
      </td>
      <td>
        <span class={`badge ${STATUS_CLASS[props.row.status]}`}>{tKey('meetingStatuses', props.row.status)}</span>
      </td>
      <td>{formatNumber(props.row.agendaCount)}</td>
    </tr>
  );
}

function MeetingList(props: { when: When }) {
  const rows = createAsync(() => getMeetings(props.when));
  return (
    <DataTable
      testId="meetings-table"
      label={t('meeting.title')}
      headings={[t('meeting.when'), t('meeting.name'), t('meeting.location'), t('meeting.status'), t('meeting.agendaCount')]}
      rows={rows() ?? []}
      loaded={rows() !== undefined}
      empty={t('meeting.empty')}
    >
      {(row) => <Row row={row} />}
    </DataTable>
  );
}

/** Panel meetings: the coordinator's schedule; invitees see the meetings they are invited to. */
export default function MeetingsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams<{ when?: string }>();
  const when = (): When => (params.when === 'past' ? 'past' : 'upcoming');
  const [scheduling, setScheduling] = createSignal(false);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('meeting.title')}</h1>
      <p class="lead">{t('meeting.intro')}</p>
      <RequireRole roles={CASE_WORKER_ROLES}>
        <Show when={me().role === 'coordinator'}>
          <Show
            when={scheduling()}
            fallback={
              <p>
                <button type="button" class="button primary" onClick={() => setScheduling(true)} data-testid="schedule-meeting">
                  {t('meeting.schedule')}
                </button>
              </p>
            }
          >
            <MeetingForm onDone={(id) => navigate(`/meetings/${id}`)} onCancel={() => setScheduling(false)} />
          </Show>
        </Show>
        <nav class="meeting-tabs" aria-label={t('meeting.tabs')}>
          <For each={['upcoming', 'past'] as const}>
            {(w) => (
              <button
                type="button"
                class="button small"
                classList={{ ghost: when() !== w }}
                aria-pressed={when() === w}
                onClick={() => setParams({ when: w === 'past' ? 'past' : undefined })}
              >
                {t(`meeting.${w}`)}
              </button>
            )}
          </For>
        </nav>
        <MeetingList when={when()} />
      </RequireRole>
    </section>
  );
}
