import { Show, createEffect, createSignal, onCleanup } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { sessionEnded, sessionHasEnded } from '../../lib/reauth';
import { activityWatch, deadlineOf, formatTime, type SessionLimits } from './idle';

/**
 * Warns before the session ends. Before the idle limit: "stay signed in" (auth.keepAlive), or, if the
 * user was active in the page meanwhile, the keep-alive is sent without asking. Before the absolute
 * limit, which nothing moves: says when, so the user can send their work (drafts keep it anyway).
 * When the time is up, the sign-in dialog takes over (SignInAgain).
 */
export function IdleWarning(props: { limits: SessionLimits; stayRef: (stay: () => Promise<void>) => void; onSignOut: () => void }) {
  let dialog: HTMLDialogElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const activity = activityWatch();
  const [shown, setShown] = createSignal<{ at: number; idle: boolean } | null>(null);

  const close = () => {
    setShown(null);
    if (dialog?.open) dialog.close();
  };
  const schedule = (limits: SessionLimits) => {
    clearTimeout(timer);
    const d = deadlineOf(limits);
    timer = setTimeout(() => warn(d.at, d.idle), Math.max(0, d.warnAt - Date.now()));
  };
  const stay = async () => {
    activity.reset();
    close();
    // Refused because the session already ended: the link holds the call until the sign-in dialog is done.
    const limits = await trpc.auth.keepAlive.mutate().catch(() => null);
    if (limits) schedule(limits);
  };
  const warn = (at: number, idle: boolean) => {
    if (idle && activity.active()) return void stay();
    setShown({ at, idle });
    dialog?.showModal();
    timer = setTimeout(
      () => {
        close();
        sessionHasEnded();
      },
      Math.max(0, at - Date.now()),
    );
  };
  props.stayRef(stay);
  createEffect(() => schedule(props.limits));
  // Once the session has ended (a refused request), the sign-in dialog speaks: no warning until it is done.
  createEffect(() => {
    if (!sessionEnded()) return;
    clearTimeout(timer);
    close();
  });
  onCleanup(() => clearTimeout(timer));

  return (
    <dialog
      ref={dialog}
      class="session-dialog"
      role="alertdialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      data-testid="idle-warning"
      onCancel={(e) => {
        e.preventDefault();
        if (shown()?.idle) void stay();
        else close();
      }}
    >
      {/* The heading and text are always there, so the dialog's names point at something even while closed. */}
      <h2 id="idle-title">{t('session.warnTitle')}</h2>
      <p id="idle-text">
        {shown() ? t(shown()!.idle ? 'session.warnIdle' : 'session.warnEnd', { time: formatTime(new Date(shown()!.at)) }) : ''}
      </p>
      <div class="dialog-actions">
        <Show
          when={shown()?.idle !== false}
          fallback={
            <button type="button" class="button primary" onClick={close}>
              {t('session.ok')}
            </button>
          }
        >
          <button type="button" class="button primary" onClick={() => void stay()} data-testid="stay-signed-in">
            {t('session.stay')}
          </button>
        </Show>
        <button type="button" class="button ghost" onClick={props.onSignOut}>
          {t('session.signOut')}
        </button>
      </div>
    </dialog>
  );
}
