import { Show, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { revalidate } from '@solidjs/router';
import { Conflict } from '../history/Conflict';
import { theirsOf } from '../history/values';
import { CASE_QUERIES, type Case } from './api';

/** The case summary; the key worker and the coordinator may edit it. */
export function SummarySection(props: { case: Case; summary: NonNullable<Case['summary']>; editable: boolean }) {
  const [editing, setEditing] = createSignal(false);
  // A save refused because someone saved first: their text and the user's, side by side.
  const [conflict, setConflict] = createSignal<{ theirs: Record<string, unknown> | null; yours: Record<string, unknown> } | null>(null);
  const form = useForm({
    name: `summary-${props.case.id}`,
    fields: ['summary'],
    refresh: CASE_QUERIES,
    submit: async (data) => {
      const summary = field(data, 'summary');
      setConflict(null);
      try {
        // The version this form opened: a save against an older one is refused, never a silent overwrite.
        return await trpc.cases.updateSummary.mutate({ id: props.case.id, version: props.summary.version, summary });
      } catch (err) {
        setConflict({ theirs: theirsOf(err), yours: { summary } });
        throw err;
      }
    },
    onDone: () => setEditing(false),
  });
  const startAgain = () => (setConflict(null), form.reset(), void revalidate(CASE_QUERIES));
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
            <Alert kind="success" message={form.confirmed() ? t('case.saved') : null} />
            <Show when={props.editable}>
              <button type="button" class="button small" onClick={() => setEditing(true)} data-testid="edit-summary">
                {t('case.editSummary')}
              </button>
            </Show>
          </>
        }
      >
        <form ref={form.ref} action={form.action} method="post" class="form" data-testid="summary-form">
          <Alert kind="error" message={form.errors().banner} />
          <Show when={conflict()?.theirs}>
            <Conflict theirs={conflict()!.theirs} yours={conflict()!.yours} />
            <button type="button" class="button small" onClick={startAgain} data-testid="start-again">
              {t('changes.reload')}
            </button>
          </Show>
          <TextAreaField
            label={t('case.summaryLabel')}
            name="summary"
            rows={8}
            maxLength={20_000}
            value={props.summary.text ?? ''}
            error={form.errors().fields.summary}
          />
          <FormActions form={form} label={t('common.save')} onCancel={() => setEditing(false)} />
        </form>
      </Show>
    </section>
  );
}
