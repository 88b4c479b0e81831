import { For, Show, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { useForm } from '../../lib/form';
import { FormInvalid, fieldMessage } from '../../lib/errors';
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

/** A case reference as the server takes it (`<CODE>-<YEAR>-<NNNN>`), and a record's id. */
const REFERENCE_PATTERN = '[A-Za-z0-9]{1,12}-[0-9]{4}-[0-9]{1,8}';
const ID_PATTERN = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
const FORMAT_OF: Record<string, string> = { reference: 'reference_format', id: 'id_format' };

/** The words for a field's problem: a malformed reference or id says what one looks like; nothing typed asks for either. */
const message = (key: string, field?: string) =>
  key === 'reference_or_id' ? t('history.either') : fieldMessage(key === 'invalid_format' ? (FORMAT_OF[field ?? ''] ?? key) : key);

/** Auditor › Access history: a record by case reference or id, then who accessed it. */
export function HistorySearch() {
  const [ask, setAsk] = createSignal<HistoryAsk | null>(null);
  const [kind, setKind] = createSignal<HistoryType>('Case');
  // Checked in the browser like every form of the kit (novalidate, the app's words beside the field); nothing is written.
  const form = useForm({
    name: 'access-history',
    fields: ['type', 'reference', 'id'],
    message,
    refresh: [],
    submit: async (data) => {
      const next = askFrom(data);
      if (!next) throw new FormInvalid({ [kind() === 'Case' ? 'reference' : 'id']: 'reference_or_id' });
      return next;
    },
    onDone: setAsk,
  });
  const err = (name: string) => form.errors().fields[name];
  return (
    <section class="card" aria-labelledby="history-title" data-testid="history-search">
      <h2 id="history-title">{t('history.title')}</h2>
      <p class="muted">{t('history.intro')}</p>
      <form ref={form.ref} action={form.action} method="post" data-testid="history-form">
        <Alert kind="error" message={form.errors().banner} />
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
              pattern={REFERENCE_PATTERN}
              dir="ltr"
              autocomplete="off"
              error={err('reference')}
            />
          </Show>
          <TextField
            label={t('history.recordId')}
            name="id"
            maxLength={36}
            pattern={ID_PATTERN}
            dir="ltr"
            autocomplete="off"
            error={err('id')}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary">
            {t('history.search')}
          </button>
        </div>
      </form>
      <Show when={ask()} keyed>
        {(a) => <AccessHistory ask={a} exportable />}
      </Show>
    </section>
  );
}
