import { Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { OptionsField, TextAreaField, TextField } from '../../components/Field';
import { field, useCaseForm } from './caseForm';
import { NEXT_STAGES, getActiveAgencies, getDirectory, isOpen, type Case, type Stage } from './api';

/** Key worker or coordinator: one step along the workflow, with the reason for the timeline. */
function StageForm(props: { case: Case }) {
  const next = () => NEXT_STAGES[props.case.stage];
  const { submit, submission, errors } = useCaseForm(`stage-${props.case.id}`, ['stage', 'reason'], (data) =>
    trpc.cases.changeStage.mutate({ id: props.case.id, stage: field(data, 'stage') as Stage, reason: field(data, 'reason') }),
  );
  return (
    <Show when={next().length > 0} fallback={<p class="muted">{t('case.noNextStage')}</p>}>
      <form action={submit} method="post" class="form" data-testid="stage-form">
        <Alert kind="error" message={errors().banner} />
        <Alert kind="success" message={submission.result ? t('case.stageChanged') : null} />
        <OptionsField label={t('case.changeStage')} name="stage" required options={next()} labelOf={(s) => tKey('stages', s)} error={errors().fields.stage} />
        <TextField label={t('case.stageReason')} name="reason" required minLength={3} maxLength={500} error={errors().fields.reason} />
        <button type="submit" class="button primary" disabled={submission.pending}>
          {t('case.stageSubmit')}
        </button>
      </form>
    </Show>
  );
}

/** Coordinator: close an open case, or reopen a closed one, with the minuted reason. */
function CloseOrReopen(props: { case: Case }) {
  const open = () => isOpen(props.case.stage);
  const { submit, errors, submission } = useCaseForm(`close-${props.case.id}`, ['reason'], (data) => {
    const input = { id: props.case.id, reason: field(data, 'reason') };
    return open() ? trpc.cases.close.mutate(input) : trpc.cases.reopen.mutate(input);
  });
  return (
    <form action={submit} method="post" class="form subsection" data-testid="close-form">
      <Alert kind="error" message={errors().banner} />
      <TextField label={open() ? t('case.closeReason') : t('case.reopenReason')} name="reason" required minLength={3} maxLength={500} error={errors().fields.reason} />
      <button type="submit" class="button" classList={{ danger: open() }} disabled={submission.pending}>
        {open() ? t('case.closeCase') : t('case.reopen')}
      </button>
    </form>
  );
}

/** Coordinator: the key worker (a social worker or coordinator) and the lead agency. */
function AssignForm(props: { case: Case }) {
  const workers = createAsync(() => getDirectory(['social_worker', 'coordinator']));
  const agencies = createAsync(() => getActiveAgencies());
  const { submit, submission, errors } = useCaseForm(`assign-${props.case.id}`, ['keyWorkerId', 'leadAgencyId'], (data) =>
    trpc.cases.assign.mutate({ id: props.case.id, keyWorkerId: field(data, 'keyWorkerId') || undefined, leadAgencyId: field(data, 'leadAgencyId') || undefined }),
  );
  return (
    <form action={submit} method="post" class="form subsection" data-testid="assign-form">
      <h3 class="h3">{t('case.assignTitle')}</h3>
      <Alert kind="error" message={errors().banner} />
      <Alert kind="success" message={submission.result ? t('case.assigned') : null} />
      <OptionsField
        label={t('case.keyWorker')}
        name="keyWorkerId"
        options={workers()}
        idOf={(u) => u.id}
        labelOf={(u) => `${u.displayName} (${tKey('roles', u.role)})`}
        placeholder={t('case.noChange')}
        selected={props.case.keyWorker?.id}
        error={errors().fields.keyWorkerId}
      />
      <OptionsField
        label={t('case.leadAgency')}
        name="leadAgencyId"
        options={agencies()}
        idOf={(a) => a.id}
        labelOf={(a) => a.name}
        placeholder={t('case.noChange')}
        selected={props.case.leadAgency?.id}
        error={errors().fields.leadAgencyId}
      />
      <button type="submit" class="button primary" disabled={submission.pending}>
        {t('case.assign')}
      </button>
    </form>
  );
}

/** Key worker or coordinator: the person withdrew consent; disclosures relying on it end at once. */
function WithdrawConsent(props: { case: Case }) {
  let form: HTMLFormElement | undefined;
  const { submit, submission, errors } = useCaseForm(`consent-${props.case.id}`, ['note'], (data) =>
    trpc.cases.withdrawConsent.mutate({ caseId: props.case.id, note: field(data, 'note') || undefined }),
  );
  return (
    <form ref={form} action={submit} method="post" class="form subsection" data-testid="withdraw-form">
      <h3 class="h3">{t('case.withdrawTitle')}</h3>
      <p class="muted small">{t('case.withdrawIntro')}</p>
      <Alert kind="error" message={errors().banner} />
      <TextAreaField label={t('case.withdrawNote')} name="note" rows={2} maxLength={20_000} error={errors().fields.note} />
      <div class="form-actions">
        <ConfirmButton label={t('case.withdraw')} danger disabled={submission.pending} onConfirm={() => form?.requestSubmit()} />
      </div>
    </form>
  );
}

/** The workflow controls this user may use on the case. */
export function WorkflowPanel(props: { case: Case; coordinator: boolean; keyWorker: boolean }) {
  const consentLive = () => props.case.consent.given === true && !props.case.consent.withdrawnAt;
  return (
    <Show when={props.coordinator || props.keyWorker}>
      <aside class="card workflow" aria-labelledby="workflow-title" data-testid="workflow">
        <h2 id="workflow-title">{t('case.actionsTitle')}</h2>
        <StageForm case={props.case} />
        <Show when={props.coordinator}>
          <CloseOrReopen case={props.case} />
          <AssignForm case={props.case} />
        </Show>
        <Show when={consentLive()}>
          <WithdrawConsent case={props.case} />
        </Show>
      </aside>
    </Show>
  );
}
