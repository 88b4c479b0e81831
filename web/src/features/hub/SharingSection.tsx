import { For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { createNotice } from '../../lib/notice';
import { writeThenRefresh } from '../../lib/mutation';
import { Alert } from '../../components/Alert';
import { CheckboxField } from '../../components/Field';
import { useMe } from '../../components/Shell';
import { getMemberships } from './api';

function Memberships() {
  const list = createAsync(() => getMemberships());
  const [error, setError] = createNotice<unknown>();
  const [done, setDone] = createNotice<string>();
  const set = async (hub: { hubId: string; name: string }, share: boolean) => {
    const ok = await writeThenRefresh(() => trpc.hub.setSharing.mutate({ hubId: hub.hubId, share }), getMemberships.key, setError);
    if (ok) setDone(t(share ? 'hub.sharing.on' : 'hub.sharing.off', { hub: hub.name }));
  };
  return (
    <Show when={list()}>
      {(l) => (
        <Show when={l().length > 0} fallback={<p class="muted">{t('hub.sharing.none')}</p>}>
          <Alert kind="error" message={error() ? errorMessage(error()) : null} />
          <Alert kind="success" message={done()} />
          <For each={l()}>
            {(h) => (
              <CheckboxField
                label={t('hub.sharing.share', { hub: h.name })}
                checked={h.shareFigures}
                data-testid={`hub-share-${h.hubId}`}
                onChange={(e) => set(h, e.currentTarget.checked)}
              />
            )}
          </For>
        </Show>
      )}
    </Show>
  );
}

/**
 * The city admin's choice, on the settings page, to share the city's suppressed figures with each hub it
 * belongs to (off until chosen; audited on the city's chain). Not shown to a hub's own admin.
 */
export function SharingSection() {
  const me = useMe();
  return (
    <Show when={me().municipality.kind === 'city'}>
      <section class="card" aria-labelledby="hub-sharing-title" data-testid="hub-sharing">
        <h2 id="hub-sharing-title" class="h3">
          {t('hub.sharing.title')}
        </h2>
        <p class="muted">{t('hub.sharing.intro')}</p>
        <Memberships />
      </section>
    </Show>
  );
}
