import { createSignal } from 'solid-js';

/**
 * Signing in again over the page (issue 15: no typed work is lost). While someone is signed in, a
 * request the server refuses because the session ended does not throw the page away: it waits here
 * until the same user has signed in again in the dialog (features/session/SignInAgain.tsx), and is
 * then sent once more (lib/trpc.ts), a keyed one with its same idempotency key. If another account
 * signs in instead, every waiting request fails and the page is reloaded: what was typed is dropped.
 */

/** Who is signed in on this page (set by the shell): only they may continue what was typed. */
let current: { id: string; email: string } | null = null;
let waiting: ((same: boolean) => void)[] = [];
/** Another account signed in over this page: nothing of it may be sent any more, until the page reloads. */
let dropped = false;

/** True once another account signed in over this page (lib/trpc.ts then sends nothing more from it). */
export const pageDropped = () => dropped;
const [ended, setEnded] = createSignal<{ email: string } | null>(null);

/** The account whose session ended, while the dialog should ask it to sign in again; null otherwise. */
export { ended as sessionEnded };

export function rememberUser(me: { id: string; email: string }) {
  current = { id: me.id, email: me.email };
}

/** Signed out on purpose, or another user: nothing waits for a sign-in any more. */
export function forgetUser() {
  current = null;
  settle(false);
}

/** The session ended (a refusal, or its time is up): show the dialog if someone was signed in. */
export function sessionHasEnded(): boolean {
  if (!current) return false;
  setEnded({ email: current.email });
  return true;
}

/**
 * A request refused because the session ended: resolves `true` once the same user signed in again
 * (send it again), `false` when someone else did or the user signed out. Null when nobody was signed
 * in on this page (the request fails as it did).
 */
export function waitForSignIn(): Promise<boolean> | null {
  if (!sessionHasEnded()) return null;
  return new Promise((resolve) => waiting.push(resolve));
}

/**
 * The dialog's outcome: true when `userId` is the user who was signed in (the waiting requests are
 * sent again), false otherwise (they fail; the caller reloads the page).
 */
export function signedInAgain(userId: string): boolean {
  const same = current?.id === userId;
  if (!same) {
    current = null;
    dropped = true;
  }
  settle(same);
  return same;
}

function settle(same: boolean) {
  const resolve = waiting;
  waiting = [];
  setEnded(null);
  for (const r of resolve) r(same);
}
