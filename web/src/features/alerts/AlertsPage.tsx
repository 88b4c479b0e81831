import { For, Show, createEffect, createSignal } from 'solid-js';
import { createAsync, query } from '@solidjs/router';
import { ALERT_MODES, type AlertKindName, type AlertModeName } from '../../../../src/shared/vocabulary';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { writeThenRefresh } from '../../lib/mutation';
import { createNotice } from '../../lib/notice';
import { Alert } from '../../components/Alert';
import { TableFrame } from '../../components/TableFrame';
import { useMe } from '../../components/me';

const getPreferences = query(() => trpc.alerts.preferences.query(), 'alert-preferences');
const getStatus = query(() => trpc.alerts.status.query(), 'alert-status');

/** My alert choices (each kind off, at once or daily), and for the admin how delivery goes. */
export default function AlertsPage() {
  const me = useMe();
  const prefs = createAsync(() => getPreferences());
  const [choice, setChoice] = createSignal<Partial<Record<AlertKindName, AlertModeName>>>({});
  const [error, setError] = createNotice<unknown>();
  const [saved, setSaved] = createNotice<boolean>();
  createEffect(() => {
    const list = prefs()?.preferences;
    if (list) setChoice(Object.fromEntries(list.map((p) => [p.kind, p.mode])));
  });
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const preferences = Object.entries(choice()).map(([kind, mode]) => ({ kind: kind as AlertKindName, mode: mode! }));
    setSaved(await writeThenRefresh(() => trpc.alerts.setPreferences.mutate({ preferences }), getPreferences.key, setError));
  };
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">{t('alerts.title')}</h1>
      <p class="lead">{t('alerts.intro')}</p>
      <Show when={prefs() && !prefs()!.email}>
        <p class="muted" data-testid="alerts-in-app">
          {t('alerts.emailOff')}
        </p>
      </Show>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Alert kind="success" message={saved() ? t('alerts.saved') : null} />
      <form onSubmit={save} data-testid="alert-preferences">
        <TableFrame label={t('alerts.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('alerts.kind')}</th>
                <th scope="col">{t('alerts.how')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={prefs()?.preferences}>
                {(p) => (
                  <tr>
                    <th scope="row">
                      <label for={`alert-${p.kind}`}>{tKey('alerts.kinds', p.kind)}</label>
                    </th>
                    <td>
                      <select
                        id={`alert-${p.kind}`}
                        name={p.kind}
                        value={choice()[p.kind] ?? p.mode}
                        onChange={(e) => setChoice({ ...choice(), [p.kind]: e.currentTarget.value as AlertModeName })}
                      >
                        <For each={ALERT_MODES}>{(m) => <option value={m}>{tKey('alerts.modes', m)}</option>}</For>
                      </select>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableFrame>
        <button type="submit">{t('alerts.save')}</button>
      </form>
      <Show when={me().role === 'admin'}>
        <Delivery />
      </Show>
    </section>
  );
}

/** Admin: e-mail on or off, how many wait, and what could not be sent (no names: kind, reference, code). */
function Delivery() {
  const status = createAsync(() => getStatus());
  const [error, setError] = createNotice<unknown>();
  const [retried, setRetried] = createNotice<boolean>();
  const retry = async (id: string) => {
    setRetried(await writeThenRefresh(() => trpc.alerts.retry.mutate({ id }), getStatus.key, setError));
  };
  return (
    <section aria-labelledby="alert-delivery">
      <h2 id="alert-delivery">{t('alerts.delivery')}</h2>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} testId="alert-retry-error" />
      <Alert kind="success" message={retried() ? t('alerts.retried') : null} testId="alert-retried" />
      <p data-testid="alert-delivery-mode">{status()?.email ? t('alerts.emailOn') : t('alerts.emailOff')}</p>
      <p>{t('alerts.waiting', { count: String(status()?.waiting ?? 0) })}</p>
      <h3>{t('alerts.failed')}</h3>
      <Show when={status()?.failed.length} fallback={<p class="muted">{t('alerts.noneFailed')}</p>}>
        <TableFrame label={t('alerts.failed')}>
          <table data-testid="failed-alerts">
            <thead>
              <tr>
                <th scope="col">{t('alerts.kind')}</th>
                <th scope="col">{t('alerts.reference')}</th>
                <th scope="col">{t('alerts.created')}</th>
                <th scope="col">{t('alerts.failedAt')}</th>
                <th scope="col">{t('alerts.attempts')}</th>
                <th scope="col">{t('alerts.error')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={status()?.failed}>
                {(a) => (
                  <tr>
                    <td>{tKey('alerts.kinds', a.kind)}</td>
                    <td>{a.reference}</td>
                    <td>{formatDateTime(a.createdAt)}</td>
                    <td>{formatDateTime(a.failedAt)}</td>
                    <td>{a.attempts}</td>
                    <td>{a.lastError}</td>
                    <td>
                      <button
                        type="button"
                        class="button small"
                        aria-label={t('alerts.retryOf', { reference: a.reference })}
                        onClick={() => retry(a.id)}
                        data-testid="retry-alert"
                      >
                        {t('alerts.retry')}
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableFrame>
      </Show>
    </section>
  );
}
