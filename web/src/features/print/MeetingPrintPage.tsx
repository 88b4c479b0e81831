import { For, Show } from 'solid-js';
import { createAsync, useParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { PersonName } from '../../components/PersonName';
import { getMeetingPrint, type MeetingPrint } from './api';
import { PrintFrame } from './PrintFrame';
import { PlanList } from './PlanList';

type Item = MeetingPrint['agenda'][number];
type Minute = MeetingPrint['minutes'][number];

function Minutes(props: { minutes: Minute[] }) {
  return (
    <For each={props.minutes}>
      {(m) => (
        <p class="print-text">
          <Show when={m.correctsId}>
            <strong>{t('print.meeting.correction')}: </strong>
          </Show>
          {m.body}
          <span class="muted">
            {' '}
            ({m.author?.displayName ?? ''}, {formatDateTime(m.createdAt)})
          </span>
        </p>
      )}
    </For>
  );
}

/** One agenda item as the reader sees it on the meeting page: only what its pack holds. */
function ItemSheet(props: { item: Item; minutes: Minute[]; pack: boolean }) {
  const i = () => props.item;
  return (
    <section class="print-item" data-testid="print-item">
      <h2 dir="auto">{t('print.meeting.item', { reference: i().case.reference })}</h2>
      <Show when={props.pack && i().summary}>
        {(s) => (
          <>
            <p>
              <PersonName person={s().person} />
            </p>
            <p class="print-text">{s().text ?? ''}</p>
          </>
        )}
      </Show>
      <Show when={props.pack && i().plan}>{(plan) => <PlanList plan={plan()} />}</Show>
      <Show when={!props.pack}>
        <p>
          <strong>{t('print.meeting.decision')}: </strong>
          {i().decision ? tKey('decisions', i().decision!) : t('print.meeting.undecided')}
          {i().consensus ? ` (${t('print.meeting.byConsensus')})` : ''}
        </p>
        <Show when={i().dissent}>
          {(d) => (
            <p class="print-text">
              <strong>{t('print.meeting.dissent')}: </strong>
              {d()}
            </p>
          )}
        </Show>
        <Minutes minutes={props.minutes.filter((m) => m.agendaItemId === i().id)} />
      </Show>
    </section>
  );
}

/**
 * A meeting's pack (the reader's own agenda items with what they may read) or its minutes, on paper:
 * the meeting page's read, so nothing is printed that the reader would not see on screen.
 */
export default function MeetingPrintPage(props: { kind: 'pack' | 'minutes' }) {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getMeetingPrint(params.id, props.kind));
  const pack = () => props.kind === 'pack';
  return (
    <Show when={data()}>
      {(m) => (
        <PrintFrame
          back={`/meetings/${params.id}`}
          title={`${pack() ? t('print.meeting.packTitle') : t('print.meeting.minutesTitle')}: ${m().title}`}
          municipality={m().municipality}
          printedAt={m().printedAt}
        >
          <dl>
            <dt>{t('meeting.when')}</dt>
            <dd>{formatDateTime(m().scheduledAt)}</dd>
            <Show when={m().location}>
              <dt>{t('meeting.location')}</dt>
              <dd>{m().location}</dd>
            </Show>
            <dt>{t('meeting.status')}</dt>
            <dd>{tKey('meetingStatuses', m().status)}</dd>
            <dt>{t('print.meeting.invitees')}</dt>
            <dd>
              <ul>
                <For each={m().invitees}>
                  {(i) => (
                    <li>
                      {i.agency?.name ?? i.user?.displayName ?? ''}
                      <Show when={!pack() && i.attended !== null}>
                        {` (${i.attended ? t('print.meeting.attended') : t('print.meeting.absent')})`}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </dd>
          </dl>
          <Show when={!pack()}>
            <section>
              <h2>{t('print.meeting.general')}</h2>
              <Show when={m().minutes.length} fallback={<p>{t('print.meeting.noMinutes')}</p>}>
                <Minutes minutes={m().minutes.filter((x) => !x.agendaItemId)} />
              </Show>
            </section>
          </Show>
          <Show when={m().agenda.length} fallback={<p>{t('print.meeting.noItems')}</p>}>
            <For each={m().agenda}>{(item) => <ItemSheet item={item} minutes={m().minutes} pack={pack()} />}</For>
          </Show>
        </PrintFrame>
      )}
    </Show>
  );
}
