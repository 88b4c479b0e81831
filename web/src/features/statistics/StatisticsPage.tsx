import { For, Show, Suspense, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { SelectField } from '../../components/Field';
import { Alert } from '../../components/Alert';
import { RequireRole } from '../../components/Shell';
import { errorMessage, formErrors } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { FigureView } from './FigureView';
import { defaultPeriod, downloadCsv, getFigures, yearLabel, yearsOf, type Period } from './api';
import './statistics.css';
import { createNotice } from '../../lib/notice';

/** Figures of a year; a bad year shows its field's error instead. */
function Figures(props: { period: Period; onError: (err: unknown) => void; onYears: (years: { first: number; last: number }) => void }) {
  const data = createAsync(async () => {
    try {
      const out = await getFigures(props.period.year);
      props.onYears(out.years);
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
              year: yearLabel(d().period.year),
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
 * The statistics page (coordinator, auditor): the municipality's figures for one calendar year (fixed
 * periods that never overlap, so no two answers can be subtracted), each as a chart and a table,
 * suppressed on the server ("<5", "*"), and the same values as CSV.
 */
export default function StatisticsPage() {
  const [period, setPeriod] = createSignal<Period>(defaultPeriod());
  const [years, setYears] = createSignal({ first: period().year, last: period().year });
  const [error, setError] = createNotice<unknown>();
  const [busy, setBusy] = createSignal(false);
  const problems = () => formErrors(error(), ['year']);
  let form!: HTMLFormElement;
  /** The year in the form now (the export takes it even before "Show"). */
  const typed = (): Period => ({ year: Number(new FormData(form).get('year')) });
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
            <SelectField label={t('statistics.year')} name="year" error={problems().fields.year} data-testid="statistics-year">
              <For each={yearsOf(years())}>
                {(y) => (
                  <option value={y} selected={y === period().year}>
                    {yearLabel(y)}
                  </option>
                )}
              </For>
            </SelectField>
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
          <li>{t('statistics.legendYear')}</li>
        </ul>
        <Suspense fallback={<p class="muted">{t('statistics.loading')}</p>}>
          <Figures period={period()} onError={setError} onYears={setYears} />
        </Suspense>
      </RequireRole>
    </section>
  );
}
