import { Show, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { Alert } from '../../components/Alert';
import type { VerifyResult } from './api';
import { AnchorStatus } from './AnchorStatus';
import { createNotice } from '../../lib/notice';

/** Recomputes the municipality's hash chain and says whether it is whole, or where it breaks. */
export function VerifyPanel() {
  const [result, setResult] = createSignal<VerifyResult | null>(null);
  const [error, setError] = createNotice<unknown>();
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
  const anchorMessage = (r: VerifyResult) => {
    const c = r.anchors?.firstContradicted;
    if (!r.anchors) return null;
    if (!c) return t('audit.checkpointsOk', { count: formatNumber(r.anchors.checked) });
    const reason = tKey('contradictions', c.reason);
    return c.seq === null
      ? t('audit.contradictedLine', { line: formatNumber(c.line), reason })
      : t('audit.contradicted', { seq: formatNumber(c.seq), at: formatDateTime(new Date(c.at!)), reason });
  };
  const broken = (r: VerifyResult) => !!r.firstBroken || !!r.anchors?.firstContradicted;
  return (
    <section class="card verify" aria-label={t('audit.verify')}>
      <AnchorStatus />
      <button type="button" class="button primary" onClick={verify} disabled={busy()} data-testid="verify">
        {busy() ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div role="status" aria-live="polite" data-testid="verify-result">
        <Show when={result()}>
          {(r) => (
            <p
              class="alert"
              classList={{ 'alert-success': !broken(r()), 'alert-error': broken(r()) }}
              data-state={broken(r()) ? 'broken' : 'intact'}
            >
              {message(r())} {anchorMessage(r())}
              <small>{t('audit.checkedAt', { at: formatDateTime(r().verifiedAt) })}</small>
            </p>
          )}
        </Show>
      </div>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
    </section>
  );
}
