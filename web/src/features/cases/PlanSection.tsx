import { For, Show, Suspense, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { formatLocale } from '../../lib/region';
import { Alert } from '../../components/Alert';
import { Opener } from '../../components/Toggle';
import { AddInterventionForm, UpdateIntervention } from './PlanForms';
import type { Intervention, PlanChoices } from './api';
import { createNotice } from '../../lib/notice';
import { createAsync } from '@solidjs/router';
import { chosenLabel, getListItems } from '../lists/api';

const STATUS_CLASS = { planned: 'info', active: 'warn', completed: 'ok', cancelled: 'muted' } as const;

/** A calendar day (stored without time, sent as UTC midnight) in the current locale. */
const formatDay = (d: Date | null) =>
  d ? new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d) : t('common.none');

/**
 * The case's support plan: the interventions the user may see, with status and outcome, and (key
 * worker, coordinator) adding one. `choices` is set only for those who may add.
 */
export function PlanSection(props: { caseId: string; plan: Intervention[]; choices: PlanChoices | null }) {
  const [adding, setAdding] = createSignal(false);
  const [added, setAdded] = createNotice<boolean>();
  // The municipality's words for each type (a retired one still reads as it did).
  const items = createAsync(() => getListItems());
  return (
    <section class="card" aria-labelledby="plan-title" data-testid="plan-section">
      <h2 id="plan-title">{t('plan.title')}</h2>
      <p class="muted">{t('plan.intro')}</p>
      <Alert kind="success" message={added() ? t('plan.added') : null} />
      <ul class="interventions" data-testid="interventions">
        <For each={props.plan} fallback={<li class="muted">{t('plan.empty')}</li>}>
          {(i) => (
            <li class="intervention" data-testid="intervention" data-status={i.status}>
              <p class="intervention-head">
                <bdi class="strong">{i.title}</bdi>
                <span class={`badge ${STATUS_CLASS[i.status]}`}>{tKey('interventionStatuses', i.status)}</span>
              </p>
              <dl class="facts compact">
                <dt>{t('plan.type')}</dt>
                <dd>
                  <Suspense fallback={chosenLabel(undefined, 'intervention_type', i.typeItemId, i.type)}>
                    {chosenLabel(items(), 'intervention_type', i.typeItemId, i.type)}
                  </Suspense>
                </dd>
                <dt>{t('plan.agency')}</dt>
                <dd>
                  <bdi>{i.agency.name}</bdi>
                </dd>
                <dt>{t('plan.assignee')}</dt>
                <dd>{i.assignee ? <bdi>{i.assignee.displayName}</bdi> : t('plan.nobody')}</dd>
                <dt>{t('plan.start')}</dt>
                <dd>{formatDay(i.startDate)}</dd>
                <dt>{t('plan.due')}</dt>
                <dd>{formatDay(i.dueDate)}</dd>
                <Show when={i.outcome}>
                  {(o) => (
                    <>
                      <dt>{t('plan.outcome')}</dt>
                      <dd dir="auto" class="prewrap">
                        {o()}
                      </dd>
                    </>
                  )}
                </Show>
              </dl>
              <UpdateIntervention intervention={i} />
            </li>
          )}
        </For>
      </ul>
      <Show when={props.choices}>
        {(choices) => (
          <Opener open={adding()} onOpen={() => (setAdding(true), setAdded(false))} label={t('plan.add')} testId="add-intervention">
            <AddInterventionForm
              caseId={props.caseId}
              choices={choices()}
              onDone={() => (setAdding(false), setAdded(true))}
              onCancel={() => setAdding(false)}
            />
          </Opener>
        )}
      </Show>
    </section>
  );
}
