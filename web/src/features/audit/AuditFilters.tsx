import { For } from 'solid-js';
import { t, tKey } from '../../i18n';
import { SelectField, TextField } from '../../components/Field';
import { ACTIONS, ENTITY_TYPES, filtersFrom, type AuditFilters as Filters } from './api';

export interface Actor {
  id: string;
  name: string;
  role: string | null;
}

/** The audit log's filters; the actor list holds everyone seen in the log so far. */
export function AuditFilters(props: { actors: Actor[]; onApply: (filters: Filters) => void }) {
  return (
    <form
      class="card filters"
      aria-label={t('audit.filters')}
      data-testid="audit-filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(filtersFrom(new FormData(e.currentTarget)));
      }}
      onReset={() => props.onApply({})}
    >
      <div class="form-grid">
        <SelectField label={t('audit.actor')} name="actorId">
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
        <TextField label={t('audit.action')} name="action" list="audit-actions" maxLength={80} dir="ltr" autocomplete="off" />
        <datalist id="audit-actions">
          <For each={ACTIONS}>{(a) => <option value={a}>{tKey('auditActions', a)}</option>}</For>
        </datalist>
        <SelectField label={t('audit.entityType')} name="entityType">
          <option value="">{t('audit.any')}</option>
          <For each={ENTITY_TYPES}>{(e) => <option value={e}>{tKey('entityTypes', e)}</option>}</For>
        </SelectField>
        <SelectField label={t('audit.outcome')} name="outcome">
          <option value="">{t('audit.any')}</option>
          <option value="allowed">{t('outcomes.allowed')}</option>
          <option value="denied">{t('outcomes.denied')}</option>
        </SelectField>
        <TextField label={t('audit.from')} name="from" type="date" />
        <TextField label={t('audit.to')} name="to" type="date" />
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
