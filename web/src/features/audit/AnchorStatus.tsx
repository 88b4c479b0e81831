import { Show, createResource } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { formatDateTime, formatNumber } from '../../lib/format';

/** When the log was last anchored outside the database, and a warning when anchoring is off or has stopped. */
export function AnchorStatus() {
  const [status] = createResource(() => trpc.audit.anchors.query());
  return (
    <Show when={status()}>
      {(s) => (
        <p
          class="alert"
          classList={{ 'alert-error': s().stopped, 'alert-info': !s().stopped }}
          role={s().stopped ? 'alert' : 'status'}
          data-testid="anchor-status"
          data-state={s().stopped ? 'stopped' : 'anchored'}
        >
          {!s().configured
            ? t('audit.anchorOff')
            : s().stopped
              ? t('audit.anchorStopped', { at: formatDateTime(s().unanchoredSince!) })
              : s().last
                ? t('audit.anchored', { at: formatDateTime(s().last!.at), seq: formatNumber(s().last!.seq) })
                : t('audit.notAnchoredYet')}
        </p>
      )}
    </Show>
  );
}
