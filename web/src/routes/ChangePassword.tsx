import { Show, createSignal, onCleanup } from 'solid-js';
import { action, useSubmission } from '@solidjs/router';
import { t } from '../i18n';
import { trpc } from '../lib/trpc';
import { formErrors } from '../lib/errors';
import { Alert } from '../components/Alert';
import { TextField } from '../components/Field';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * Change one's password. `forced`: the user still has a one-time password and sees nothing else
 * until this succeeds; the shell then shows the page they came for.
 */
export function ChangePassword(props: { forced?: boolean }) {
  let form: HTMLFormElement | undefined;
  const [mismatch, setMismatch] = createSignal(false);
  const change = action(async (data: FormData | URLSearchParams) => {
    await trpc.auth.changePassword.mutate({
      currentPassword: String(data.get('currentPassword') ?? ''),
      newPassword: String(data.get('newPassword') ?? ''),
    });
    form?.reset();
    return { ok: true };
  }, 'changePassword');
  const submission = useSubmission(change);
  onCleanup(() => submission.clear());
  const errors = () => formErrors(submission.error, FIELDS);

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
      <Alert kind="error" message={errors().banner} />
      <Alert kind="success" message={submission.result && !props.forced ? t('password.changed') : null} testId="password-changed" />
      <form ref={form} action={change} method="post" class="form card" onSubmit={check} data-testid="change-password-form">
        <TextField
          label={props.forced ? t('password.currentForced') : t('password.current')}
          name="currentPassword"
          type="password"
          autocomplete="current-password"
          required
          error={errors().fields.currentPassword}
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
          error={errors().fields.newPassword}
        />
        <TextField
          label={t('password.confirm')}
          name="confirmPassword"
          type="password"
          autocomplete="new-password"
          required
          error={mismatch() ? t('validation.mismatch') : undefined}
        />
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={submission.pending}>
            {submission.pending ? t('common.saving') : t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
