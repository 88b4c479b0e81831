import { Show, createSignal } from 'solid-js';
import { t } from '../i18n';
import { trpc } from '../lib/trpc';
import { errorMessage } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { writeThenRefresh } from '../lib/mutation';
import { getMe, type Me } from '../lib/session';
import { Alert } from './Alert';
import { createNotice } from '../lib/notice';

/**
 * "Your password was reset by … at …" (or "created by"): someone else knew a password to this account.
 * Shown on every page until the owner marks it read, which they may do once the password is their own.
 */
export function AccountNotice(props: { me: Me }) {
  const [error, setError] = createNotice<unknown>();
  const [busy, setBusy] = createSignal(false);
  const dismiss = async () => {
    setBusy(true);
    await writeThenRefresh(() => trpc.auth.dismissNotice.mutate(), getMe.key, setError);
    setBusy(false);
  };
  return (
    <Show when={props.me.notice}>
      {(notice) => (
        <section class="alert alert-info account-notice" aria-label={t('notice.label')} data-testid="account-notice">
          <p>{t(notice().kind === 'reset' ? 'notice.reset' : 'notice.created', { by: notice().by, at: formatDateTime(notice().at) })}</p>
          <p>{t('notice.advice')}</p>
          <Show
            when={!props.me.mustChangePassword && !props.me.secondFactor.mustEnrol}
            fallback={<p class="muted">{t('notice.afterChange')}</p>}
          >
            <button type="button" class="button small" onClick={dismiss} disabled={busy()} data-testid="dismiss-notice">
              {t('notice.dismiss')}
            </button>
          </Show>
          <Alert kind="error" message={error() ? errorMessage(error()) : null} />
        </section>
      )}
    </Show>
  );
}
