import { Show, createSignal } from 'solid-js';
import { t } from '../i18n';
import { trpc } from '../lib/trpc';
import { useForm } from '../lib/form';
import { Alert } from '../components/Alert';
import { TextField } from '../components/Field';
import { FormActions } from '../components/FormActions';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * Change one's password. `forced`: the user still has a one-time password and sees nothing else
 * until this succeeds; the shell then shows the page they came for.
 */
export function ChangePassword(props: { forced?: boolean }) {
  const [mismatch, setMismatch] = createSignal(false);
  const form = useForm({
    name: 'changePassword',
    fields: FIELDS,
    clear: true,
    submit: (data) =>
      trpc.auth.changePassword.mutate({
        currentPassword: String(data.get('currentPassword') ?? ''),
        newPassword: String(data.get('newPassword') ?? ''),
      }),
  });

  // The confirmation is checked here, before anything is sent.
  const check = (e: SubmitEvent) => {
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const differs = data.get('newPassword') !== data.get('confirmPassword');
    setMismatch(differs);
    if (differs) e.preventDefault();
  };

  return (
    <section class="narrow" aria-labelledby="password-title">
      <h1 id="password-title">{props.forced ? t('password.forcedTitle') : t('password.title')}</h1>
      <Show when={props.forced}>
        <p class="lead" data-testid="forced-explanation">
          {t('password.forcedExplanation')}
        </p>
      </Show>
      <Alert kind="error" message={form.errors().banner} />
      <Alert kind="success" message={form.confirmed() && !props.forced ? t('password.changed') : null} testId="password-changed" />
      <form ref={form.ref} action={form.action} method="post" class="form card" onSubmit={check} data-testid="change-password-form">
        <TextField
          label={props.forced ? t('password.currentForced') : t('password.current')}
          name="currentPassword"
          type="password"
          autocomplete="current-password"
          required
          error={form.errors().fields.currentPassword}
        />
        <TextField
          label={t('password.new')}
          name="newPassword"
          type="password"
          autocomplete="new-password"
          required
          minLength={12}
          maxLength={128}
          hint={t('password.hint')}
          error={form.errors().fields.newPassword}
        />
        <TextField
          label={t('password.confirm')}
          name="confirmPassword"
          type="password"
          autocomplete="new-password"
          required
          error={mismatch() ? t('validation.mismatch') : undefined}
        />
        <FormActions form={form} label={t('password.submit')} />
      </form>
    </section>
  );
}
