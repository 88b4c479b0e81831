import { For, Show, Suspense, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { SelectField } from '../../components/Field';
import { Alert } from '../../components/Alert';
import { RequireRole } from '../../components/Shell';
import { errorMessage, formErrors } from '../../lib/errors';
import { formatList, formatNumber } from '../../lib/format';
import { createNotice } from '../../lib/notice';
import { defaultPeriod, yearLabel, yearsOf, type Period } from '../statistics/api';
import '../statistics/statistics.css';
import { countryLabel, getHubFigures } from './api';
import { HubFigureView } from './HubFigureView';

/** The figures of a year; a bad year shows its field's error instead. */
function Figures(props: { period: Period; onError: (err: unknown) => void; onYears: (years: { first: number; last: number }) => void }) {
  const data = createAsync(async () => {
    try {
      const out = await getHubFigures(props.period.year);
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
      {(d) => {
        const names = () => new Map(d().municipalities.map((m) => [m.id, m.name]));
        return (
          <Show when={d().municipalities.length > 0} fallback={<p class="muted">{t('hub.none')}</p>}>
            <p data-testid="hub-counted">
              {t('hub.counted', {
                count: formatNumber(d().municipalities.length),
                list: formatList(d().municipalities.map((m) => m.name)),
              })}
            </p>
            <For each={d().figures}>
              {(f) => <HubFigureView figure={f} cityLabel={(id) => names().get(id) ?? id} countryLabel={countryLabel} />}
            </For>
          </Show>
        );
      }}
    </Show>
  );
}

/**
 * The hub analyst's page: one calendar year of the member cities that share their figures, by country
 * and by city, each as a chart and a table, suppressed on the server ("<5", "*") across the hierarchy.
 */
export default function HubFiguresPage() {
  const [period, setPeriod] = createSignal<Period>(defaultPeriod());
  const [years, setYears] = createSignal({ first: period().year, last: period().year });
  const [error, setError] = createNotice<unknown>();
  const problems = () => formErrors(error(), ['year']);
  let form!: HTMLFormElement;
  return (
    <section aria-labelledby="hub-title" class="statistics">
      <h1 id="hub-title">{t('hub.title')}</h1>
      <p class="lead">{t('hub.intro')}</p>
      <RequireRole roles={['hub_analyst']}>
        <form
          ref={form}
          class="card filters"
          data-testid="hub-period-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setPeriod({ year: Number(new FormData(form).get('year')) });
          }}
        >
          <div class="form-grid">
            <SelectField label={t('hub.year')} name="year" error={problems().fields.year} data-testid="hub-year">
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
            <button type="submit" class="button primary" data-testid="hub-show">
              {t('hub.show')}
            </button>
          </div>
          <Alert kind="error" message={error() ? (problems().banner ?? errorMessage(error())) : null} />
        </form>
        <ul class="statistics-legend muted small">
          <li>{t('statistics.legendSmall')}</li>
          <li>{t('statistics.legendHidden')}</li>
          <li>{t('statistics.legendYear')}</li>
        </ul>
        <Suspense fallback={<p class="muted">{t('hub.loading')}</p>}>
          <Figures period={period()} onError={setError} onYears={setYears} />
        </Suspense>
      </RequireRole>
    </section>
  );
}
