import { Show } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, optional, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { OptionsField, TextField } from '../../components/Field';
import { DOMAINS, getFactors, type Domain, type Factor } from './api';

const FIELDS = ['domain', 'code', 'labelAr', 'labelFr', 'labelEn', 'position'] as const;
const number = (data: FormData, name: string) => (field(data, name) === '' ? undefined : Number(field(data, name)));

/** Adds a factor to the framework, or relabels and moves `factor` (its domain stays). */
export function FactorForm(props: { factor?: Factor; onDone: (saved: Factor) => void; onCancel: () => void }) {
  const form = useForm({
    name: `factor-${props.factor?.id ?? 'new'}`,
    fields: FIELDS,
    refresh: getFactors.key,
    clear: !props.factor,
    submit: (data, keyed) => {
      const labels = {
        labelAr: field(data, 'labelAr'),
        labelFr: field(data, 'labelFr'),
        labelEn: field(data, 'labelEn'),
        position: number(data, 'position'),
      };
      return props.factor
        ? trpc.assessments.updateFactor.mutate({ id: props.factor.id, ...labels })
        : trpc.assessments.createFactor.mutate({ domain: field(data, 'domain') as Domain, code: optional(data, 'code'), ...labels }, keyed);
    },
    onDone: (saved) => props.onDone(saved),
  });
  const label = (name: 'labelAr' | 'labelFr' | 'labelEn', dir: 'rtl' | 'ltr') => (
    <TextField
      label={t(`factors.${name}`)}
      name={name}
      required
      minLength={2}
      maxLength={200}
      dir={dir}
      value={props.factor?.[name] ?? ''}
      error={form.errors().fields[name]}
    />
  );
  return (
    <form
      ref={form.ref}
      action={form.action}
      method="post"
      class="form"
      data-testid={props.factor ? 'factor-edit-form' : 'factor-create-form'}
    >
      <Alert kind="error" message={form.errors().banner} />
      <div class="form-grid">
        <Show when={!props.factor}>
          <OptionsField
            label={t('factors.domain')}
            name="domain"
            required
            options={DOMAINS}
            labelOf={(d) => tKey('factorDomains', d)}
            placeholder={t('common.choose')}
            error={form.errors().fields.domain}
          />
          <TextField
            label={t('factors.code')}
            name="code"
            hint={t('factors.codeHint')}
            pattern="[a-z][a-z0-9_]{2,59}"
            dir="ltr"
            error={form.errors().fields.code}
          />
        </Show>
        {label('labelAr', 'rtl')}
        {label('labelFr', 'ltr')}
        {label('labelEn', 'ltr')}
        <TextField
          label={t('factors.position')}
          name="position"
          type="number"
          min={0}
          max={1000}
          value={props.factor?.position ?? ''}
          error={form.errors().fields.position}
        />
      </div>
      <FormActions form={form} label={props.factor ? t('factors.save') : t('factors.create')} onCancel={props.onCancel} />
    </form>
  );
}
