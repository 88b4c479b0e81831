import { For, Show } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { SelectField, TextField } from '../../components/Field';
import { PURPOSE_CODES, type PurposeCode } from '../../../../src/shared/vocabulary';
import { getActivePurposes, getAllPurposes, type Purpose } from './api';

const FIELDS = ['code', 'labelAr', 'labelFr', 'labelEn'] as const;
const LABELS = [
  ['labelAr', 'ar'],
  ['labelFr', 'fr'],
  ['labelEn', 'en'],
] as const;

/** Adds a purpose (core code and three labels), or relabels `purpose` (its core code stays what it was). */
export function PurposeForm(props: { purpose?: Purpose; onDone: (saved: Purpose) => void; onCancel?: () => void }) {
  const form = useForm({
    name: `purpose-${props.purpose?.id ?? 'new'}`,
    fields: FIELDS,
    refresh: [getAllPurposes.key, getActivePurposes.key],
    clear: !props.purpose,
    submit: (data, keyed) => {
      const labels = { labelAr: field(data, 'labelAr'), labelFr: field(data, 'labelFr'), labelEn: field(data, 'labelEn') };
      return props.purpose
        ? trpc.purposes.update.mutate({ id: props.purpose.id, ...labels })
        : trpc.purposes.create.mutate({ code: field(data, 'code') as PurposeCode, ...labels }, keyed);
    },
    onDone: (saved) => props.onDone(saved),
  });
  return (
    <form
      ref={form.ref}
      action={form.action}
      method="post"
      class="form"
      data-testid={props.purpose ? 'purpose-edit-form' : 'purpose-create-form'}
    >
      <Alert kind="error" message={form.errors().banner} />
      <div class="form-grid">
        <Show when={!props.purpose}>
          <SelectField label={t('purposes.code')} name="code" required error={form.errors().fields.code}>
            <option value="">{t('common.choose')}</option>
            <For each={PURPOSE_CODES}>{(code) => <option value={code}>{tKey('purposes.codes', code)}</option>}</For>
          </SelectField>
        </Show>
        <For each={LABELS}>
          {([name, lang]) => (
            <TextField
              label={t(`purposes.${name}`)}
              name={name}
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : 'ltr'}
              required
              minLength={2}
              maxLength={160}
              value={props.purpose?.[name] ?? ''}
              error={form.errors().fields[name]}
            />
          )}
        </For>
      </div>
      <FormActions form={form} label={props.purpose ? t('common.save') : t('common.create')} onCancel={props.onCancel} />
    </form>
  );
}
