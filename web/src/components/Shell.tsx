import { ErrorBoundary, For, Show, createEffect, createSignal, lazy, on, onCleanup, type JSX } from 'solid-js';
import { A, createAsync, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { t } from '../i18n';
import type { Dictionary } from '../i18n/en';
import { adoptAccountLocale, getMe, type Me } from '../lib/session';
import { MeContext, useMe } from './me';
import { Header } from './Header';
import { PageError } from './PageError';
import { AccountNotice } from './AccountNotice';
import { ChangePassword } from '../routes/ChangePassword';
import { EmergencyBanner } from '../features/cases/emergency';
import { SessionGuard } from '../features/session/SessionGuard';

// Only the users who must enrol a second factor see it before anything else: its own chunk.
const SecondFactor = lazy(() => import('../features/factor/SecondFactorPage'));

export { useMe } from './me';

/** Shows its children only to the given roles; others read that they may not (the server refuses too). */
export function RequireRole(props: { roles: readonly Me['role'][]; children: JSX.Element }) {
  const me = useMe();
  return (
    <Show
      when={props.roles.includes(me().role)}
      fallback={
        <p class="alert alert-error" data-testid="forbidden">
          {t('errors.FORBIDDEN')}
        </p>
      }
    >
      {props.children}
    </Show>
  );
}

/** Where each role's work is, in the order they reach for it. */
export const WORK_LINKS: Record<Me['role'], readonly (readonly [href: string, label: `nav.${keyof Dictionary['nav']}`])[]> = {
  coordinator: [
    ['/work', 'nav.myWork'],
    ['/referrals/queue', 'nav.screening'],
    ['/cases', 'nav.cases'],
    ['/search', 'nav.search'],
    ['/referrals/new', 'nav.newReferral'],
    ['/meetings', 'nav.meetings'],
    ['/handover', 'nav.handover'],
    ['/retention', 'nav.retention'],
    ['/statistics', 'nav.statistics'],
    ['/processing-record', 'nav.processingRecord'],
    ['/transfers', 'nav.transfers'],
  ],
  social_worker: [
    ['/work', 'nav.myWork'],
    ['/cases', 'nav.myCases'],
    ['/search', 'nav.search'],
    ['/referrals/new', 'nav.newReferral'],
    ['/referrals/mine', 'nav.myReferrals'],
    ['/meetings', 'nav.meetings'],
  ],
  agency_practitioner: [
    ['/work', 'nav.myWork'],
    ['/onward', 'nav.onward'],
    ['/cases', 'nav.shared'],
    ['/search', 'nav.search'],
    ['/referrals/new', 'nav.newReferral'],
    ['/referrals/mine', 'nav.myReferrals'],
    ['/meetings', 'nav.meetings'],
  ],
  admin: [
    ['/admin/agencies', 'nav.agencies'],
    ['/admin/purposes', 'nav.purposes'],
    ['/admin/lists', 'nav.lists'],
    ['/admin/users', 'nav.users'],
    ['/admin/assessment-factors', 'nav.assessmentFactors'],
    ['/admin/settings', 'nav.settings'],
    ['/admin/hub', 'nav.hubMembers'],
    ['/admin/retention', 'nav.retentionRules'],
    ['/retention', 'nav.retention'],
    ['/processing-record', 'nav.processingRecord'],
  ],
  // The regional hub's analysts: its figures, nothing else.
  hub_analyst: [['/hub', 'nav.hubFigures']],
  auditor: [
    ['/audit', 'nav.audit'],
    ['/retention', 'nav.retention'],
    ['/statistics', 'nav.statistics'],
  ],
};

/**
 * The links of the user's role, as their municipality's kind has them: a hub holds no casework, so its
 * admin has its users, members and settings, its auditor the audit log (the server refuses the rest,
 * modules/hub/policy.ts); a city's admin has no hub members to manage.
 */
const HUB_LINKS = new Set(['/admin/users', '/admin/hub', '/admin/settings', '/audit', '/hub']);
function linksOf(me: Me) {
  const links = WORK_LINKS[me.role];
  return me.municipality.kind === 'hub' ? links.filter(([href]) => HUB_LINKS.has(href)) : links.filter(([href]) => href !== '/admin/hub');
}

function Nav(props: { me: Me }) {
  return (
    <nav class="app-nav" id="app-menu" aria-label={t('nav.label')}>
      <ul>
        <li>
          <A href="/" end>
            {t('nav.home')}
          </A>
        </li>
        <For each={linksOf(props.me)}>
          {([href, label]) => (
            <li>
              <A href={href}>{t(label)}</A>
            </li>
          )}
        </For>
        <li>
          <A href="/sessions">{t('nav.sessions')}</A>
        </li>
        <li>
          <A href="/password">{t('nav.password')}</A>
        </li>
        <li>
          <A href="/second-factor">{t('nav.secondFactor')}</A>
        </li>
        <li>
          <A href="/alerts">{t('nav.alerts')}</A>
        </li>
      </ul>
    </nav>
  );
}

/**
 * Everything behind sign-in: header, navigation, the page. Without a session it sends the user to
 * sign-in; while a one-time password is still in use, the password change is the only page.
 */
export function Shell(props: RouteSectionProps) {
  const me = createAsync(() => getMe());
  const navigate = useNavigate();
  const location = useLocation();
  createEffect(() => {
    const user = me();
    if (user === null) navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    else if (user) adoptAccountLocale(user);
  });
  // The phone menu: closed by going to another page, by following one of its links (also to the page
  // already shown), or by Escape (focus goes back to its button).
  const [menuOpen, setMenuOpen] = createSignal(false);
  let menuButton: HTMLButtonElement | undefined;
  createEffect(
    on(
      () => location.pathname,
      () => setMenuOpen(false),
      { defer: true },
    ),
  );
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !menuOpen()) return;
    setMenuOpen(false);
    menuButton?.focus();
  };
  const onClick = (e: MouseEvent) => {
    if (e.target instanceof Element && e.target.closest('.app-nav a')) setMenuOpen(false);
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('click', onClick);
  onCleanup(() => {
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('click', onClick);
  });
  return (
    <Show when={me()}>
      {(user) => (
        <MeContext.Provider value={user}>
          <SessionGuard me={user()} />
          <div class="shell" classList={{ 'menu-open': menuOpen() }}>
            <a class="skip" href="#main">
              {t('app.skip')}
            </a>
            <Header me={user()} menuOpen={menuOpen()} onMenu={() => setMenuOpen(!menuOpen())} menuButton={(el) => (menuButton = el)} />
            <div class="app-body">
              <Show when={!user().mustChangePassword && !user().secondFactor.mustEnrol}>
                <Nav me={user()} />
              </Show>
              <main id="main" class="page" tabindex="-1">
                <AccountNotice me={user()} />
                {/* Break-glass: only a social worker may hold emergency access; while it lasts, every page says so. */}
                <Show when={user().role === 'social_worker' && !user().mustChangePassword && !user().secondFactor.mustEnrol}>
                  <EmergencyBanner />
                </Show>
                <Show when={!user().mustChangePassword} fallback={<ChangePassword forced />}>
                  {/* A page that fails to load says why here, and the shell around it stays usable. */}
                  <ErrorBoundary
                    fallback={(err, reset) => {
                      createEffect(on(() => location.pathname, reset, { defer: true }));
                      return <PageError error={err} reset={reset} />;
                    }}
                  >
                    {/* The role requires a second factor not set up yet: enrolment is the only page. */}
                    <Show when={!user().secondFactor.mustEnrol} fallback={<SecondFactor forced />}>
                      {props.children}
                    </Show>
                  </ErrorBoundary>
                </Show>
              </main>
            </div>
          </div>
        </MeContext.Provider>
      )}
    </Show>
  );
}
