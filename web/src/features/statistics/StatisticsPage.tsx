import { For, Show, Suspense, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { TextField } from '../../components/Field';
import { Alert } from '../../components/Alert';
import { RequireRole } from '../../components/Shell';
import { errorMessage, formErrors } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { FigureView } from './FigureView';
import { defaultPeriod, downloadCsv, getFigures, monthLabel, type Period } from './api';
import './statistics.css';

/** Figures of a period; a bad period shows its fields' errors instead. */
function Figures(props: { period: Period; onError: (err: unknown) => void }) {
  const data = createAsync(async () => {
    try {
      const out = await getFigures(props.period.from, props.period.to);
      props.onError(null);
      return out;
    } catch (err) {
      props.onError(err);
      return null;
    }
  });
  return (
    <Show when={data()}>
      {(d) => (
        <>
          <p data-testid="statistics-period">
            {t('statistics.periodNote', {
              from: monthLabel(d().period.from),
              to: monthLabel(d().period.to),
              days: formatNumber(d().slaDays),
              today: formatDate(`${d().today}T12:00:00Z`),
            })}
          </p>
          <For each={d().figures}>{(f) => <FigureView table={f} agencies={d().agencies} />}</For>
        </>
      )}
    </Show>
  );
}

/**
 * The statistics page (coordinator, auditor): the municipality's figures for a period of months, each
 * as a chart and a table, suppressed on the server ("<5", "*"), and the same values as CSV.
 */
export default function StatisticsPage() {
  const [period, setPeriod] = createSignal<Period>(defaultPeriod());
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const problems = () => formErrors(error(), ['from', 'to']);
  let form!: HTMLFormElement;
  /** The months in the form now (the export takes them even before "Show"). */
  const typed = (): Period => {
    const data = new FormData(form);
    return { from: String(data.get('from') ?? ''), to: String(data.get('to') ?? '') };
  };
  const download = async () => {
    setBusy(true);
    try {
      await downloadCsv(typed());
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="statistics-title" class="statistics">
      <h1 id="statistics-title">{t('statistics.title')}</h1>
      <p class="lead">{t('statistics.intro')}</p>
      <RequireRole roles={['coordinator', 'auditor']}>
        <form
          ref={form}
          class="card filters"
          data-testid="statistics-period-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setPeriod(typed());
          }}
        >
          <div class="form-grid">
            <TextField
              label={t('statistics.from')}
              name="from"
              type="month"
              value={period().from}
              error={problems().fields.from}
              dir="ltr"
            />
            <TextField label={t('statistics.to')} name="to" type="month" value={period().to} error={problems().fields.to} dir="ltr" />
          </div>
          <div class="form-actions">
            <button type="submit" class="button primary" data-testid="statistics-show">
              {t('statistics.show')}
            </button>
            <button type="button" class="button" onClick={download} disabled={busy()} data-testid="statistics-export">
              {busy() ? t('statistics.exporting') : t('statistics.exportCsv')}
            </button>
          </div>
          <Alert kind="error" message={error() ? (problems().banner ?? errorMessage(error())) : null} />
        </form>
        <ul class="statistics-legend muted small">
          <li>{t('statistics.legendSmall')}</li>
          <li>{t('statistics.legendHidden')}</li>
        </ul>
        <Suspense fallback={<p class="muted">{t('statistics.loading')}</p>}>
          <Figures period={period()} onError={setError} />
        </Suspense>
      </RequireRole>
    </section>
  );
}
