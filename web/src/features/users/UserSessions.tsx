import { For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { ft } from '../../i18n/factor';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { writeThenRefresh } from '../../lib/mutation';
import { Alert } from '../../components/Alert';
import { SessionRow } from '../../components/SessionRow';
import { TableFrame } from '../../components/TableFrame';
import { getUserSessions, type User } from './api';
import { createNotice } from '../../lib/notice';

/** An account's live sessions, for an admin: each but the admin's own current one can be ended at once. */
export function UserSessions(props: { user: User }) {
  const sessions = createAsync(() => getUserSessions(props.user.id));
  const [error, setError] = createNotice<unknown>();
  const [done, setDone] = createNotice<boolean>();
  const end = async (id: string) => {
    setError(null);
    setDone(false);
    setDone(await writeThenRefresh(() => trpc.users.endSession.mutate({ id }), getUserSessions.key, setError));
  };
  const title = () => ft('sessions.title', { name: props.user.displayName });
  return (
    <div data-testid="user-sessions">
      <h2 class="h3">{title()}</h2>
      <p class="muted">{ft('sessions.intro')}</p>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Alert kind="success" message={done() ? ft('sessions.ended') : null} />
      <TableFrame label={title()}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sessions.browser')}</th>
              <th scope="col">{t('sessions.started')}</th>
              <th scope="col">{t('sessions.lastSeen')}</th>
              <th scope="col">{t('sessions.ip')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={sessions()}
              fallback={
                <tr>
                  <td colSpan={5} class="muted">
                    {ft('sessions.empty')}
                  </td>
                </tr>
              }
            >
              {(s) => (
                <SessionRow
                  session={s}
                  testId="user-session-row"
                  endLabel={ft('sessions.end')}
                  onEnd={end}
                  badges={
                    <Show when={s.factorPending}>
                      <span class="badge warn">{ft('sessions.waitingCode')}</span>
                    </Show>
                  }
                />
              )}
            </For>
          </tbody>
        </table>
      </TableFrame>
    </div>
  );
}
