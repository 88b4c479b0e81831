import { Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { OptionsField, TextField } from '../../components/Field';
import { COHORTS } from '../referrals/api';
import { STAGES, getActiveAgencies, getDirectory, type CaseFilters as Filters } from './api';
import { KEY_WORKER_ROLES } from '../../../../src/shared/roles';

/** The coordinator's extra filters: key worker and lead agency (only they may list colleagues and agencies). */
function TeamFilters(props: { filters: Filters }) {
  const workers = createAsync(() => getDirectory(KEY_WORKER_ROLES));
  const agencies = createAsync(() => getActiveAgencies());
  return (
    <>
      <OptionsField
        label={t('cases.keyWorker')}
        name="keyWorkerId"
        options={workers()}
        idOf={(u) => u.id}
        labelOf={(u) => u.displayName}
        placeholder={t('cases.any')}
        selected={props.filters.keyWorkerId}
      />
      <OptionsField
        label={t('cases.agency')}
        name="leadAgencyId"
        options={agencies()}
        idOf={(a) => a.id}
        labelOf={(a) => a.name}
        placeholder={t('cases.any')}
        selected={props.filters.leadAgencyId}
      />
    </>
  );
}

/** The case list's filters; `team`: also by key worker and lead agency. */
export function CaseFilters(props: { filters: Filters; team: boolean; onApply: (filters: Filters) => void }) {
  const read = (form: HTMLFormElement): Filters => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    return {
      stage: text('stage') as Filters['stage'],
      cohort: text('cohort') as Filters['cohort'],
      keyWorkerId: text('keyWorkerId'),
      leadAgencyId: text('leadAgencyId'),
      reference: text('reference'),
    };
  };
  // The reference's format is said beside it in the app's words (novalidate: no browser bubble).
  const [badReference, setBadReference] = createSignal(false);
  return (
    <form
      class="card filters"
      aria-label={t('cases.filters')}
      data-testid="case-filters"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        const reference = e.currentTarget.elements.namedItem('reference');
        if (reference instanceof HTMLInputElement && !reference.validity.valid) {
          setBadReference(true);
          reference.focus();
          return;
        }
        setBadReference(false);
        props.onApply(read(e.currentTarget));
      }}
      onReset={() => props.onApply({})}
    >
      <div class="form-grid">
        <OptionsField
          label={t('cases.stage')}
          name="stage"
          options={STAGES}
          labelOf={(s) => tKey('stages', s)}
          placeholder={t('cases.any')}
          selected={props.filters.stage}
        />
        <OptionsField
          label={t('cases.cohort')}
          name="cohort"
          options={COHORTS}
          labelOf={(c) => tKey('cohorts', c)}
          placeholder={t('cases.any')}
          selected={props.filters.cohort}
        />
        <Show when={props.team}>
          <TeamFilters filters={props.filters} />
        </Show>
        <TextField
          label={t('cases.reference')}
          name="reference"
          dir="ltr"
          maxLength={40}
          pattern="[A-Za-z0-9\-]+"
          error={badReference() ? t('validation.invalid_format') : undefined}
          onInput={() => setBadReference(false)}
          value={props.filters.reference ?? ''}
          autocomplete="off"
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary">
          {t('cases.apply')}
        </button>
        <button type="reset" class="button ghost">
          {t('cases.reset')}
        </button>
      </div>
    </form>
  );
}
