import { For } from 'solid-js';
import { t, tKey } from '../../i18n';
import { fieldMessage } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { field, optional, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/Field';
import { getCase } from '../cases/api';
import { DOMAINS, factorLabel, getAssessments, scaleOf, type FactorRating, type FormFactor } from './api';

/**
 * A new assessment: every active factor rated on its domain's scale, or "Unknown", with an optional
 * comment each, and the overall judgement in words. The browser asks for each rating; the server
 * checks again and names the factor it refuses.
 */
export function AssessmentForm(props: { caseId: string; factors: FormFactor[]; onDone: () => void; onCancel: () => void }) {
  const form = useForm({
    name: `add-assessment-${props.caseId}`,
    // A refusal names a factor's rating (`ratings.<id>`) or the judgement; the assessment has its own words for some.
    fields: () => ['overallJudgement', ...props.factors.map((f) => `ratings.${f.id}`)],
    message: (key) => tKey('assessment.errors', key, fieldMessage(key)),
    refresh: [getAssessments.key, getCase.key],
    clear: true,
    submit: (data, keyed) => {
      const ratings = props.factors.flatMap((f) => {
        const rating = field(data, `rating-${f.id}`) as FactorRating;
        return rating ? [{ factorId: f.id, rating, comment: optional(data, `comment-${f.id}`) }] : [];
      });
      return trpc.assessments.create.mutate({ caseId: props.caseId, ratings, overallJudgement: field(data, 'overallJudgement') }, keyed);
    },
    onDone: () => props.onDone(),
  });
  const inDomain = (d: (typeof DOMAINS)[number]) => props.factors.filter((f) => f.domain === d);

  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection assessment-form" data-testid="assessment-form">
      <h3 class="h3">{t('assessment.add')}</h3>
      <p class="hint">{t('assessment.formIntro')}</p>
      <Alert kind="error" message={form.errors().banner} />
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
                    error={form.errors().fields[`ratings.${f.id}`]}
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
        error={form.errors().fields.overallJudgement}
      />
      <FormActions form={form} label={t('assessment.submit')} onCancel={props.onCancel} />
    </form>
  );
}
