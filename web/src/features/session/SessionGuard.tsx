import { createEffect, onCleanup } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { forgetUser, rememberUser } from '../../lib/reauth';
import { signOut, type Me } from '../../lib/session';
import { IdleWarning } from './IdleWarning';
import { SignInAgain } from './SignInAgain';
import './session.css';

/**
 * Keeps typed work through the session's end (issue 15): warns before the idle limit with a way to
 * stay, and when the session has ended, asks the same user to sign in again over the page, after which
 * what was waiting is sent. Mounted once by the shell, for the signed-in user.
 */
export function SessionGuard(props: { me: Me }) {
  const navigate = useNavigate();
  createEffect(() => rememberUser(props.me));
  onCleanup(forgetUser);
  let stay: () => Promise<void> = async () => undefined;
  // Signing out here gives up what was typed: nothing waits any more, and the sign-in page follows.
  const leave = async () => {
    forgetUser();
    await signOut().catch(() => undefined);
    navigate('/sign-in', { replace: true });
  };
  return (
    <>
      <IdleWarning limits={props.me.session} stayRef={(s) => (stay = s)} onSignOut={leave} />
      <SignInAgain onBack={() => void stay()} onSignOut={leave} />
    </>
  );
}
