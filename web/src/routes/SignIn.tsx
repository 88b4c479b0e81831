import { Show, createSignal } from 'solid-js';
import { useNavigate, useSearchParams } from '@solidjs/router';
import { locale, t } from '../i18n';
import { trpc, type Outputs } from '../lib/trpc';
import { appCodeOf } from '../lib/errors';
import { useForm } from '../lib/form';
import { adoptAccountLocale, clearSession, markLocaleApplied, notice, setNotice } from '../lib/session';
import { Alert } from '../components/Alert';
import { TextField } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { LanguageSwitcher } from '../components/LanguageSwitcher';

const FIELDS = ['email', 'password'] as const;
type Answer = Outputs['auth']['login'];

/** Only paths inside this app: never another site (open redirect). */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?!\/)/.test(next) && next !== '/sign-in' ? next : '/');

export function SignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // A language picked here, just before signing in, wins over the one saved on the account.
  let pickedHere = false;

  // The password's answer, kept while the second factor's code is still owed.
  const [pending, setPending] = createSignal<Answer | null>(null);

  const finish = async (me: Answer) => {
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
  };

  const form = useForm({
    name: 'signIn',
    fields: FIELDS,
    submit: async (data) => {
      const me = await trpc.auth.login.mutate({ email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') });
      // Half signed in: the session reaches nothing but the code step (and sign-out) until the code is right.
      if (me.secondFactor === 'code') setPending(me);
      else await finish(me);
    },
  });

  const code = useForm({
    name: 'signInCode',
    fields: ['code'],
    submit: async (data) => {
      const me = pending();
      if (!me) return;
      try {
        await trpc.auth.verifyFactor.mutate({ code: String(data.get('code') ?? '').trim() });
      } catch (err) {
        // Too many wrong codes lock the account and end this session: the password step again.
        const lost = appCodeOf(err);
        if (lost === 'UNAUTHENTICATED' || lost === 'SESSION_EXPIRED') setPending(null);
        throw err;
      }
      await finish(me);
    },
  });

  const back = async () => {
    await trpc.auth.logout.mutate().catch(() => undefined);
    clearSession();
    setPending(null);
  };

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
        <Show
          when={pending()}
          fallback={
            <>
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
              <form ref={form.ref} action={form.action} method="post" class="form" data-testid="sign-in-form">
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
            </>
          }
        >
          <h1>{t('signIn.codeTitle')}</h1>
          <p class="lead">{t('signIn.codeIntro')}</p>
          <Alert kind="error" message={code.errors().banner} testId="code-error" />
          <form ref={code.ref} action={code.action} method="post" class="form" data-testid="sign-in-code-form">
            <TextField
              label={t('signIn.code')}
              name="code"
              autocomplete="one-time-code"
              required
              maxLength={40}
              hint={t('signIn.codeHint')}
              error={code.errors().fields.code}
            />
            <FormActions form={code} label={t('signIn.verify')} pendingLabel={t('signIn.submitting')} wide />
          </form>
          <button type="button" class="button ghost wide" onClick={back} data-testid="sign-in-code-back">
            {t('nav.signOut')}
          </button>
        </Show>
      </main>
    </div>
  );
}
