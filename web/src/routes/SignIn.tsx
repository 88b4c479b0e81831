import { Show } from 'solid-js';
import { useNavigate, useSearchParams } from '@solidjs/router';
import { locale, t } from '../i18n';
import { trpc } from '../lib/trpc';
import { useForm } from '../lib/form';
import { adoptAccountLocale, clearSession, markLocaleApplied, notice, setNotice } from '../lib/session';
import { Alert } from '../components/Alert';
import { TextField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { LanguageSwitcher } from '../components/LanguageSwitcher';

const FIELDS = ['email', 'password'] as const;

/** Only paths inside this app: never another site (open redirect). */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?!\/)/.test(next) && next !== '/sign-in' ? next : '/');

export function SignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // A language picked here, just before signing in, wins over the one saved on the account.
  let pickedHere = false;

  const form = useForm({
    name: 'signIn',
    fields: FIELDS,
    submit: async (data) => {
      const me = await trpc.auth.login.mutate({ email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') });
      clearSession();
      if (pickedHere && me.locale !== locale()) {
        markLocaleApplied(me.id);
        // Not worth failing the sign-in over: the account keeps its old language. A one-time password
        // opens nothing but the password change, so then the choice stays on this device only.
        if (!me.mustChangePassword) await trpc.auth.setLocale.mutate({ locale: locale() }).catch(() => undefined);
      } else {
        adoptAccountLocale(me);
      }
      setNotice(null);
      navigate(safeNext(params.next), { replace: true });
    },
  });

  return (
    <div class="sign-in-page">
      <header class="sign-in-top">
        <LanguageSwitcher onChange={() => (pickedHere = true)} />
      </header>
      <main id="main" class="sign-in card">
        <div class="brand large">
          <span class="logo" aria-hidden="true" />
          <div>
            <strong>{t('app.name')}</strong>
            <span class="municipality">{t('app.tagline')}</span>
          </div>
        </div>
        <h1>{t('signIn.title')}</h1>
        <p class="lead">{t('signIn.intro')}</p>
        <Show when={notice()}>
          {(n) => (
            <Alert
              kind="info"
              message={n() === 'sessionExpired' ? t('signIn.sessionExpired') : t('signIn.signedOut')}
              testId="sign-in-notice"
            />
          )}
        </Show>
        <Alert kind="error" message={form.errors().banner} testId="sign-in-error" />
        <form action={form.action} method="post" class="form" data-testid="sign-in-form">
          <TextField
            label={t('signIn.email')}
            name="email"
            type="email"
            autocomplete="username"
            required
            error={form.errors().fields.email}
          />
          <TextField
            label={t('signIn.password')}
            name="password"
            type="password"
            autocomplete="current-password"
            required
            error={form.errors().fields.password}
          />
          <FormActions form={form} label={t('signIn.submit')} pendingLabel={t('signIn.submitting')} wide />
        </form>
      </main>
    </div>
  );
}
