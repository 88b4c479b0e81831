import { For, Show, createEffect, createSignal } from 'solid-js';
import { createAsync, query } from '@solidjs/router';
import { ALERT_MODES, type AlertKindName, type AlertModeName } from '../../../../src/shared/vocabulary';
import { alertTemplate, alertWords as w } from '../../i18n/alerts';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { writeThenRefresh } from '../../lib/mutation';
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
  const [error, setError] = createSignal<unknown>(null);
  const [saved, setSaved] = createSignal(false);
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
      <h1 id="alerts-title">{w().title}</h1>
      <p class="lead">{w().intro}</p>
      <Show when={prefs() && !prefs()!.email}>
        <p class="muted" data-testid="alerts-in-app">
          {w().emailOff}
        </p>
      </Show>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Alert kind="success" message={saved() ? w().saved : null} />
      <form onSubmit={save} data-testid="alert-preferences">
        <TableFrame label={w().title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{w().kind}</th>
                <th scope="col">{w().how}</th>
              </tr>
            </thead>
            <tbody>
              <For each={prefs()?.preferences}>
                {(p) => (
                  <tr>
                    <th scope="row">
                      <label for={`alert-${p.kind}`}>{w().kinds[p.kind]}</label>
                    </th>
                    <td>
                      <select
                        id={`alert-${p.kind}`}
                        name={p.kind}
                        value={choice()[p.kind] ?? p.mode}
                        onChange={(e) => setChoice({ ...choice(), [p.kind]: e.currentTarget.value as AlertModeName })}
                      >
                        <For each={ALERT_MODES}>{(m) => <option value={m}>{w().modes[m]}</option>}</For>
                      </select>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableFrame>
        <button type="submit">{w().save}</button>
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
  return (
    <section aria-labelledby="alert-delivery">
      <h2 id="alert-delivery">{w().delivery}</h2>
      <p data-testid="alert-delivery-mode">{status()?.email ? w().emailOn : w().emailOff}</p>
      <p>{alertTemplate(w().waiting, { count: String(status()?.waiting ?? 0) })}</p>
      <h3>{w().failed}</h3>
      <Show when={status()?.failed.length} fallback={<p class="muted">{w().noneFailed}</p>}>
        <TableFrame label={w().failed}>
          <table data-testid="failed-alerts">
            <thead>
              <tr>
                <th scope="col">{w().kind}</th>
                <th scope="col">{w().reference}</th>
                <th scope="col">{w().created}</th>
                <th scope="col">{w().failedAt}</th>
                <th scope="col">{w().attempts}</th>
                <th scope="col">{w().error}</th>
              </tr>
            </thead>
            <tbody>
              <For each={status()?.failed}>
                {(a) => (
                  <tr>
                    <td>{w().kinds[a.kind]}</td>
                    <td>{a.reference}</td>
                    <td>{formatDateTime(a.createdAt)}</td>
                    <td>{formatDateTime(a.failedAt)}</td>
                    <td>{a.attempts}</td>
                    <td>{a.lastError}</td>
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
