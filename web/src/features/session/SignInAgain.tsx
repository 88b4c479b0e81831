import { Show, createEffect, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { useForm } from '../../lib/form';
import { sessionEnded, signedInAgain } from '../../lib/reauth';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';

/**
 * Signing in again over the page once the session has ended: the password, then the second factor's
 * code when the account has one (as on the sign-in page). The same user carries on where they were,
 * and what was waiting is sent (lib/reauth.ts); anyone else gets a fresh page, without what was typed.
 */
export function SignInAgain(props: { onBack: () => void; onSignOut: () => void }) {
  let dialog: HTMLDialogElement | undefined;
  // The account that passed the password step and still owes its code.
  const [owing, setOwing] = createSignal<string | null>(null);

  // Reads nothing again after either step (a key no query has): the page underneath stays as it was,
  // and a session still owing its code would answer no query at all.
  const refresh = 'sign-in-again';
  const finish = (userId: string) => {
    setOwing(null);
    if (signedInAgain(userId)) props.onBack();
    // Someone else: nothing of the previous user's page may reach them.
    else window.location.reload();
  };
  const password = useForm({
    name: 'signInAgain',
    fields: ['email', 'password'],
    refresh,
    submit: async (data) => {
      const me = await trpc.auth.login.mutate({ email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') });
      if (me.secondFactor === 'code') setOwing(me.id);
      else finish(me.id);
    },
  });
  const code = useForm({
    name: 'signInAgainCode',
    fields: ['code'],
    refresh,
    submit: async (data) => {
      const userId = owing();
      if (!userId) return;
      await trpc.auth.verifyFactor.mutate({ code: String(data.get('code') ?? '').trim() }).catch((err) => {
        // Too many wrong codes end this half-session: the password again.
        if (err?.data?.appCode === 'UNAUTHENTICATED' || err?.data?.appCode === 'SESSION_EXPIRED') setOwing(null);
        throw err;
      });
      finish(userId);
    },
  });

  createEffect(() => {
    const ended = sessionEnded();
    if (ended && !dialog?.open) {
      password.reset();
      code.reset();
      dialog?.showModal();
    } else if (!ended && dialog?.open) dialog.close();
  });

  return (
    <dialog
      ref={dialog}
      class="session-dialog"
      aria-labelledby="again-title"
      data-testid="sign-in-again"
      // Nothing behind it works without a session: Escape does not close it.
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="again-title">{t('session.endedTitle')}</h2>
      <p>{t('session.endedIntro')}</p>
      <Show
        when={owing()}
        fallback={
          <form ref={password.ref} action={password.action} method="post" class="form" data-testid="sign-in-again-form">
            <Alert kind="error" message={password.errors().banner} testId="sign-in-again-error" />
            <TextField
              label={t('signIn.email')}
              name="email"
              type="email"
              autocomplete="username"
              required
              value={sessionEnded()?.email ?? ''}
              hint={t('session.otherUser')}
              error={password.errors().fields.email}
            />
            <TextField
              label={t('signIn.password')}
              name="password"
              type="password"
              autocomplete="current-password"
              required
              error={password.errors().fields.password}
            />
            <FormActions form={password} label={t('session.signIn')} pendingLabel={t('signIn.submitting')} wide />
          </form>
        }
      >
        <form ref={code.ref} action={code.action} method="post" class="form" data-testid="sign-in-again-code">
          <Alert kind="error" message={code.errors().banner} testId="sign-in-again-code-error" />
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
      </Show>
      <button type="button" class="button ghost wide" onClick={props.onSignOut}>
        {t('session.signOut')}
      </button>
    </dialog>
  );
}
