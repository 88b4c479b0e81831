import { Show, createSignal } from 'solid-js';
import { t } from '../i18n';

/**
 * A button for something that is hard to undo: the first press asks, the second does it.
 * Escape or "cancel" steps back.
 */
export function ConfirmButton(props: { label: string; onConfirm: () => unknown; danger?: boolean; disabled?: boolean }) {
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <Show
      when={asking()}
      fallback={
        <button
          type="button"
          class="button small"
          classList={{ danger: props.danger }}
          disabled={props.disabled}
          onClick={() => setAsking(true)}
        >
          {props.label}
        </button>
      }
    >
      {/* Escape from either button steps back: the keys reach the group from the focused button. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the group only hears keys from its own buttons */}
      <span class="confirm" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
        <button
          type="button"
          class="button small danger"
          disabled={busy()}
          onClick={confirm}
          ref={(el) => queueMicrotask(() => el.focus())}
        >
          {t('common.confirm', { action: props.label })}
        </button>
        <button type="button" class="button small ghost" disabled={busy()} onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </span>
    </Show>
  );
}
