import { Show, createSignal } from 'solid-js';
import { createAsync, revalidate } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, optional, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { OptionsField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Opener } from '../../components/Toggle';
import { Conflict } from '../history/Conflict';
import { theirsOf } from '../history/values';
import {
  CASE_QUERIES,
  INTERVENTION_STATUSES,
  type Intervention,
  type InterventionStatus,
  type InterventionType,
  type PlanChoices,
} from './api';
import { createNotice } from '../../lib/notice';
import { getListItems, itemLabel, liveItems } from '../lists/api';

const ADD_FIELDS = ['type', 'typeItemId', 'title', 'agencyId', 'assigneeId', 'startDate', 'dueDate'] as const;
const UPDATE_FIELDS = ['status', 'outcome'] as const;

/** Key worker or coordinator: adds an intervention for an agency, with an optional assignee and dates. */
export function AddInterventionForm(props: { caseId: string; choices: PlanChoices; onDone: () => void; onCancel: () => void }) {
  // The municipality's live intervention types; the core code goes with the item (the server takes it from the item).
  const items = createAsync(() => getListItems());
  const types = () => liveItems(items(), 'intervention_type');
  const form = useForm({
    name: `add-intervention-${props.caseId}`,
    fields: ADD_FIELDS,
    refresh: CASE_QUERIES,
    clear: true,
    submit: (data, keyed) =>
      trpc.cases.addIntervention.mutate(
        {
          caseId: props.caseId,
          type: (types().find((i) => i.id === field(data, 'typeItemId'))?.code ?? '') as InterventionType,
          typeItemId: field(data, 'typeItemId'),
          title: field(data, 'title'),
          agencyId: field(data, 'agencyId'),
          assigneeId: optional(data, 'assigneeId'),
          startDate: optional(data, 'startDate'),
          dueDate: optional(data, 'dueDate'),
        },
        keyed,
      ),
    onDone: () => props.onDone(),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="intervention-form">
      <h3 class="h3">{t('plan.add')}</h3>
      <Alert kind="error" message={form.errors().banner} />
      <div class="form-grid">
        <OptionsField
          label={t('plan.type')}
          name="typeItemId"
          required
          options={types()}
          idOf={(i) => i.id}
          labelOf={itemLabel}
          placeholder={t('common.choose')}
          error={form.errors().fields.typeItemId ?? form.errors().fields.type}
        />
        <TextField label={t('plan.interventionTitle')} name="title" required maxLength={200} error={form.errors().fields.title} />
        <OptionsField
          label={t('plan.agency')}
          name="agencyId"
          required
          options={props.choices.agencies}
          idOf={(a) => a.id}
          labelOf={(a) => a.name}
          placeholder={t('common.choose')}
          error={form.errors().fields.agencyId}
        />
        <OptionsField
          label={t('plan.assignee')}
          name="assigneeId"
          options={props.choices.people}
          idOf={(u) => u.id}
          labelOf={(u) => u.displayName}
          placeholder={t('plan.nobody')}
          error={form.errors().fields.assigneeId}
        />
        <TextField label={t('plan.start')} name="startDate" type="date" error={form.errors().fields.startDate} />
        <TextField label={t('plan.due')} name="dueDate" type="date" error={form.errors().fields.dueDate} />
      </div>
      <FormActions form={form} label={t('plan.submit')} onCancel={() => props.onCancel()} />
    </form>
  );
}

/**
 * Status and outcome of one intervention. Shown to everyone who sees it: the server decides (the
 * assignee, the coordinator, a practitioner of the responsible agency) and its refusal is shown here.
 */
export function UpdateIntervention(props: { intervention: Intervention }) {
  const [open, setOpen] = createSignal(false);
  const [saved, setSaved] = createNotice<boolean>();
  const [conflict, setConflict] = createSignal<{ theirs: Record<string, unknown> | null; yours: Record<string, unknown> } | null>(null);
  const form = useForm({
    name: `update-intervention-${props.intervention.id}`,
    fields: UPDATE_FIELDS,
    refresh: CASE_QUERIES,
    submit: async (data) => {
      const yours = { status: field(data, 'status') as InterventionStatus, outcome: field(data, 'outcome') };
      setConflict(null);
      try {
        // The version this form opened: someone else's save since is shown, never overwritten.
        return await trpc.cases.updateIntervention.mutate({ id: props.intervention.id, version: props.intervention.version, ...yours });
      } catch (err) {
        setConflict({ theirs: theirsOf(err), yours });
        throw err;
      }
    },
    onDone: () => (setOpen(false), setSaved(true)),
  });
  return (
    <>
      <Alert kind="success" message={saved() ? t('plan.updated') : null} />
      <Opener
        open={open()}
        onOpen={() => (setOpen(true), setSaved(false))}
        label={t('plan.update')}
        class="button small"
        testId="update-intervention"
      >
        <form ref={form.ref} action={form.action} method="post" class="form compact" data-testid="intervention-update-form">
          <Alert kind="error" message={form.errors().banner} />
          <Show when={conflict()?.theirs}>
            <Conflict theirs={conflict()!.theirs} yours={conflict()!.yours} />
            <button
              type="button"
              class="button small"
              onClick={() => (setConflict(null), form.reset(), void revalidate(CASE_QUERIES))}
              data-testid="start-again"
            >
              {t('changes.reload')}
            </button>
          </Show>
          <OptionsField
            label={t('plan.status')}
            name="status"
            required
            options={INTERVENTION_STATUSES}
            labelOf={(v) => tKey('interventionStatuses', v)}
            selected={props.intervention.status}
            error={form.errors().fields.status}
          />
          <TextAreaField
            label={t('plan.outcome')}
            name="outcome"
            maxLength={2000}
            rows={3}
            dir="auto"
            value={props.intervention.outcome ?? ''}
            error={form.errors().fields.outcome}
          />
          <FormActions form={form} label={t('plan.save')} small onCancel={() => setOpen(false)} />
        </form>
      </Opener>
    </>
  );
}
