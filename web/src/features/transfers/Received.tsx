import { For, Match, Show, Switch } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { locale, t, tKey } from '../../i18n';
import { formatDate } from '../../lib/format';
import { getReceived, type Received } from './api';

type Note = { at: string; text: string };
type Intervention = { type: string; title: string | null; status: string; outcome: string | null };
type Rating = { factor: Record<string, string>; rating: string; comment: string | null };
type Assessment = { at: string; judgement: string | null; ratings: Rating[] };

/** One section as the transfer brought it (its content is the sending city's, copied at acceptance). */
function Section(props: { item: Received }) {
  const list = <T,>() => (Array.isArray(props.item.content) ? (props.item.content as T[]) : []);
  return (
    <div class="subsection" data-testid="transfer-received" data-section={props.item.section}>
      <h3 class="h3">{tKey('transfers.sectionOf', props.item.section)}</h3>
      <Switch>
        <Match when={props.item.section === 'summary'}>
          <p class="prewrap">{String(props.item.content ?? '')}</p>
        </Match>
        <Match when={props.item.section === 'notes'}>
          <For each={list<Note>()}>
            {(n) => (
              <p class="prewrap small">
                <span class="muted">{t('transfers.received.note', { date: formatDate(n.at) })}: </span>
                {n.text}
              </p>
            )}
          </For>
        </Match>
        <Match when={props.item.section === 'plan'}>
          <ul>
            <For each={list<Intervention>()}>
              {(i) => (
                <li class="small">
                  {t('transfers.received.intervention', { type: tKey('interventionTypes', i.type), title: i.title ?? '' })} ·{' '}
                  {tKey('interventionStatuses', i.status)}
                  <Show when={i.outcome}>{(o) => <span class="block prewrap muted">{o()}</span>}</Show>
                </li>
              )}
            </For>
          </ul>
        </Match>
        <Match when={props.item.section === 'assessments'}>
          <For each={list<Assessment>()}>
            {(a) => (
              <div class="small">
                <p>
                  <strong>{t('transfers.received.assessment', { date: formatDate(a.at) })}</strong>
                </p>
                <Show when={a.judgement}>{(j) => <p class="prewrap">{j()}</p>}</Show>
                <ul>
                  <For each={a.ratings}>
                    {(r) => (
                      <li>
                        {r.factor[locale()] ?? r.factor.en}: {tKey('factorRatings', r.rating)}
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            )}
          </For>
        </Match>
      </Switch>
    </div>
  );
}

/** On a case opened by a transfer: the sections the other city sent, to those who may read each. */
export function ReceivedSection(props: { caseId: string }) {
  const items = createAsync(() => getReceived(props.caseId));
  return (
    <Show when={(items() ?? []).length > 0}>
      <section class="card" aria-labelledby="received-title" data-testid="transfer-received-section">
        <h2 id="received-title">{t('transfers.received.title')}</h2>
        <p class="muted small">{t('transfers.received.intro')}</p>
        <For each={items()}>{(item) => <Section item={item} />}</For>
      </section>
    </Show>
  );
}
