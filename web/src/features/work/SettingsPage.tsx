import { Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { RequireRole, useMe } from '../../components/Shell';
import { FactorRolesForm } from '../factor/FactorRolesForm';
import { FlagSettingsForm } from './FlagSettingsForm';
import { HolidaysForm } from './HolidaysForm';
import { SharingSection } from '../hub/SharingSection';
import './work.css';
import { getSettings, type Settings } from './api';

const FIELDS = ['reviewIntervalDays', 'screeningSlaDays', 'breakGlassMinutes', 'draftDays', 'onwardAnswerDays'] as const;

function SettingsForm(props: { settings: Settings }) {
  const form = useForm({
    name: 'work.updateSettings',
    fields: FIELDS,
    refresh: getSettings.key,
    submit: (data) =>
      trpc.work.updateSettings.mutate({
        reviewIntervalDays: Number(data.get('reviewIntervalDays')),
        screeningSlaDays: Number(data.get('screeningSlaDays')),
        breakGlassMinutes: Number(data.get('breakGlassMinutes')),
        draftDays: Number(data.get('draftDays')),
        onwardAnswerDays: Number(data.get('onwardAnswerDays')),
      }),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form card" data-testid="settings-form">
      <Alert kind="error" message={form.errors().banner} />
      <Alert kind="success" message={form.confirmed() ? t('work.settings.saved') : null} />
      <TextField
        label={t('work.settings.reviewInterval')}
        name="reviewIntervalDays"
        type="number"
        required
        min={7}
        max={730}
        step={1}
        value={props.settings.reviewIntervalDays}
        hint={t('work.settings.reviewIntervalHint')}
        error={form.errors().fields.reviewIntervalDays}
      />
      <TextField
        label={t('work.settings.screeningSla')}
        name="screeningSlaDays"
        type="number"
        required
        min={1}
        max={60}
        step={1}
        value={props.settings.screeningSlaDays}
        hint={t('work.settings.screeningSlaHint')}
        error={form.errors().fields.screeningSlaDays}
      />
      <TextField
        label={t('work.settings.breakGlassMinutes')}
        name="breakGlassMinutes"
        type="number"
        required
        min={5}
        max={240}
        step={1}
        value={props.settings.breakGlassMinutes}
        hint={t('work.settings.breakGlassMinutesHint')}
        error={form.errors().fields.breakGlassMinutes}
      />
      <TextField
        label={t('drafts.settingDays')}
        name="draftDays"
        type="number"
        required
        min={1}
        max={90}
        step={1}
        value={props.settings.draftDays}
        hint={t('drafts.settingDaysHint')}
        error={form.errors().fields.draftDays}
      />
      <TextField
        label={t('work.settings.onwardAnswerDays')}
        name="onwardAnswerDays"
        type="number"
        required
        min={1}
        max={30}
        step={1}
        value={props.settings.onwardAnswerDays}
        hint={t('work.settings.onwardAnswerDaysHint')}
        error={form.errors().fields.onwardAnswerDays}
      />
      <SubmitButton form={form} label={t('common.save')} />
    </form>
  );
}

/**
 * Admin › Settings: review interval, screening deadline and break-glass duration; working hours and flag rules;
 * holidays; second-factor roles. A hub holds no casework: its admin keeps the flag rules and second-factor roles only.
 */
export default function SettingsPage() {
  const me = useMe();
  const city = () => me().municipality.kind === 'city';
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('work.settings.title')}</h1>
      <p class="lead">{t('work.settings.intro')}</p>
      <RequireRole roles={['admin']}>
        <Show when={city()}>
          <SettingsLoaded />
        </Show>
        <FlagSettingsForm />
        <Show when={city()}>
          <HolidaysForm />
        </Show>
        <FactorRolesForm />
        <SharingSection />
      </RequireRole>
    </section>
  );
}

function SettingsLoaded() {
  const settings = createAsync(() => getSettings());
  return <Show when={settings()}>{(s) => <SettingsForm settings={s()} />}</Show>;
}
