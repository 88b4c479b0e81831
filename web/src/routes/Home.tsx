import { Match, Switch, lazy } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../i18n';
import { useMe } from '../components/Shell';

// Case work's dashboard reads the queue and the case list: loaded only for the roles that work cases.
const Dashboard = lazy(() => import('../features/dashboard/Dashboard'));

/** The landing page; its text follows the role. */
export function Home() {
  const me = useMe();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title" data-testid="home-title">
        {t('home.title', { name: me().displayName })}
      </h1>
      <Switch fallback={<Dashboard />}>
        <Match when={me().role === 'admin' && me().municipality.kind === 'hub'}>
          <p class="lead">{t('hub.members.intro')}</p>
          <p class="links">
            <A class="button" href="/admin/hub">
              {t('nav.hubMembers')}
            </A>
            <A class="button" href="/admin/users">
              {t('nav.users')}
            </A>
          </p>
        </Match>
        <Match when={me().role === 'admin'}>
          <p class="lead">{t('home.admin')}</p>
          <p class="links">
            <A class="button" href="/admin/agencies">
              {t('nav.agencies')}
            </A>
            <A class="button" href="/admin/users">
              {t('nav.users')}
            </A>
          </p>
        </Match>
        <Match when={me().role === 'hub_analyst'}>
          <p class="lead">{t('hub.home')}</p>
          <p class="links">
            <A class="button" href="/hub" data-testid="home-hub">
              {t('nav.hubFigures')}
            </A>
          </p>
        </Match>
        <Match when={me().role === 'auditor'}>
          <p class="lead">{t('home.auditor')}</p>
          <p class="links">
            <A class="button" href="/audit">
              {t('nav.audit')}
            </A>
          </p>
        </Match>
      </Switch>
    </section>
  );
}
