import { For, Show, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { SelectField, TextField } from '../../components/Field';
import { Alert } from '../../components/Alert';
import { HISTORY_TYPES, type HistoryType } from '../../../../src/shared/audit-actions';
import { AccessHistory } from './AccessHistory';
import type { HistoryAsk } from './history';

/** What the form asks for: a case by reference, or any record by id (never by name: the auditor sees no case content). */
function askFrom(data: FormData): HistoryAsk | null {
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const type = (HISTORY_TYPES as readonly string[]).includes(String(data.get('type'))) ? (String(data.get('type')) as HistoryType) : 'Case';
  const id = text('id');
  const reference = type === 'Case' ? text('reference') : undefined;
  if (id) return { type, id };
  return reference ? { type, reference } : null;
}

/** Auditor › Access history: a record by case reference or id, then who accessed it. */
export function HistorySearch() {
  const [ask, setAsk] = createSignal<HistoryAsk | null>(null);
  const [kind, setKind] = createSignal<HistoryType>('Case');
  const [missing, setMissing] = createSignal(false);
  return (
    <section class="card" aria-labelledby="history-title" data-testid="history-search">
      <h2 id="history-title">{t('history.title')}</h2>
      <p class="muted">{t('history.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const next = askFrom(new FormData(e.currentTarget));
          setMissing(next === null);
          setAsk(next);
        }}
      >
        <div class="form-grid">
          <SelectField label={t('history.kind')} name="type" onChange={(e) => setKind(e.currentTarget.value as HistoryType)}>
            <For each={HISTORY_TYPES}>{(type) => <option value={type}>{t(`history.kinds.${type}`)}</option>}</For>
          </SelectField>
          <Show when={kind() === 'Case'}>
            <TextField
              label={t('history.reference')}
              name="reference"
              placeholder={t('history.referenceHint')}
              maxLength={40}
              dir="ltr"
              autocomplete="off"
            />
          </Show>
          <TextField label={t('history.recordId')} name="id" maxLength={36} dir="ltr" autocomplete="off" />
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary">
            {t('history.search')}
          </button>
        </div>
      </form>
      <Alert kind="error" message={missing() ? t('history.either') : null} />
      <Show when={ask()} keyed>
        {(a) => <AccessHistory ask={a} exportable />}
      </Show>
    </section>
  );
}
