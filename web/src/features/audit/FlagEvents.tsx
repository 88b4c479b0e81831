import { Show } from 'solid-js';
import { t, tKey } from '../../i18n';
import { formatNumber, formatTimestamp } from '../../lib/format';
import { DataTable } from '../../components/DataTable';
import type { FlagWithEvents } from './api';
import { tn } from '../../i18n/plural';

type Event = FlagWithEvents['raisedBy'][number];

function EventRow(props: { event: Event }) {
  const e = () => props.event;
  const denied = () => e().outcome === 'denied';
  return (
    <tr classList={{ denied: denied() }} data-testid="flag-event" data-action={e().action}>
      <td class="nowrap">
        <time datetime={e().at.toISOString()}>{formatTimestamp(e().at)}</time>
      </td>
      <td>
        <Show when={e().actor} fallback={<span class="muted">{t('audit.nobody')}</span>}>
          {(a) => a().displayName}
        </Show>
        <Show when={e().actorRole}>{(role) => <small class="block muted">{tKey('roles', role())}</small>}</Show>
      </td>
      <td data-testid="flag-event-action">{tKey('auditActions', e().action, t('flag.otherAction'))}</td>
      <td>
        <Show when={e().entityType} fallback={<span class="muted">{t('common.none')}</span>}>
          {(type) => tKey('entityTypes', type(), t('flag.otherRecord'))}
        </Show>
      </td>
      <td>
        <span class="badge" classList={{ danger: denied(), ok: !denied() }}>
          {tKey('outcomes', e().outcome)}
        </span>
      </td>
    </tr>
  );
}

/** The events of the log that raised a flag, newest first, in words (no action codes, no ids). */
export function FlagEvents(props: { flag: FlagWithEvents }) {
  return (
    <>
      <h2>{t('flag.events')}</h2>
      <Show when={props.flag.events > 0} fallback={<p class="muted">{t('flag.noEvents')}</p>}>
        <p class="muted">{tn('flag.eventsShown', props.flag.events, { shown: formatNumber(props.flag.raisedBy.length) })}</p>
        <DataTable
          testId="flag-events"
          label={t('flag.events')}
          headings={[t('audit.time'), t('audit.actor'), t('audit.actionColumn'), t('audit.entity'), t('audit.outcome')]}
          rows={props.flag.raisedBy}
          loaded
          empty={t('flag.noEvents')}
        >
          {(event) => <EventRow event={event} />}
        </DataTable>
      </Show>
    </>
  );
}
