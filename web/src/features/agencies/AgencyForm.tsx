import { For } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { SelectField, TextField } from '../../components/Field';
import { AGENCY_KINDS, getAgencies, type Agency, type AgencyKind } from './api';

const FIELDS = ['name', 'kind'] as const;

/** Adds an agency, or renames / re-kinds `agency`. */
export function AgencyForm(props: { agency?: Agency; onDone: (saved: Agency) => void; onCancel?: () => void }) {
  const form = useForm({
    name: `agency-${props.agency?.id ?? 'new'}`,
    fields: FIELDS,
    refresh: getAgencies.key,
    clear: !props.agency,
    submit: (data, keyed) => {
      const name = String(data.get('name') ?? '');
      const kind = String(data.get('kind') ?? '') as AgencyKind;
      return props.agency
        ? trpc.agencies.update.mutate({ id: props.agency.id, name, kind })
        : trpc.agencies.create.mutate({ name, kind }, keyed);
    },
    onDone: (saved) => props.onDone(saved),
  });
  return (
    <form
      ref={form.ref}
      action={form.action}
      method="post"
      class="form inline-form"
      data-testid={props.agency ? 'agency-edit-form' : 'agency-create-form'}
    >
      <Alert kind="error" message={form.errors().banner} />
      <div class="form-row">
        <TextField
          label={t('agencies.name')}
          name="name"
          required
          minLength={2}
          maxLength={160}
          value={props.agency?.name ?? ''}
          error={form.errors().fields.name}
        />
        <SelectField label={t('agencies.kind')} name="kind" required error={form.errors().fields.kind}>
          <For each={AGENCY_KINDS}>
            {(kind) => (
              <option value={kind} selected={(props.agency?.kind ?? 'ngo') === kind}>
                {tKey('agencyKinds', kind)}
              </option>
            )}
          </For>
        </SelectField>
        <FormActions
          form={form}
          label={props.agency ? t('common.save') : t('common.create')}
          pendingLabel={null}
          onCancel={props.onCancel}
        />
      </div>
    </form>
  );
}
