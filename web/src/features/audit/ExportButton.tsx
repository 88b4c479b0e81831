import { Show, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { appCodeOf, errorMessage } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { StepUp } from '../factor/StepUp';
import type { AuditFilters } from './api';
import { tn } from '../../i18n/plural';
import { createNotice } from '../../lib/notice';

/** Saves the events the current filters select as a CSV file (the server bounds and audits it). */
export function ExportButton(props: { filters: AuditFilters }) {
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<{ rows: number; truncated: boolean } | null>(null);
  const [error, setError] = createNotice<unknown>();
  // The export asks for a fresh second factor (within five minutes): a code, then the export again.
  const [stepUp, setStepUp] = createSignal(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await trpc.audit.export.mutate(props.filters);
      const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later, not at once: some browsers read the URL after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDone({ rows: file.rows, truncated: file.truncated });
    } catch (err) {
      if (appCodeOf(err) === 'STEP_UP_REQUIRED') setStepUp(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const message = (d: { rows: number; truncated: boolean }) => tn(d.truncated ? 'audit.exportTruncated' : 'audit.exported', d.rows);
  return (
    <div class="export">
      <button type="button" class="button" onClick={run} disabled={busy()} data-testid="audit-export">
        {busy() ? t('audit.exporting') : t('audit.export')}
      </button>
      <Show when={done()}>
        {(d) => (
          <p class="muted" role="status" data-testid="audit-exported">
            {message(d())}
          </p>
        )}
      </Show>
      <Show when={stepUp()}>
        <StepUp
          onDone={() => {
            setStepUp(false);
            void run();
          }}
          onCancel={() => setStepUp(false)}
        />
      </Show>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
    </div>
  );
}
