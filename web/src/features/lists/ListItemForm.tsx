import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { SelectField, TextField } from '../../components/Field';
import { LIST_CODES } from '../../../../src/shared/lists';
import type { ListKind } from '../../../../src/shared/vocabulary';
import { coreLabel, getListItems, type ListItem } from './api';

const FIELDS = ['code', 'labelAr', 'labelFr', 'labelEn'] as const;
const LABELS = [
  ['labelAr', 'ar'],
  ['labelFr', 'fr'],
  ['labelEn', 'en'],
] as const;

/** Adds an item to `list` (core code and three labels), or relabels `item` (its core code stays). */
export function ListItemForm(props: { list: ListKind; item?: ListItem; onDone: (saved: ListItem) => void; onCancel?: () => void }) {
  const form = useForm({
    name: `list-${props.list}-${props.item?.id ?? 'new'}`,
    fields: FIELDS,
    refresh: getListItems.key,
    clear: !props.item,
    submit: (data, keyed) => {
      const labels = { labelAr: field(data, 'labelAr'), labelFr: field(data, 'labelFr'), labelEn: field(data, 'labelEn') };
      return props.item
        ? trpc.lists.update.mutate({ id: props.item.id, ...labels })
        : trpc.lists.create.mutate({ list: props.list, code: field(data, 'code'), ...labels }, keyed);
    },
    onDone: (saved) => props.onDone(saved),
  });
  return (
    <form
      ref={form.ref}
      action={form.action}
      method="post"
      class="form"
      data-testid={`list-${props.list}-${props.item ? 'edit' : 'create'}-form`}
    >
      <Alert kind="error" message={form.errors().banner} />
      <div class="form-grid">
        <Show when={!props.item}>
          <SelectField label={t('lists.code')} name="code" required error={form.errors().fields.code}>
            <option value="">{t('common.choose')}</option>
            <For each={LIST_CODES[props.list]}>{(code) => <option value={code}>{coreLabel(props.list, code)}</option>}</For>
          </SelectField>
        </Show>
        <For each={LABELS}>
          {([name, lang]) => (
            <TextField
              label={t(`lists.${name}`)}
              name={name}
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : 'ltr'}
              required
              minLength={2}
              maxLength={160}
              value={props.item?.[name] ?? ''}
              error={form.errors().fields[name]}
            />
          )}
        </For>
      </div>
      <FormActions form={form} label={props.item ? t('common.save') : t('common.create')} onCancel={props.onCancel} />
    </form>
  );
}
