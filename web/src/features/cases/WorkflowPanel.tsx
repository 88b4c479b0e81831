import { Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, optional, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { OptionsField, TextAreaField, TextField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { formatDay } from '../work/api';
import { CASE_QUERIES, NEXT_STAGES, getActiveAgencies, getDirectory, isOpen, type Case, type Stage } from './api';
import { KEY_WORKER_ROLES } from '../../../../src/shared/roles';
import type { CaseClosureReason } from '../../../../src/shared/vocabulary';
import { chosenLabel, getListItems, itemLabel, liveItems } from '../lists/api';
import { todayIso } from '../../lib/region';
import { closurePrefill } from './PanelClosure';

/** Key worker or coordinator: one step along the workflow, with the reason for the timeline. */
function StageForm(props: { case: Case }) {
  const next = () => NEXT_STAGES[props.case.stage];
  const form = useForm({
    name: `stage-${props.case.id}`,
    fields: ['stage', 'reason'],
    refresh: CASE_QUERIES,
    submit: (data) =>
      trpc.cases.changeStage.mutate({ id: props.case.id, stage: field(data, 'stage') as Stage, reason: field(data, 'reason') }),
  });
  return (
    <Show when={next().length > 0} fallback={<p class="muted">{t('case.noNextStage')}</p>}>
      <form ref={form.ref} action={form.action} method="post" class="form" data-testid="stage-form">
        <Alert kind="error" message={form.errors().banner} />
        <Alert kind="success" message={form.confirmed() ? t('case.stageChanged') : null} />
        <OptionsField
          label={t('case.changeStage')}
          name="stage"
          required
          options={next()}
          labelOf={(s) => tKey('stages', s)}
          error={form.errors().fields.stage}
        />
        <TextField label={t('case.stageReason')} name="reason" required minLength={3} maxLength={500} error={form.errors().fields.reason} />
        <SubmitButton form={form} label={t('case.stageSubmit')} pendingLabel={null} />
      </form>
    </Show>
  );
}

/** `iso` moved by `days` calendar days ("2026-01-15" + 1 = "2026-01-16"). */
const plusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Coordinator or key worker: the next review date, and recording a review (which sets the next one). */
function ReviewForm(props: { case: Case }) {
  const overdue = () => !!props.case.nextReviewAt && props.case.nextReviewAt.toISOString().slice(0, 10) < todayIso();
  const form = useForm({
    name: `review-${props.case.id}`,
    fields: ['nextReviewAt', 'note'],
    refresh: CASE_QUERIES,
    submit: (data, keyed) =>
      trpc.cases.recordReview.mutate(
        { caseId: props.case.id, nextReviewAt: optional(data, 'nextReviewAt'), note: optional(data, 'note') },
        keyed,
      ),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="review-form">
      <h3 class="h3">{t('work.review.title')}</h3>
      <p data-testid="next-review">
        {t('work.review.next')}: <strong>{props.case.nextReviewAt ? formatDay(props.case.nextReviewAt) : t('work.review.notSet')}</strong>{' '}
        <Show when={overdue()}>
          <span class="badge warn">{t('work.review.overdue')}</span>
        </Show>
      </p>
      <Alert kind="error" message={form.errors().banner} />
      <Alert kind="success" message={form.confirmed() ? t('work.review.recorded') : null} />
      <TextField
        label={t('work.review.nextDate')}
        name="nextReviewAt"
        type="date"
        min={plusDays(todayIso(), 1)}
        max={plusDays(todayIso(), 366)}
        hint={t('work.review.nextDateHint')}
        error={form.errors().fields.nextReviewAt ? t('work.review.dateRange') : undefined}
      />
      <TextField label={t('work.review.note')} name="note" maxLength={500} error={form.errors().fields.note} />
      <SubmitButton form={form} label={t('work.review.submit')} pendingLabel={null} />
    </form>
  );
}

/**
 * Coordinator: close an open case with a reason from the list (words required for "other") and an
 * optional follow-up in N months, after an explicit confirmation (the button asks twice); or reopen
 * a closed one with the minuted reason.
 */
function CloseOrReopen(props: { case: Case }) {
  const open = () => isOpen(props.case.stage);
  // The municipality's closure reasons (modules/lists): the live ones are offered, a closed case shows its own.
  const items = createAsync(() => getListItems());
  const reasons = () => liveItems(items(), 'closure_reason');
  const form = useForm({
    name: `close-${props.case.id}`,
    fields: ['closureReason', 'closureItemId', 'reason', 'followUpMonths', 'confirm'],
    refresh: CASE_QUERIES,
    submit: async (data) => {
      if (!open()) return trpc.cases.reopen.mutate({ id: props.case.id, reason: field(data, 'reason') });
      const months = field(data, 'followUpMonths');
      return trpc.cases.close.mutate({
        id: props.case.id,
        closureReason: (reasons().find((i) => i.id === field(data, 'closureItemId'))?.code ?? '') as Exclude<
          CaseClosureReason,
          'transferred'
        >,
        closureItemId: field(data, 'closureItemId'),
        reason: optional(data, 'reason'),
        followUpMonths: months ? Number(months) : undefined,
        confirm: true,
      });
    },
  });
  const followUpDue = () =>
    !!props.case.followUpAt && props.case.stage === 'closed' && props.case.followUpAt.toISOString().slice(0, 10) <= todayIso();
  return (
    <Show
      when={open()}
      fallback={
        <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="close-form">
          <Show when={props.case.closureReason}>
            {(r) => (
              <p data-testid="closure-reason">
                {t('work.closure.closedAs', { reason: chosenLabel(items(), 'closure_reason', props.case.closureItemId, r()) })}
              </p>
            )}
          </Show>
          <Show when={props.case.followUpAt}>
            {(d) => <p data-testid="follow-up">{t('work.closure.followUpOn', { date: formatDay(d()) })}</p>}
          </Show>
          <Show when={followUpDue()}>
            <p class="alert alert-info">{t('work.closure.followUpDue')}</p>
          </Show>
          <h3 class="h3">{t('work.closure.reopenTitle')}</h3>
          <Alert kind="error" message={form.errors().banner} />
          <TextField
            label={t('case.reopenReason')}
            name="reason"
            required
            minLength={3}
            maxLength={500}
            error={form.errors().fields.reason}
          />
          <SubmitButton form={form} label={t('case.reopen')} pendingLabel={null} look="plain" />
        </form>
      }
    >
      <form ref={form.ref} action={form.action} method="post" class="form subsection" id="close-case" data-testid="close-form">
        <h3 class="h3">{t('work.closure.title')}</h3>
        <Alert kind="error" message={form.errors().banner} />
        <OptionsField
          label={t('work.closure.reason')}
          name="closureItemId"
          required
          placeholder=""
          options={reasons()}
          idOf={(i) => i.id}
          labelOf={itemLabel}
          error={form.errors().fields.closureItemId ?? form.errors().fields.closureReason}
        />
        <TextAreaField
          label={t('work.closure.words')}
          name="reason"
          value={closurePrefill(props.case.panelClosure)}
          rows={2}
          maxLength={500}
          hint={t('work.closure.wordsHint')}
          error={form.errors().fields.reason}
        />
        <TextField
          label={t('work.closure.followUp')}
          name="followUpMonths"
          type="number"
          min={1}
          max={24}
          step={1}
          hint={t('work.closure.followUpHint')}
          error={form.errors().fields.followUpMonths}
        />
        <div class="form-actions">
          <ConfirmButton label={t('work.closure.submit')} danger disabled={form.pending()} onConfirm={form.requestSubmit} />
        </div>
      </form>
    </Show>
  );
}

/** Coordinator: the key worker (a social worker or coordinator) and the lead agency. */
function AssignForm(props: { case: Case }) {
  const workers = createAsync(() => getDirectory(KEY_WORKER_ROLES));
  const agencies = createAsync(() => getActiveAgencies());
  const form = useForm({
    name: `assign-${props.case.id}`,
    fields: ['keyWorkerId', 'leadAgencyId'],
    refresh: CASE_QUERIES,
    submit: (data) =>
      trpc.cases.assign.mutate({
        id: props.case.id,
        keyWorkerId: optional(data, 'keyWorkerId'),
        leadAgencyId: optional(data, 'leadAgencyId'),
      }),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="assign-form">
      <h3 class="h3">{t('case.assignTitle')}</h3>
      <Alert kind="error" message={form.errors().banner} />
      <Alert kind="success" message={form.confirmed() ? t('case.assigned') : null} />
      <OptionsField
        label={t('case.keyWorker')}
        name="keyWorkerId"
        options={workers()}
        idOf={(u) => u.id}
        labelOf={(u) => `${u.displayName} (${tKey('roles', u.role)})`}
        placeholder={t('case.noChange')}
        selected={props.case.keyWorker?.id}
        error={form.errors().fields.keyWorkerId}
      />
      <OptionsField
        label={t('case.leadAgency')}
        name="leadAgencyId"
        options={agencies()}
        idOf={(a) => a.id}
        labelOf={(a) => a.name}
        placeholder={t('case.noChange')}
        selected={props.case.leadAgency?.id}
        error={form.errors().fields.leadAgencyId}
      />
      <SubmitButton form={form} label={t('case.assign')} pendingLabel={null} />
    </form>
  );
}

/** Key worker or coordinator: the person withdrew consent; disclosures relying on it end at once. */
function WithdrawConsent(props: { case: Case }) {
  const form = useForm({
    name: `consent-${props.case.id}`,
    fields: ['note'],
    refresh: CASE_QUERIES,
    submit: (data) => trpc.consent.withdraw.mutate({ caseId: props.case.id, note: optional(data, 'note') }),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="withdraw-form">
      <h3 class="h3">{t('case.withdrawTitle')}</h3>
      <p class="muted small">{t('case.withdrawIntro')}</p>
      <Alert kind="error" message={form.errors().banner} />
      <TextAreaField label={t('case.withdrawNote')} name="note" rows={2} maxLength={20_000} error={form.errors().fields.note} />
      <div class="form-actions">
        <ConfirmButton label={t('case.withdraw')} danger disabled={form.pending()} onConfirm={form.requestSubmit} />
      </div>
    </form>
  );
}

/** The workflow controls this user may use on the case. */
export function WorkflowPanel(props: { case: Case; coordinator: boolean; keyWorker: boolean }) {
  const consentLive = () => props.case.consent.liveUntil !== null;
  return (
    <Show when={props.coordinator || props.keyWorker}>
      <aside class="card workflow" aria-labelledby="workflow-title" data-testid="workflow">
        <h2 id="workflow-title">{t('case.actionsTitle')}</h2>
        <StageForm case={props.case} />
        <Show when={isOpen(props.case.stage)}>
          <ReviewForm case={props.case} />
        </Show>
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
