import { Suspense, lazy } from 'solid-js';
import { t } from '../../i18n';
import type { Figure } from '../../../../src/shared/statistics';
import { AXES, keyLabel, type ShownTable } from './api';
import { CountTable } from './CountTable';

// uPlot is loaded only when the statistics page draws: the initial bundle does not carry it.
const FigureChart = lazy(() => import('./FigureChart'));

/** One figure: its chart, and the same numbers as a table (the chart's text alternative) with totals. */
export function FigureView(props: { table: ShownTable; agencies: Record<string, string> }) {
  const id = () => props.table.id as Figure;
  const rowLabel = (key: string) => keyLabel(AXES[id()][0], key, props.agencies);
  const colLabel = (key: string) => keyLabel(AXES[id()][1], key, props.agencies);
  const title = () => t(`statistics.figures.${id()}`);
  return (
    <figure class="card statistics-figure" aria-labelledby={`fig-${id()}`} data-testid={`figure-${id()}`}>
      <h2 id={`fig-${id()}`} class="h3">
        {title()}
      </h2>
      <Suspense fallback={<div class="figure-chart" aria-hidden="true" />}>
        <FigureChart table={props.table} rowLabel={rowLabel} colLabel={colLabel} byMonth={AXES[id()][0] === 'month'} />
      </Suspense>
      <p class="muted small">{t('statistics.chartNote')}</p>
      <CountTable
        table={props.table}
        label={title()}
        testId={`table-${id()}`}
        rowLabel={rowLabel}
        colLabel={colLabel}
        totalLabel={t('statistics.total')}
      />
    </figure>
  );
}
