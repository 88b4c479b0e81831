import { Show, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { Alert } from '../../components/Alert';
import type { VerifyResult } from './api';

/** Recomputes the municipality's hash chain and says whether it is whole, or where it breaks. */
export function VerifyPanel() {
  const [result, setResult] = createSignal<VerifyResult | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await trpc.audit.verify.mutate());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const message = (r: VerifyResult) =>
    r.firstBroken
      ? t('audit.broken', { seq: formatNumber(r.firstBroken.seq), reason: tKey('breakReasons', r.firstBroken.reason) })
      : t('audit.intact', { count: formatNumber(r.checked) });
  return (
    <section class="card verify" aria-label={t('audit.verify')}>
      <button type="button" class="button primary" onClick={verify} disabled={busy()} data-testid="verify">
        {busy() ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div role="status" aria-live="polite" data-testid="verify-result">
        <Show when={result()}>
          {(r) => (
            <p class="alert" classList={{ 'alert-success': !r().firstBroken, 'alert-error': !!r().firstBroken }} data-state={r().firstBroken ? 'broken' : 'intact'}>
              {message(r())}
              <small>{t('audit.checkedAt', { at: formatDateTime(r().verifiedAt) })}</small>
            </p>
          )}
        </Show>
      </div>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
    </section>
  );
}
