import { For, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { TableFrame } from '../../components/TableFrame';
import { shownText, type Shown, type ShownTable } from './api';

/** A value cell: suppressed marks are read left to right even in Arabic. */
function Value(props: { v: Shown }) {
  return (
    <td class="num" classList={{ suppressed: typeof props.v !== 'number' }}>
      <bdi>{shownText(props.v)}</bdi>
    </td>
  );
}

/**
 * A figure's numbers as a table with its row and column totals (the chart's text alternative): the
 * city's statistics and the hub's figures show their counts through it.
 */
export function CountTable(props: {
  table: ShownTable;
  label: string;
  testId: string;
  rowLabel: (key: string) => string;
  colLabel: (key: string) => string;
  /** The rows' heading; an empty corner cell without it. */
  rowHead?: string;
  totalLabel: string;
}): JSX.Element {
  return (
    <TableFrame label={props.label}>
      <table class="table statistics-table" data-testid={props.testId}>
        <caption class="visually-hidden">{props.label}</caption>
        <thead>
          <tr>
            {props.rowHead ? <th scope="col">{props.rowHead}</th> : <td />}
            <For each={props.table.cols}>{(c) => <th scope="col">{props.colLabel(c)}</th>}</For>
            <th scope="col">{t('statistics.total')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.table.rows}>
            {(row, r) => (
              <tr>
                <th scope="row">{props.rowLabel(row)}</th>
                <For each={props.table.cells[r()]}>{(v) => <Value v={v} />}</For>
                <Value v={props.table.rowTotals[r()]!} />
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{props.totalLabel}</th>
            <For each={props.table.colTotals}>{(v) => <Value v={v} />}</For>
            <Value v={props.table.total} />
          </tr>
        </tfoot>
      </table>
    </TableFrame>
  );
}
