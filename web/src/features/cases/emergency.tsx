import { For, Show } from 'solid-js';
import { A, createAsync, query, useLocation, useNavigate } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { formatDateTime } from '../../lib/format';
import { useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { SubmitButton } from '../../components/FormActions';
import './emergency.css';

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
            <div class="emergency-grant">
              <p>
                <A href={`/cases/${g.caseId}`}>{t('breakGlass.banner', { reference: g.reference, time: formatDateTime(g.expiresAt) })}</A>
              </p>
              <EndNow id={g.id} />
            </div>
          )}
        </For>
      </div>
    </Show>
  );
}

/** Ends one's own emergency access before its time (cases.endBreakGlass), then leaves the case for the home page. */
function EndNow(props: { id: string }) {
  const navigate = useNavigate();
  const form = useForm({
    name: `endBreakGlass-${props.id}`,
    submit: () => trpc.cases.endBreakGlass.mutate({ id: props.id }),
    onDone: () => navigate('/'),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="emergency-end">
      <Alert kind="error" message={form.errors().banner} />
      <SubmitButton form={form} look="plain" small label={t('breakGlass.endNow')} pendingLabel={null} testId="end-emergency" />
    </form>
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
