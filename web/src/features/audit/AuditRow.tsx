import { For, Show } from 'solid-js';
import { t, tKey } from '../../i18n';
import { formatTimestamp } from '../../lib/format';
import type { AuditEvent } from './api';

const short = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…` : id);

/** An event's details as "key value" lines; anything that is not an object stays JSON. */
function Details(props: { value: AuditEvent['detail'] }) {
  const entries = () => {
    const v = props.value;
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v) : null;
  };
  return (
    <Show
      when={entries()}
      fallback={
        <Show when={props.value != null}>
          <code dir="ltr">{JSON.stringify(props.value)}</code>
        </Show>
      }
    >
      {(list) => (
        <ul class="kv" dir="ltr">
          <For each={list()}>
            {([key, value]) => (
              <li>
                <span class="k">{key}</span> <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
              </li>
            )}
          </For>
        </ul>
      )}
    </Show>
  );
}

/** One event of the log. Everything is rendered as text: details may hold anything a user typed. */
export function AuditRow(props: { event: AuditEvent }) {
  const e = () => props.event;
  const denied = () => e().outcome === 'denied';
  return (
    <tr classList={{ denied: denied() }} data-testid="audit-row" data-action={e().action}>
      <td class="nowrap">
        <time datetime={e().at.toISOString()}>{formatTimestamp(e().at)}</time>
      </td>
      <td>
        <Show when={e().actorId} fallback={<span class="muted">{t('audit.nobody')}</span>}>
          {e().actor?.displayName ?? short(e().actorId ?? '')}
          <Show when={e().actorRole}>{(role) => <small class="block muted">{tKey('roles', role())}</small>}</Show>
        </Show>
      </td>
      <td>
        <span data-testid="audit-action">{tKey('auditActions', e().action)}</span>
        <code class="block small" dir="ltr">
          {e().action}
        </code>
      </td>
      <td>
        <Show when={e().entityType} fallback={t('common.none')}>
          {(type) => tKey('entityTypes', type())}
        </Show>
        <Show when={e().entityId}>
          {(id) => (
            <code class="block small" dir="ltr" title={id()}>
              {short(id())}
            </code>
          )}
        </Show>
      </td>
      <td>
        <span class="badge" classList={{ danger: denied(), ok: !denied() }} data-testid="audit-outcome">
          {tKey('outcomes', e().outcome)}
        </span>
      </td>
      <td class="mono" dir="ltr">
        {e().ip ?? t('common.none')}
      </td>
      <td class="mono" dir="ltr" title={e().requestId ?? ''}>
        {e().requestId ? short(e().requestId!) : t('common.none')}
      </td>
      <td class="detail">
        <Details value={e().detail} />
      </td>
    </tr>
  );
}
