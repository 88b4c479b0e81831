import { For, onCleanup } from 'solid-js';
import { action, json, useSubmission } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { errorMessage, fieldMessage } from '../../lib/errors';
import { isClientError, trpc } from '../../lib/trpc';
import { submissionKey } from '../../lib/submission';
import { Alert } from '../../components/Alert';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/Field';
import { getCase } from '../cases/api';
import { DOMAINS, factorLabel, getAssessments, scaleOf, type FactorRating, type FormFactor } from './api';

const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/** A refusal split between the form's fields (a factor, the judgement) and its banner, in words. */
function errorsOf(err: unknown, factors: FormFactor[]) {
  if (err === undefined || err === null) return { banner: null as string | null, fields: {} as Record<string, string> };
  const raw = isClientError(err) ? (err.data?.fields ?? {}) : {};
  const shown = new Set(['overallJudgement', ...factors.map((f) => `ratings.${f.id}`)]);
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [name, key] of Object.entries(raw)) {
    const message = tKey('assessment.errors', key, fieldMessage(key));
    if (shown.has(name)) fields[name] = message;
    else elsewhere.push(message);
  }
  const banner = Object.keys(fields).length ? t('errors.BAD_INPUT') : errorMessage(err);
  return { banner: [banner, ...elsewhere].join(' '), fields };
}

/**
 * A new assessment: every active factor rated on its domain's scale, or "Unknown", with an optional
 * comment each, and the overall judgement in words. The browser asks for each rating; the server
 * checks again and names the factor it refuses.
 */
export function AssessmentForm(props: { caseId: string; factors: FormFactor[]; onDone: () => void; onCancel: () => void }) {
  let form: HTMLFormElement | undefined;
  const once = submissionKey();
  const submit = action(async (data: FormData) => {
    const ratings = props.factors.flatMap((f) => {
      const rating = text(data, `rating-${f.id}`) as FactorRating;
      return rating ? [{ factorId: f.id, rating, comment: text(data, `comment-${f.id}`) || undefined }] : [];
    });
    await once((keyed) => trpc.assessments.create.mutate({ caseId: props.caseId, ratings, overallJudgement: text(data, 'overallJudgement') }, keyed));
    form?.reset();
    props.onDone();
    return json({ ok: true }, { revalidate: [getAssessments.key, getCase.key] });
  }, `add-assessment-${props.caseId}`);
  const submission = useSubmission(submit);
  onCleanup(() => submission.clear());
  const errors = () => errorsOf(submission.error, props.factors);
  const inDomain = (d: (typeof DOMAINS)[number]) => props.factors.filter((f) => f.domain === d);

  return (
    <form ref={form} action={submit} method="post" class="form subsection assessment-form" data-testid="assessment-form">
      <h3 class="h3">{t('assessment.add')}</h3>
      <p class="hint">{t('assessment.formIntro')}</p>
      <Alert kind="error" message={errors().banner} />
      <For each={DOMAINS}>
        {(domain) => (
          <fieldset class="factor-domain" data-domain={domain}>
            <legend>{tKey('factorDomains', domain)}</legend>
            <For each={inDomain(domain)}>
              {(f) => (
                <div class="factor-row" data-testid="factor-row" data-factor={f.code}>
                  <ChoiceGroup
                    label={factorLabel(f)}
                    name={`rating-${f.id}`}
                    type="radio"
                    required
                    options={scaleOf(f.domain)}
                    labelOf={(v) => tKey('factorRatings', v)}
                    error={errors().fields[`ratings.${f.id}`]}
                  />
                  <TextField label={t('assessment.comment')} name={`comment-${f.id}`} maxLength={2000} dir="auto" />
                </div>
              )}
            </For>
          </fieldset>
        )}
      </For>
      <TextAreaField
        label={t('assessment.judgement')}
        hint={t('assessment.judgementHint')}
        name="overallJudgement"
        required
        rows={4}
        maxLength={20_000}
        dir="auto"
        error={errors().fields.overallJudgement}
      />
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={submission.pending}>
          {submission.pending ? t('common.saving') : t('assessment.submit')}
        </button>
        <button type="button" class="button ghost" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
