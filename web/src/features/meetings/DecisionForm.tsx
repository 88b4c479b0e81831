import { For, Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, optional, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { CheckboxField, OptionsField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import type { InterventionType } from '../cases/api';
import { getListItems, itemLabel, liveItems } from '../lists/api';
import { DECISIONS, MEETING_QUERIES, type AgendaItem, type Choices, type Decision } from './api';

const MAX_ACTIONS = 10;
const rows = (prefix: string, names: string[]) =>
  Array.from({ length: MAX_ACTIONS }, (_, i) => names.map((n) => `${prefix}.${i}.${n}`)).flat();
const FIELDS = [
  'decision',
  'consensus',
  'dissent',
  ...rows('interventions', ['typeItemId', 'title', 'agencyId', 'assigneeId', 'startDate', 'dueDate']),
  ...rows('tasks', ['title', 'assigneeId', 'dueDate']),
];

/** Ever-growing keys for action rows, so removing one keeps the others' typed values. */
let nextKey = 0;

/**
 * Coordinator: the panel's decision on one agenda item, with consensus or the dissent, and actions
 * that become interventions (for an agency) or tasks on the case, all saved together or not at all.
 */
export function DecisionForm(props: { item: AgendaItem; choices: Choices; onDone: () => void; onCancel: () => void }) {
  const [consensus, setConsensus] = createSignal(props.item.consensus ?? true);
  const [interventions, setInterventions] = createSignal<number[]>([]);
  const [tasks, setTasks] = createSignal<number[]>([]);
  // The municipality's live intervention types, in the reader's language: the item goes, with its core code.
  const items = createAsync(() => getListItems());
  const types = () => liveItems(items(), 'intervention_type');
  const typeOf = (id: string) => (types().find((i) => i.id === id)?.code ?? '') as InterventionType;
  const form = useForm({
    name: `decide-${props.item.id}`,
    fields: FIELDS,
    refresh: MEETING_QUERIES,
    submit: (data, keyed) =>
      trpc.meetings.decide.mutate(
        {
          agendaItemId: props.item.id,
          decision: field(data, 'decision') as Decision,
          consensus: consensus(),
          dissent: consensus() ? undefined : field(data, 'dissent'),
          interventions: interventions().map((_, i) => ({
            type: typeOf(field(data, `interventions.${i}.typeItemId`)),
            typeItemId: field(data, `interventions.${i}.typeItemId`),
            title: field(data, `interventions.${i}.title`),
            agencyId: field(data, `interventions.${i}.agencyId`),
            assigneeId: optional(data, `interventions.${i}.assigneeId`),
            startDate: optional(data, `interventions.${i}.startDate`),
            dueDate: optional(data, `interventions.${i}.dueDate`),
          })),
          tasks: tasks().map((_, i) => ({
            title: field(data, `tasks.${i}.title`),
            assigneeId: optional(data, `tasks.${i}.assigneeId`),
            dueDate: optional(data, `tasks.${i}.dueDate`),
          })),
        },
        keyed,
      ),
    onDone: () => props.onDone(),
  });
  const e = (name: string) => form.errors().fields[name];
  const remove = (set: typeof setTasks, key: number) => set((keys) => keys.filter((k) => k !== key));
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection decision-form" data-testid="decision-form">
      <Alert kind="error" message={form.errors().banner} />
      <OptionsField
        label={t('meeting.decision')}
        name="decision"
        required
        options={DECISIONS}
        labelOf={(d) => tKey('decisions', d)}
        placeholder={t('common.choose')}
        selected={props.item.decision ?? undefined}
        error={e('decision')}
      />
      <CheckboxField
        label={t('meeting.consensusLabel')}
        name="consensus"
        checked={consensus()}
        onChange={(ev) => setConsensus(ev.currentTarget.checked)}
      />
      <Show when={!consensus()}>
        <TextAreaField
          label={t('meeting.dissent')}
          hint={t('meeting.dissentHint')}
          name="dissent"
          required
          rows={3}
          maxLength={5000}
          dir="auto"
          value={props.item.dissent ?? ''}
          error={e('dissent')}
        />
      </Show>
      <fieldset class="actions-group">
        <legend>{t('meeting.actions')}</legend>
        <p class="hint">{t('meeting.actionsHint')}</p>
        <For each={interventions()}>
          {(key, i) => (
            <div class="action-row" data-testid="action-intervention">
              <h4>{t('meeting.interventionN', { n: String(i() + 1) })}</h4>
              <div class="form-grid">
                <OptionsField
                  label={t('plan.type')}
                  name={`interventions.${i()}.typeItemId`}
                  required
                  options={types()}
                  idOf={(item) => item.id}
                  labelOf={itemLabel}
                  placeholder={t('common.choose')}
                  error={e(`interventions.${i()}.typeItemId`) ?? e(`interventions.${i()}.type`)}
                />
                <TextField
                  label={t('plan.interventionTitle')}
                  name={`interventions.${i()}.title`}
                  required
                  maxLength={200}
                  error={e(`interventions.${i()}.title`)}
                />
                <OptionsField
                  label={t('plan.agency')}
                  name={`interventions.${i()}.agencyId`}
                  required
                  options={props.choices.agencies}
                  idOf={(a) => a.id}
                  labelOf={(a) => a.name}
                  placeholder={t('common.choose')}
                  error={e(`interventions.${i()}.agencyId`)}
                />
                <OptionsField
                  label={t('plan.assignee')}
                  name={`interventions.${i()}.assigneeId`}
                  options={props.choices.people}
                  idOf={(u) => u.id}
                  labelOf={(u) => u.displayName}
                  placeholder={t('meeting.nobody')}
                  error={e(`interventions.${i()}.assigneeId`)}
                />
                <TextField
                  label={t('plan.start')}
                  name={`interventions.${i()}.startDate`}
                  type="date"
                  error={e(`interventions.${i()}.startDate`)}
                />
                <TextField
                  label={t('plan.due')}
                  name={`interventions.${i()}.dueDate`}
                  type="date"
                  error={e(`interventions.${i()}.dueDate`)}
                />
              </div>
              <button type="button" class="button small ghost" onClick={() => remove(setInterventions, key)}>
                {t('meeting.remove')}
              </button>
            </div>
          )}
        </For>
        <For each={tasks()}>
          {(key, i) => (
            <div class="action-row" data-testid="action-task">
              <h4>{t('meeting.taskN', { n: String(i() + 1) })}</h4>
              <div class="form-grid">
                <TextField
                  label={t('meeting.taskTitle')}
                  name={`tasks.${i()}.title`}
                  required
                  maxLength={200}
                  error={e(`tasks.${i()}.title`)}
                />
                <OptionsField
                  label={t('meeting.assignee')}
                  name={`tasks.${i()}.assigneeId`}
                  options={props.choices.people}
                  idOf={(u) => u.id}
                  labelOf={(u) => u.displayName}
                  placeholder={t('meeting.nobody')}
                  error={e(`tasks.${i()}.assigneeId`)}
                />
                <TextField label={t('meeting.due')} name={`tasks.${i()}.dueDate`} type="date" error={e(`tasks.${i()}.dueDate`)} />
              </div>
              <button type="button" class="button small ghost" onClick={() => remove(setTasks, key)}>
                {t('meeting.remove')}
              </button>
            </div>
          )}
        </For>
        <div class="toolbar">
          <Show when={interventions().length < MAX_ACTIONS}>
            <button
              type="button"
              class="button small"
              onClick={() => setInterventions((k) => [...k, nextKey++])}
              data-testid="add-action-intervention"
            >
              {t('meeting.addIntervention')}
            </button>
          </Show>
          <Show when={tasks().length < MAX_ACTIONS}>
            <button type="button" class="button small" onClick={() => setTasks((k) => [...k, nextKey++])} data-testid="add-action-task">
              {t('meeting.addTask')}
            </button>
          </Show>
        </div>
      </fieldset>
      <FormActions form={form} label={t('meeting.decide')} testId="submit-decision" onCancel={() => props.onCancel()} />
    </form>
  );
}
