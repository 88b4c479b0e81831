import { For, Show } from 'solid-js';
import { createAsync, query } from '@solidjs/router';
import { t } from '../i18n';
import { trpc } from '../lib/trpc';
import { errorMessage } from '../lib/errors';
import { writeThenRefresh } from '../lib/mutation';
import { Alert } from '../components/Alert';
import { SessionRow } from '../components/SessionRow';
import { TableFrame } from '../components/TableFrame';
import { createNotice } from '../lib/notice';

const getSessions = query(() => trpc.auth.sessions.query(), 'sessions');

/** My live sessions; any but this one can be ended. */
export function Sessions() {
  const sessions = createAsync(() => getSessions());
  const [error, setError] = createNotice<unknown>();
  const [done, setDone] = createNotice<boolean>();
  const end = async (id: string) => {
    setError(null);
    setDone(false);
    setDone(await writeThenRefresh(() => trpc.auth.endSession.mutate({ id }), getSessions.key, setError));
  };
  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">{t('sessions.title')}</h1>
      <p class="lead">{t('sessions.intro')}</p>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Alert kind="success" message={done() ? t('sessions.ended') : null} />
      <TableFrame label={t('sessions.title')}>
        <table data-testid="sessions-table">
          <thead>
            <tr>
              <th scope="col">{t('sessions.browser')}</th>
              <th scope="col">{t('sessions.started')}</th>
              <th scope="col">{t('sessions.lastSeen')}</th>
              <th scope="col">{t('sessions.ip')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={sessions()}>{(s) => <SessionRow session={s} endLabel={t('sessions.end')} onEnd={end} />}</For>
          </tbody>
        </table>
      </TableFrame>
      <Show when={sessions()?.length === 1}>
        <p class="muted">{t('sessions.empty')}</p>
      </Show>
    </section>
  );
}
