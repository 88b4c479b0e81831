import { Show, createResource } from 'solid-js';
import { t, tKey } from '../../i18n';
import { formatLocale } from '../../lib/region';
import { trpc, type Outputs } from '../../lib/trpc';
import { checked, field, useForm } from '../../lib/form';
import { fieldMessage } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { ChoiceGroup, OptionsField, TextField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';

type FlagSettings = Outputs['work']['flagSettings'];

const FIELDS = ['timeZone', 'weekendDays', 'workdayStart', 'workdayEnd', 'bulkReadLimit', 'bulkReadMinutes', 'denialLimit'] as const;
const DAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

/** A day's name in the locale (0 = Sunday): 4 January 2026 was a Sunday. */
const dayName = (d: string) =>
  new Intl.DateTimeFormat(formatLocale(), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + Number(d))));

/** Minutes after midnight as an `<input type="time">` value, and back. */
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutesOf = (v: string) => {
  const [h, m] = v.split(':').map(Number);
  return v ? (h ?? 0) * 60 + (m ?? 0) : Number.NaN;
};

/** Every zone the browser knows, and the current one even if it does not (UTC is missing from some lists). */
function zones(current: string) {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'UTC', ...known])].filter(Boolean).sort();
}

/** The words for a refused field: the form's own for that field and key, else the common ones. */
const message = (key: string, name?: string) =>
  tKey(`work.flagSettings.errors.${name ?? ''}`, key, tKey('work.flagSettings.errors', key, fieldMessage(key)));

function Form(props: { settings: FlagSettings }) {
  const form = useForm({
    name: 'work.setFlagSettings',
    fields: FIELDS,
    message,
    refresh: [],
    submit: (data) =>
      trpc.work.setFlagSettings.mutate({
        timeZone: field(data, 'timeZone'),
        weekendDays: checked(data, 'weekendDays').map(Number),
        workdayStart: minutesOf(field(data, 'workdayStart')),
        workdayEnd: minutesOf(field(data, 'workdayEnd')),
        bulkReadLimit: Number(field(data, 'bulkReadLimit')),
        bulkReadMinutes: Number(field(data, 'bulkReadMinutes')),
        denialLimit: Number(field(data, 'denialLimit')),
      }),
  });
  const err = (name: (typeof FIELDS)[number]) => form.errors().fields[name];
  const s = () => props.settings;
  const number = (name: 'bulkReadLimit' | 'bulkReadMinutes' | 'denialLimit', min: number, max: number) => (
    <TextField
      label={t(`work.flagSettings.${name}`)}
      hint={t(`work.flagSettings.${name}Hint`)}
      name={name}
      type="number"
      required
      min={min}
      max={max}
      step={1}
      value={s()[name]}
      error={err(name)}
    />
  );
  return (
    <form ref={form.ref} action={form.action} method="post" class="form" data-testid="flag-settings-form">
      <Alert kind="error" message={form.errors().banner} />
      <Alert kind="success" message={form.confirmed() ? t('work.flagSettings.saved') : null} />
      <OptionsField
        label={t('work.flagSettings.timeZone')}
        name="timeZone"
        required
        options={zones(s().timeZone)}
        labelOf={(z) => z.replace(/_/g, ' ')}
        selected={s().timeZone}
        error={err('timeZone')}
      />
      <ChoiceGroup
        label={t('work.flagSettings.weekendDays')}
        hint={t('work.flagSettings.weekendDaysHint')}
        name="weekendDays"
        type="checkbox"
        options={DAYS}
        labelOf={dayName}
        checked={(d) => s().weekendDays.includes(Number(d))}
        error={err('weekendDays')}
        testId="weekend-days"
      />
      <TextField
        label={t('work.flagSettings.workdayStart')}
        name="workdayStart"
        type="time"
        required
        value={clock(s().workdayStart)}
        error={err('workdayStart')}
      />
      <TextField
        label={t('work.flagSettings.workdayEnd')}
        hint={t('work.flagSettings.workdayHint')}
        name="workdayEnd"
        type="time"
        required
        value={clock(s().workdayEnd)}
        error={err('workdayEnd')}
      />
      {number('bulkReadLimit', 10, 10_000)}
      {number('bulkReadMinutes', 1, 240)}
      {number('denialLimit', 3, 1_000)}
      <SubmitButton form={form} label={t('common.save')} />
    </form>
  );
}

/** Admin › Settings: the working hours and weekend of the flag rules, and their thresholds (work.flagSettings). */
export function FlagSettingsForm() {
  const [current] = createResource(() => trpc.work.flagSettings.query());
  return (
    <section class="card" aria-labelledby="flag-settings-title" data-testid="flag-settings">
      <h2 id="flag-settings-title">{t('work.flagSettings.title')}</h2>
      <p>{t('work.flagSettings.intro')}</p>
      <Show when={current.state === 'ready' && current()}>{(s) => <Form settings={s()} />}</Show>
    </section>
  );
}
