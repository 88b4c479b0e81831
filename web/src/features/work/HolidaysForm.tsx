import { For, Index, Show, createResource, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc, type Outputs } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { fieldMessage } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { formatLocale } from '../../lib/region';

type Holiday = Outputs['work']['holidays'][number];

/** A holiday's day with its month in words, as the region names it (آذار in Amman, مارس in Tunis). */
const longDay = (iso: string) =>
  new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** The words for a refused row's field: the form's own, else the common ones. */
const message = (key: string) => tKey('work.holidays.errors', key, fieldMessage(key));

function Form(props: { holidays: Holiday[]; onSaved: () => void }) {
  // Each row keeps what it was loaded with; the inputs hold what the admin types.
  const [rows, setRows] = createSignal<Holiday[]>(props.holidays.length ? props.holidays : [{ date: '', name: '' }]);
  const names = () => ['holidays', ...rows().flatMap((_, i) => [`holidays.${i}.date`, `holidays.${i}.name`])];
  const form = useForm({
    name: 'work.setHolidays',
    fields: names,
    message,
    refresh: [],
    onDone: () => props.onSaved(),
    submit: (data) =>
      trpc.work.setHolidays.mutate({
        // A row left entirely empty is no holiday; a half-filled one goes to the server and is refused beside its field.
        holidays: rows()
          .map((_, i) => ({ date: field(data, `holidays.${i}.date`), name: field(data, `holidays.${i}.name`) }))
          .filter((h) => h.date || h.name),
      }),
  });
  const err = (i: number, name: 'date' | 'name') => form.errors().fields[`holidays.${i}.${name}`];
  return (
    <form ref={form.ref} action={form.action} method="post" class="form" data-testid="holidays-form">
      <Alert kind="error" message={form.errors().banner ?? form.errors().fields.holidays} />
      <Alert kind="success" message={form.confirmed() ? t('work.holidays.saved') : null} />
      <ul class="holiday-list">
        <Index each={rows()}>
          {(row, i) => (
            <li class="holiday-row" data-testid="holiday-row">
              <TextField
                label={t('work.holidays.date')}
                name={`holidays.${i}.date`}
                type="date"
                min="2000-01-01"
                max="2100-12-31"
                value={row().date}
                error={err(i, 'date')}
              />
              <TextField
                label={t('work.holidays.name')}
                name={`holidays.${i}.name`}
                maxLength={100}
                value={row().name}
                error={err(i, 'name')}
              />
              <button type="button" class="button secondary" onClick={() => setRows((r) => r.filter((_, j) => j !== i))}>
                {t('work.holidays.remove')}
              </button>
            </li>
          )}
        </Index>
      </ul>
      <button type="button" class="button secondary" onClick={() => setRows((r) => [...r, { date: '', name: '' }])}>
        {t('work.holidays.add')}
      </button>
      <SubmitButton form={form} label={t('common.save')} />
    </form>
  );
}

/**
 * Admin › Settings: the municipality's public holidays (Eid moves every year). The screening deadline,
 * reminders and review dates skip them as they skip the weekend.
 */
export function HolidaysForm() {
  const [current, { refetch }] = createResource(() => trpc.work.holidays.query());
  return (
    <section class="card" aria-labelledby="holidays-title" data-testid="holidays">
      <h2 id="holidays-title">{t('work.holidays.title')}</h2>
      <p>{t('work.holidays.intro')}</p>
      {/* `latest`, so that reading the list again after a save keeps the form (and its confirmation) on screen. */}
      <Show when={current.latest}>
        {(list) => (
          <>
            <Show when={list().length} fallback={<p class="muted">{t('work.holidays.none')}</p>}>
              <p class="muted" data-testid="holidays-saved">
                <For each={list()}>{(h, i) => `${i() ? ' · ' : ''}${longDay(h.date)} (${h.name})`}</For>
              </p>
            </Show>
            <Form holidays={list()} onSaved={() => void refetch()} />
          </>
        )}
      </Show>
    </section>
  );
}
