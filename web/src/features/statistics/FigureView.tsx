import { For, Suspense, lazy } from 'solid-js';
import { t } from '../../i18n';
import { TableFrame } from '../../components/TableFrame';
import type { Figure } from '../../../../src/shared/statistics';
import { AXES, keyLabel, shownText, type Shown, type ShownTable } from './api';

// uPlot is loaded only when the statistics page draws: the initial bundle does not carry it.
const FigureChart = lazy(() => import('./FigureChart'));

/** A value cell: suppressed marks are read left to right even in Arabic. */
function Value(props: { v: Shown }) {
  return (
    <td class="num" classList={{ suppressed: typeof props.v !== 'number' }}>
      <bdi>{shownText(props.v)}</bdi>
    </td>
  );
}

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
      <TableFrame label={title()}>
        <table class="table statistics-table" data-testid={`table-${id()}`}>
          <caption class="visually-hidden">{title()}</caption>
          <thead>
            <tr>
              <td />
              <For each={props.table.cols}>{(c) => <th scope="col">{colLabel(c)}</th>}</For>
              <th scope="col">{t('statistics.total')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.table.rows}>
              {(row, r) => (
                <tr>
                  <th scope="row">{rowLabel(row)}</th>
                  <For each={props.table.cells[r()]}>{(v) => <Value v={v} />}</For>
                  <Value v={props.table.rowTotals[r()]!} />
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('statistics.total')}</th>
              <For each={props.table.colTotals}>{(v) => <Value v={v} />}</For>
              <Value v={props.table.total} />
            </tr>
          </tfoot>
        </table>
      </TableFrame>
    </figure>
  );
}
