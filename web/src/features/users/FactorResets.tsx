import { For, Show } from 'solid-js';
import { createAsync, revalidate } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { ft } from '../../i18n/factor';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { writeThenRefresh } from '../../lib/mutation';
import { useMe } from '../../components/me';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TableFrame } from '../../components/TableFrame';
import { getFactorResets, getUsers, type FactorReset } from './api';
import { createNotice } from '../../lib/notice';

/**
 * The second-factor resets an admin asked for, waiting for a second person: another admin or the
 * auditor confirms. The author of a request and the account's owner are shown why they cannot
 * (the server refuses them too).
 */
export function FactorResets() {
  const me = useMe();
  const resets = createAsync(() => getFactorResets());
  const [error, setError] = createNotice<unknown>();
  const [done, setDone] = createNotice<boolean>();
  const confirm = async (id: string) => {
    setError(null);
    setDone(false);
    const ok = await writeThenRefresh(() => trpc.users.confirmFactorReset.mutate({ id }), getFactorResets.key, setError);
    if (ok) await revalidate(getUsers.key);
    setDone(ok);
  };
  const whyNot = (r: FactorReset) => (r.user.id === me().id ? ft('resets.owner') : ft('resets.mine'));
  return (
    <section class="card" aria-labelledby="factor-resets-title" data-testid="factor-resets">
      <h2 id="factor-resets-title">{ft('resets.title')}</h2>
      <p class="muted">{ft('resets.intro')}</p>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Alert kind="success" message={done() ? ft('resets.confirmed') : null} />
      <TableFrame label={ft('resets.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{ft('resets.account')}</th>
              <th scope="col">{ft('resets.reason')}</th>
              <th scope="col">{ft('resets.requestedBy')}</th>
              <th scope="col">{ft('resets.at')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={resets()}
              fallback={
                <tr>
                  <td colSpan={5} class="muted">
                    {ft('resets.empty')}
                  </td>
                </tr>
              }
            >
              {(r) => (
                <tr data-testid="factor-reset-row">
                  <td>
                    {r.user.displayName} <span class="muted">({tKey('roles', r.user.role)})</span>
                  </td>
                  <td>{r.reason ?? t('common.none')}</td>
                  <td>{r.requestedBy.displayName}</td>
                  <td>{formatDateTime(r.requestedAt)}</td>
                  <td class="actions">
                    <Show when={!r.mine} fallback={<span class="muted">{whyNot(r)}</span>}>
                      <ConfirmButton label={ft('resets.confirm')} danger onConfirm={() => confirm(r.id)} />
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}
