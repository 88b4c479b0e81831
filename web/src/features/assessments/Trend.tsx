import { For, Show, Suspense, lazy } from 'solid-js';
import { t } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { DOMAINS, plotted, seriesLabel, unknownOf, type TrendPoint } from './api';
import { TableFrame } from '../../components/TableFrame';

// uPlot is loaded only when a case has a trend to draw: the initial bundle does not carry it.
const TrendChart = lazy(() => import('./TrendChart'));

/**
 * The trend across assessments: a small chart (from the second assessment on) and, always, the same
 * numbers as a table, which is the chart's text alternative.
 */
export function Trend(props: { trend: TrendPoint[] }) {
  return (
    <Show when={props.trend.length}>
      <figure class="trend" aria-labelledby="trend-title" data-testid="trend">
        <h3 id="trend-title" class="h3">
          {t('assessment.trendTitle')}
        </h3>
        <p class="muted small">{t('assessment.trendIntro')}</p>
        <Show when={props.trend.length > 1} fallback={<p class="hint">{t('assessment.trendOne')}</p>}>
          <Suspense fallback={<div class="trend-chart" aria-hidden="true" />}>
            <TrendChart trend={props.trend} />
          </Suspense>
        </Show>
        <TableFrame label={t('assessment.trendTitle')}>
          <table class="trend-table" data-testid="trend-table">
            <caption class="visually-hidden">{t('assessment.trendCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.date')}</th>
                <For each={DOMAINS}>{(d) => <th scope="col">{seriesLabel(d)}</th>}</For>
                <th scope="col">{t('assessment.unknownCount')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.trend}>
                {(p) => (
                  <tr>
                    <th scope="row">{formatDate(p.assessedAt)}</th>
                    <For each={DOMAINS}>{(d) => <td class="num">{formatNumber(plotted(p, d))}</td>}</For>
                    <td class="num">{formatNumber(unknownOf(p))}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableFrame>
      </figure>
    </Show>
  );
}
