import { For, Show, Suspense, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { SelectField } from '../../components/Field';
import { Alert } from '../../components/Alert';
import { RequireRole } from '../../components/Shell';
import { errorMessage, fieldMessage, formErrors } from '../../lib/errors';
import { formatDate, formatList, formatNumber } from '../../lib/format';
import { createNotice } from '../../lib/notice';
import { isClientError } from '../../lib/trpc';
import { yearLabel, yearsOf } from '../statistics/api';
import '../statistics/statistics.css';
import { countryLabel, getHubFigures, type HubFigures } from './api';
import { HubFigureView } from './HubFigureView';

/** The figures of a published year (undefined: the last published); a bad year shows its field's error instead. */
function Figures(props: { year: number | undefined; onError: (err: unknown) => void; onLoad: (out: HubFigures) => void }) {
  const data = createAsync(async () => {
    try {
      const out = await getHubFigures(props.year);
      props.onLoad(out);
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
            <p class="muted" data-testid="hub-published">
              {t('hub.published', { date: formatDate(d().publishedAt) })}
            </p>
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

/** A field's words: a year not yet published names the day it will be. */
function yearMessage(err: unknown) {
  return (key: string) => {
    if (key !== 'year_not_published') return fieldMessage(key);
    const on = isClientError(err) ? err.data?.info?.publishedOn : undefined;
    return t('validation.year_not_published', { date: formatDate(typeof on === 'string' ? on : null) });
  };
}

/**
 * The hub analyst's page: a published calendar year of the member cities that share their figures, by
 * country and by city, each as a chart and a table, suppressed on the server ("<5", "*") across the
 * hierarchy. Only published years are offered (a year is published a month after it ends, and never
 * changes after: modules/hub/release.ts); the page opens on the last one and says when the next comes.
 */
export default function HubFiguresPage() {
  const [year, setYear] = createSignal<number | undefined>(undefined);
  const [loaded, setLoaded] = createSignal<Pick<HubFigures, 'years' | 'next'> | null>(null);
  const [error, setError] = createNotice<unknown>();
  const problems = () => formErrors(error(), ['year'], yearMessage(error()));
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
            setYear(Number(new FormData(form).get('year')));
          }}
        >
          <div class="form-grid">
            <SelectField label={t('hub.year')} name="year" error={problems().fields.year} data-testid="hub-year">
              <For each={loaded() ? yearsOf(loaded()!.years) : []}>
                {(y) => (
                  <option value={y} selected={y === (year() ?? loaded()?.years.last)}>
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
        <Show when={loaded()?.next}>
          {(next) => (
            <p class="muted" data-testid="hub-next">
              {t('hub.next', { year: yearLabel(next().year), date: formatDate(next().on) })}
            </p>
          )}
        </Show>
        <ul class="statistics-legend muted small">
          <li data-testid="hub-frozen">{t('hub.frozen')}</li>
          <li>{t('statistics.legendSmall')}</li>
          <li>{t('statistics.legendHidden')}</li>
          <li>{t('statistics.legendYear')}</li>
        </ul>
        <Suspense fallback={<p class="muted">{t('hub.loading')}</p>}>
          <Figures year={year()} onError={setError} onLoad={(out) => setLoaded({ years: out.years, next: out.next })} />
        </Suspense>
      </RequireRole>
    </section>
  );
}
