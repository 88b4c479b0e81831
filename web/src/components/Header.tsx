import { useNavigate } from '@solidjs/router';
import { t, tKey } from '../i18n';
import { trpc } from '../lib/trpc';
import { signOut, type Me } from '../lib/session';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The ids of what the menu button shows and hides on a narrow screen. */
export const MENU_PARTS = 'app-menu app-account';

/**
 * The banner: the app and the municipality, who is signed in, the language and signing out. On a
 * narrow screen it is one line (the app, the menu button, signing out); the menu button shows the
 * navigation, the account and the language below it.
 */
export function Header(props: { me: Me; menuOpen: boolean; onMenu: () => void; menuButton: (el: HTMLButtonElement) => void }) {
  const navigate = useNavigate();
  const leave = async () => {
    await signOut().catch(() => undefined);
    navigate('/sign-in', { replace: true });
  };
  return (
    <header class="app-header">
      <div class="brand">
        <span class="logo" aria-hidden="true" />
        <div>
          <strong>{t('app.name')}</strong>
          <span class="municipality" data-testid="municipality">
            {props.me.municipality.name}
          </span>
        </div>
      </div>
      <button
        type="button"
        class="button ghost menu-button"
        aria-expanded={props.menuOpen}
        aria-controls={MENU_PARTS}
        onClick={() => props.onMenu()}
        ref={props.menuButton}
        data-testid="menu-button"
      >
        <span class="menu-icon" aria-hidden="true" />
        {t('layout.menu')}
      </button>
      <div class="account" id="app-account">
        <span class="who" data-testid="user-name">
          {t('nav.signedInAs', { name: props.me.displayName })}
          <small>{tKey('roles', props.me.role)}</small>
        </span>
        <LanguageSwitcher
          onChange={(locale) => {
            // Saved on the account so the next sign-in, on any device, opens in this language; not
            // while a one-time password is in use (the server refuses everything but the password change).
            if (!props.me.mustChangePassword) trpc.auth.setLocale.mutate({ locale }).catch(() => undefined);
          }}
        />
        <button type="button" class="button ghost sign-out" onClick={leave} data-testid="sign-out">
          {t('nav.signOut')}
        </button>
      </div>
    </header>
  );
}
