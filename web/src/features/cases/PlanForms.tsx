import { Show, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { submissionKey } from '../../lib/submission';
import { Alert } from '../../components/Alert';
import { OptionsField, TextAreaField, TextField } from '../../components/Field';
import { field, useCaseForm } from './caseForm';
import { INTERVENTION_STATUSES, INTERVENTION_TYPES, type Intervention, type InterventionStatus, type InterventionType, type PlanChoices } from './api';

const ADD_FIELDS = ['type', 'title', 'agencyId', 'assigneeId', 'startDate', 'dueDate'] as const;
const UPDATE_FIELDS = ['status', 'outcome'] as const;

/** An optional submitted field: left out when empty. */
const optional = (data: FormData, name: string) => field(data, name) || undefined;

/** Key worker or coordinator: adds an intervention for an agency, with an optional assignee and dates. */
export function AddInterventionForm(props: { caseId: string; choices: PlanChoices; onDone: () => void; onCancel: () => void }) {
  let form: HTMLFormElement | undefined;
  const once = submissionKey();
  const { submit, submission, errors } = useCaseForm(`add-intervention-${props.caseId}`, ADD_FIELDS, async (data) => {
    await once((keyed) => trpc.cases.addIntervention.mutate({
      caseId: props.caseId,
      type: field(data, 'type') as InterventionType,
      title: field(data, 'title'),
      agencyId: field(data, 'agencyId'),
      assigneeId: optional(data, 'assigneeId'),
      startDate: optional(data, 'startDate'),
      dueDate: optional(data, 'dueDate'),
    }, keyed));
    form?.reset();
    props.onDone();
  });
  return (
    <form ref={form} action={submit} method="post" class="form subsection" data-testid="intervention-form">
      <h3 class="h3">{t('plan.add')}</h3>
      <Alert kind="error" message={errors().banner} />
      <div class="form-grid">
        <OptionsField
          label={t('plan.type')}
          name="type"
          required
          options={INTERVENTION_TYPES}
          labelOf={(v) => tKey('interventionTypes', v)}
          placeholder={t('common.choose')}
          error={errors().fields.type}
        />
        <TextField label={t('plan.interventionTitle')} name="title" required maxLength={200} error={errors().fields.title} />
        <OptionsField
          label={t('plan.agency')}
          name="agencyId"
          required
          options={props.choices.agencies}
          idOf={(a) => a.id}
          labelOf={(a) => a.name}
          placeholder={t('common.choose')}
          error={errors().fields.agencyId}
        />
        <OptionsField
          label={t('plan.assignee')}
          name="assigneeId"
          options={props.choices.people}
          idOf={(u) => u.id}
          labelOf={(u) => u.displayName}
          placeholder={t('plan.nobody')}
          error={errors().fields.assigneeId}
        />
        <TextField label={t('plan.start')} name="startDate" type="date" error={errors().fields.startDate} />
        <TextField label={t('plan.due')} name="dueDate" type="date" error={errors().fields.dueDate} />
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={submission.pending}>
          {submission.pending ? t('common.saving') : t('plan.submit')}
        </button>
        <button type="button" class="button ghost" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Status and outcome of one intervention. Shown to everyone who sees it: the server decides (the
 * assignee, the coordinator, a practitioner of the responsible agency) and its refusal is shown here.
 */
export function UpdateIntervention(props: { intervention: Intervention }) {
  const [open, setOpen] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const { submit, submission, errors } = useCaseForm(`update-intervention-${props.intervention.id}`, UPDATE_FIELDS, async (data) => {
    await trpc.cases.updateIntervention.mutate({
      id: props.intervention.id,
      status: field(data, 'status') as InterventionStatus,
      outcome: field(data, 'outcome'),
    });
    setOpen(false);
    setSaved(true);
  });
  return (
    <>
      <Alert kind="success" message={saved() ? t('plan.updated') : null} />
      <Show
        when={open()}
        fallback={
          <button type="button" class="button small" onClick={() => (setOpen(true), setSaved(false))} data-testid="update-intervention">
            {t('plan.update')}
          </button>
        }
      >
        <form action={submit} method="post" class="form compact" data-testid="intervention-update-form">
          <Alert kind="error" message={errors().banner} />
          <OptionsField
            label={t('plan.status')}
            name="status"
            required
            options={INTERVENTION_STATUSES}
            labelOf={(v) => tKey('interventionStatuses', v)}
            selected={props.intervention.status}
            error={errors().fields.status}
          />
          <TextAreaField label={t('plan.outcome')} name="outcome" maxLength={2000} rows={3} dir="auto" value={props.intervention.outcome ?? ''} error={errors().fields.outcome} />
          <div class="form-actions">
            <button type="submit" class="button small primary" disabled={submission.pending}>
              {submission.pending ? t('common.saving') : t('plan.save')}
            </button>
            <button type="button" class="button small ghost" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Show>
    </>
  );
}
