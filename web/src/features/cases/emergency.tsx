import { For, Show } from 'solid-js';
import { A, createAsync, query, useLocation } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { formatDateTime } from '../../lib/format';

/** The user's live emergency accesses (break-glass). Audited (case.breakGlass.live). */
export const getEmergencyAccess = query(() => trpc.cases.emergencyAccess.query(), 'cases.emergencyAccess');

/** The shell's banner, on every page while a social worker holds a live emergency access; read again on each page. */
export function EmergencyBanner() {
  const location = useLocation();
  const grants = createAsync(() => {
    void location.pathname;
    return getEmergencyAccess();
  });
  return (
    <Show when={grants()?.length}>
      <div class="alert alert-error emergency-banner" role="alert" data-testid="emergency-banner">
        <For each={grants()}>
          {(g) => (
            <p>
              <A href={`/cases/${g.caseId}`}>{t('breakGlass.banner', { reference: g.reference, time: formatDateTime(g.expiresAt) })}</A>
            </p>
          )}
        </For>
      </div>
    </Show>
  );
}

/** The case page's own line: this case is open under the viewer's emergency access, until when. */
export function EmergencyHere(props: { emergency: { expiresAt: Date } | null }) {
  return (
    <Show when={props.emergency}>
      {(e) => (
        <p class="alert alert-error" role="status" data-testid="emergency-here">
          {t('breakGlass.bannerHere', { time: formatDateTime(e().expiresAt) })}
        </p>
      )}
    </Show>
  );
}
