import { Show, createSignal } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { checked, field, useForm } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { ChoiceGroup, TextAreaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { RequireRole } from '../../components/Shell';
import { CASE_QUERIES, SECTIONS, type Section } from './api';
import { getEmergencyAccess } from './emergency';
import { StepUp } from '../factor/StepUp';

const FIELDS = ['caseId', 'sections', 'justification'] as const;

/**
 * Social worker: emergency access (break-glass) to a case outside their reach, with the sections they
 * need and a written justification. Granted at once; the banner of every page then says so.
 */
function BreakGlassForm(props: { caseId: string }) {
  const [grant, setGrant] = createSignal<{ caseId: string; expiresAt: Date }>();
  const form = useForm({
    name: `break-glass-${props.caseId}`,
    fields: FIELDS,
    refresh: [...CASE_QUERIES, getEmergencyAccess.key],
    submit: (data, keyed) =>
      trpc.cases.breakGlass.mutate(
        { caseId: props.caseId, sections: checked(data, 'sections') as Section[], justification: field(data, 'justification') },
        keyed,
      ),
    onDone: setGrant,
  });
  return (
    <>
      {/* An enrolled user proves the second factor again; the same request (same key) then goes through. */}
      <Show when={form.refusal() === 'STEP_UP_REQUIRED'}>
        <StepUp
          onDone={() => {
            form.reset();
            form.requestSubmit();
          }}
          onCancel={() => form.reset()}
        />
      </Show>
      <form ref={form.ref} action={form.action} method="post" class="form card" data-testid="break-glass-form">
        <Show when={form.refusal() !== 'STEP_UP_REQUIRED'}>
          <Alert kind="error" message={form.errors().banner ?? form.errors().fields.caseId} />
        </Show>
        <Show when={grant()}>
          {(grant) => (
            <p class="alert alert-success" role="status" data-testid="break-glass-granted">
              {t('breakGlass.granted', { time: formatDateTime(grant().expiresAt) })}{' '}
              <A href={`/cases/${grant().caseId}`}>{t('breakGlass.openCase')}</A>
            </p>
          )}
        </Show>
        <ChoiceGroup
          label={t('breakGlass.sections')}
          name="sections"
          type="checkbox"
          options={SECTIONS}
          labelOf={(s) => tKey('sections', s)}
          error={form.errors().fields.sections}
          required
          testId="break-glass-sections"
        />
        <TextAreaField
          label={t('breakGlass.justification')}
          name="justification"
          required
          minLength={20}
          maxLength={2000}
          rows={5}
          hint={t('breakGlass.justificationHint')}
          error={form.errors().fields.justification}
        />
        <FormActions form={form} label={t('breakGlass.submit')} />
      </form>
    </>
  );
}

/** /cases/:id/emergency: the request, for social workers only (the server refuses everyone else too). */
export default function BreakGlassPage() {
  const params = useParams<{ id: string }>();
  return (
    <section aria-labelledby="break-glass-title">
      <h1 id="break-glass-title">{t('breakGlass.title')}</h1>
      <p class="lead">{t('breakGlass.intro')}</p>
      <RequireRole roles={['social_worker']}>
        <BreakGlassForm caseId={params.id} />
      </RequireRole>
    </section>
  );
}
