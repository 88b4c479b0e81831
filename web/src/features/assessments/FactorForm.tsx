import { Show, onCleanup } from 'solid-js';
import { action, json, useSubmission } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { submissionKey } from '../../lib/submission';
import { formErrors } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { OptionsField, TextField } from '../../components/Field';
import { DOMAINS, getFactors, type Domain, type Factor } from './api';

const FIELDS = ['domain', 'code', 'labelAr', 'labelFr', 'labelEn', 'position'] as const;
const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
const number = (data: FormData, name: string) => (text(data, name) === '' ? undefined : Number(text(data, name)));

/** Adds a factor to the framework, or relabels and moves `factor` (its domain stays). */
export function FactorForm(props: { factor?: Factor; onDone: (saved: Factor) => void; onCancel: () => void }) {
  let form: HTMLFormElement | undefined;
  const once = submissionKey();
  const save = action(async (data: FormData) => {
    const labels = { labelAr: text(data, 'labelAr'), labelFr: text(data, 'labelFr'), labelEn: text(data, 'labelEn'), position: number(data, 'position') };
    const saved = props.factor
      ? await trpc.assessments.updateFactor.mutate({ id: props.factor.id, ...labels })
      : await once((keyed) => trpc.assessments.createFactor.mutate({ domain: text(data, 'domain') as Domain, code: text(data, 'code') || undefined, ...labels }, keyed));
    if (!props.factor) form?.reset();
    props.onDone(saved);
    return json(saved, { revalidate: getFactors.key });
  }, `factor-${props.factor?.id ?? 'new'}`);
  const submission = useSubmission(save);
  onCleanup(() => submission.clear());
  const errors = () => formErrors(submission.error, FIELDS);
  const label = (name: 'labelAr' | 'labelFr' | 'labelEn', dir: 'rtl' | 'ltr') => (
    <TextField label={t(`factors.${name}`)} name={name} required minLength={2} maxLength={200} dir={dir} value={props.factor?.[name] ?? ''} error={errors().fields[name]} />
  );
  return (
    <form ref={form} action={save} method="post" class="form" data-testid={props.factor ? 'factor-edit-form' : 'factor-create-form'}>
      <Alert kind="error" message={errors().banner} />
      <div class="form-grid">
        <Show when={!props.factor}>
          <OptionsField label={t('factors.domain')} name="domain" required options={DOMAINS} labelOf={(d) => tKey('factorDomains', d)} placeholder={t('common.choose')} error={errors().fields.domain} />
          <TextField label={t('factors.code')} name="code" hint={t('factors.codeHint')} pattern="[a-z][a-z0-9_]{2,59}" dir="ltr" error={errors().fields.code} />
        </Show>
        {label('labelAr', 'rtl')}
        {label('labelFr', 'ltr')}
        {label('labelEn', 'ltr')}
        <TextField label={t('factors.position')} name="position" type="number" min={0} max={1000} value={props.factor?.position ?? ''} error={errors().fields.position} />
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={submission.pending}>
          {submission.pending ? t('common.saving') : props.factor ? t('factors.save') : t('factors.create')}
        </button>
        <button type="button" class="button ghost" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
