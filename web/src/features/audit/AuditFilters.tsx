import { For } from 'solid-js';
import { t, tKey } from '../../i18n';
import { useForm } from '../../lib/form';
import { FormInvalid, fieldMessage } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { ACTIONS, ENTITY_TYPES, filtersFrom, type AuditFilters as Filters } from './api';

export interface Actor {
  id: string;
  name: string;
  role: string | null;
}

const FIELDS = ['actorId', 'action', 'entityType', 'outcome', 'from', 'to'] as const;
/** An action's code, or the start of one: letters, digits, dots and underscores ("case.", "alert.retry"). */
const ACTION_PATTERN = '[A-Za-z][A-Za-z0-9_.]*';

/**
 * The filters the form describes, checked in the browser as every form of the kit is (`novalidate`,
 * the app's words beside the field): dates in range (the inputs' min/max), an action's code, and a
 * period whose end is not before its start.
 */
export function checkedFilters(data: FormData): Filters {
  const from = String(data.get('from') ?? '');
  const to = String(data.get('to') ?? '');
  if (from && to && to < from) throw new FormInvalid({ to: 'dates_out_of_order' });
  return filtersFrom(data);
}

/** The audit log's filters; the actor list holds everyone seen in the log so far. */
export function AuditFilters(props: { actors: Actor[]; onApply: (filters: Filters) => void }) {
  const form = useForm({
    name: 'audit-filters',
    fields: FIELDS,
    message: (key, field) => fieldMessage(field === 'action' && key === 'invalid_format' ? 'action_format' : key),
    // Applying filters writes nothing: no query is read again but the log's own (onApply restarts it).
    refresh: [],
    submit: async (data) => checkedFilters(data),
    onDone: (filters) => props.onApply(filters),
  });
  const err = (name: (typeof FIELDS)[number]) => form.errors().fields[name];
  return (
    <form
      ref={form.ref}
      action={form.action}
      method="post"
      class="card filters"
      aria-label={t('audit.filters')}
      data-testid="audit-filters"
      onReset={() => (form.reset(), props.onApply({}))}
    >
      <Alert kind="error" message={form.errors().banner} />
      <div class="form-grid">
        <SelectField label={t('audit.actor')} name="actorId" error={err('actorId')}>
          <option value="">{t('audit.anyActor')}</option>
          <For each={props.actors}>
            {(a) => (
              <option value={a.id}>
                {a.name}
                {a.role ? ` (${tKey('roles', a.role)})` : ''}
              </option>
            )}
          </For>
        </SelectField>
        <TextField
          label={t('audit.action')}
          name="action"
          list="audit-actions"
          maxLength={80}
          pattern={ACTION_PATTERN}
          dir="ltr"
          autocomplete="off"
          error={err('action')}
        />
        <datalist id="audit-actions">
          <For each={ACTIONS}>{(a) => <option value={a}>{tKey('auditActions', a)}</option>}</For>
        </datalist>
        <SelectField label={t('audit.entityType')} name="entityType" error={err('entityType')}>
          <option value="">{t('audit.any')}</option>
          <For each={ENTITY_TYPES}>{(e) => <option value={e}>{tKey('entityTypes', e)}</option>}</For>
        </SelectField>
        <SelectField label={t('audit.outcome')} name="outcome" error={err('outcome')}>
          <option value="">{t('audit.any')}</option>
          <option value="allowed">{t('outcomes.allowed')}</option>
          <option value="denied">{t('outcomes.denied')}</option>
        </SelectField>
        <TextField label={t('audit.from')} name="from" type="date" min="1900-01-01" max="9999-12-31" error={err('from')} />
        <TextField label={t('audit.to')} name="to" type="date" min="1900-01-01" max="9999-12-31" error={err('to')} />
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary">
          {t('audit.apply')}
        </button>
        <button type="reset" class="button ghost">
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}
