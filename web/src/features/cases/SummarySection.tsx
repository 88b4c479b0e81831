import { Show, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { Alert } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { field, useCaseForm } from './caseForm';
import type { Case } from './api';

/** The case summary; the key worker and the coordinator may edit it. */
export function SummarySection(props: { case: Case; summary: NonNullable<Case['summary']>; editable: boolean }) {
  const [editing, setEditing] = createSignal(false);
  const { submit, submission, errors } = useCaseForm(`summary-${props.case.id}`, ['summary'], async (data) => {
    await trpc.cases.updateSummary.mutate({ id: props.case.id, summary: field(data, 'summary') });
    setEditing(false);
  });
  return (
    <section class="card" aria-labelledby="summary-title" data-testid="summary-section">
      <h2 id="summary-title">{t('case.summaryTitle')}</h2>
      <Show
        when={editing()}
        fallback={
          <>
            <Show when={props.summary.text} fallback={<p class="muted">{t('case.summaryEmpty')}</p>}>
              {(text) => (
                <p class="prewrap" dir="auto" data-testid="summary-text">
                  {text()}
                </p>
              )}
            </Show>
            <Alert kind="success" message={submission.result ? t('case.saved') : null} />
            <Show when={props.editable}>
              <button type="button" class="button small" onClick={() => setEditing(true)} data-testid="edit-summary">
                {t('case.editSummary')}
              </button>
            </Show>
          </>
        }
      >
        <form action={submit} method="post" class="form" data-testid="summary-form">
          <Alert kind="error" message={errors().banner} />
          <TextAreaField label={t('case.summaryLabel')} name="summary" rows={8} maxLength={20_000} value={props.summary.text ?? ''} error={errors().fields.summary} />
          <div class="form-actions">
            <button type="submit" class="button primary" disabled={submission.pending}>
              {submission.pending ? t('common.saving') : t('common.save')}
            </button>
            <button type="button" class="button ghost" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
