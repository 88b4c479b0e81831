import { createSignal } from 'solid-js';
import { query } from '@solidjs/router';
import { trpc, setAuthLostHandler, type Outputs } from './trpc';
import { appCodeOf } from './errors';
import { isLocale, loadAllWords, setLocale, t } from '../i18n';
import { setErasedWords } from './erased';
import { adoptRegion, type Region } from './region';

setErasedWords(() => t('common.erased'));

export type Me = Outputs['auth']['me'];
export type Notice = 'sessionExpired' | 'signedOut' | null;

/** The signed-in user, or null when there is no session. */
export const getMe = query(async (): Promise<Me | null> => {
  try {
    // The signed-in pages need the words of every area (the sign-in page only the first ones): the frame waits for both.
    const [me] = await Promise.all([trpc.auth.me.query(), loadAllWords()]);
    // The municipality's clock and country before the frame renders: its dates are written once, on the
    // right clock, rather than in the device's zone and then all again when the frame's effect adopts it.
    if (me.municipality) adoptRegion({ country: me.municipality.country, timeZone: me.municipality.timeZone });
    return me;
  } catch (err) {
    const code = appCodeOf(err);
    // A session still owing its second factor's code counts as none: sign-in starts again.
    if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED' || code === 'SECOND_FACTOR_REQUIRED') return null;
    throw err;
  }
}, 'me');

const [notice, setNotice] = createSignal<Notice>(null);
export { notice, setNotice };

// The account whose language was applied: the account's setting wins once per sign-in.
let localeAppliedFor: string | null = null;

/**
 * Applies the account's language when a user's session starts (or the page is reloaded), and takes
 * the municipality's country and time zone (regional formats, "today") whenever they come.
 */
export function adoptAccountLocale(me: { id: string; locale: string; municipality?: Region }) {
  if (me.municipality) adoptRegion({ country: me.municipality.country, timeZone: me.municipality.timeZone });
  if (localeAppliedFor === me.id) return;
  localeAppliedFor = me.id;
  if (isLocale(me.locale)) setLocale(me.locale);
}

/** Marks that this account's language was already settled (e.g. chosen on the sign-in page). */
export function markLocaleApplied(userId: string) {
  localeAppliedFor = userId;
}

/** Forgets everything cached for the previous user. */
export function clearSession() {
  localeAppliedFor = null;
  adoptRegion(null);
  query.clear();
}

/** Installs the reaction to a lost session: back to sign-in, saying why when it expired. */
export function installAuthLostHandler(goToSignIn: () => void) {
  setAuthLostHandler((code) => {
    const wasSignedIn = localeAppliedFor !== null;
    clearSession();
    setNotice(code === 'SESSION_EXPIRED' || wasSignedIn ? 'sessionExpired' : null);
    goToSignIn();
  });
}

export async function signOut() {
  try {
    await trpc.auth.logout.mutate();
  } finally {
    clearSession();
    setNotice('signedOut');
  }
}
