import { For, Show, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatList } from '../../lib/format';
import { PersonName } from '../../components/PersonName';
import { DecisionForm } from './DecisionForm';
import type { AgendaItem, Choices } from './api';

/** The decision as recorded: what, and consensus or the dissent. */
function DecisionView(props: { item: AgendaItem }) {
  return (
    <Show
      when={props.item.decision}
      fallback={<p class="muted">{props.item.withheld.decision ? t('meeting.decisionWithheld') : t('meeting.undecided')}</p>}
    >
      {(d) => (
        <div class="decision" data-testid="decision">
          <p>
            <span class="strong">{t('meeting.decision')}:</span> <span class="badge info">{tKey('decisions', d())}</span>
            <Show when={props.item.consensus}>
              <span class="badge ok">{t('meeting.consensus')}</span>
            </Show>
          </p>
          <Show when={props.item.withheld.dissent}>
            <p class="muted small">{t('meeting.dissentWithheld')}</p>
          </Show>
          <Show when={props.item.dissent}>
            {(text) => (
              <div class="dissent">
                <p class="strong">{t('meeting.dissent')}</p>
                <p dir="auto" class="prewrap" data-testid="dissent">
                  {text()}
                </p>
              </div>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
}

/**
 * One agenda item of the viewer's pack: the case's reference and stage, the sections shared with
 * them (summary, plan), the decision; the coordinator records or changes it while the minutes are open.
 */
export function AgendaItemCard(props: { item: AgendaItem; n: number; choices: Choices | null; editable: boolean }) {
  const [deciding, setDeciding] = createSignal(false);
  const i = () => props.item;
  return (
    <li class="agenda-item" data-testid="agenda-item" data-case={i().case.reference}>
      <h3 class="h3">
        {t('meeting.item', { n: String(props.n) })} ·{' '}
        <A href={`/cases/${i().case.id}`} class="mono" dir="ltr">
          {i().case.reference}
        </A>{' '}
        <span class="badge">{tKey('stages', i().case.stage)}</span>
      </h3>
      <Show when={!props.editable}>
        <p class="muted small">
          {t('meeting.sections')}: {formatList(i().sections.map((s) => tKey('sections', s)))}
        </p>
      </Show>
      <Show when={i().summary}>
        {(s) => (
          <div class="pack-section">
            <h4>{t('meeting.summaryTitle')}</h4>
            <p>
              <PersonName person={s().person} />
            </p>
            <p dir="auto" class="prewrap">
              {s().text ?? t('meeting.noSummary')}
            </p>
          </div>
        )}
      </Show>
      <Show when={i().plan}>
        {(plan) => (
          <div class="pack-section">
            <h4>{t('meeting.planTitle')}</h4>
            <ul class="plain-list">
              <For each={plan()} fallback={<li class="muted">{t('meeting.noPlan')}</li>}>
                {(p) => (
                  <li>
                    <bdi class="strong">{p.title}</bdi> · {tKey('interventionTypes', p.type)} · <bdi>{p.agency.name}</bdi>{' '}
                    <span class="badge">{tKey('interventionStatuses', p.status)}</span>
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </Show>
      <DecisionView item={i()} />
      <Show when={props.editable && props.choices}>
        {(choices) => (
          <Show
            when={deciding()}
            fallback={
              <button type="button" class="button small" onClick={() => setDeciding(true)} data-testid="decide">
                {i().decision ? t('meeting.redecide') : t('meeting.decide')}
              </button>
            }
          >
            <DecisionForm item={i()} choices={choices()} onDone={() => setDeciding(false)} onCancel={() => setDeciding(false)} />
          </Show>
        )}
      </Show>
    </li>
  );
}
