import { createEffect, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { locale, t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { monthTick, plotted, type ShownTable } from './api';

// A colour and a dash per series: told apart without colour too.
const STROKES = ['#1f4b78', '#a32020', '#1d5a33', '#c26a00', '#5b3f8c', '#00707a', '#6b5b2e', '#8a1d5a', '#4a4a4a', '#2f6f2f', '#7a4a00'];
const DASHES = [[], [8, 4], [2, 4], [10, 3, 2, 3], [4, 4], [12, 4], [1, 3], [6, 2, 1, 2], [], [8, 4], [2, 4]];
const HEIGHT = 220;

/**
 * A figure as a chart (uPlot, on a canvas). Months run along the x axis with a line per column; other
 * rows are bars of their totals. Suppressed counts are gaps. Hidden from screen readers: the table
 * beside it carries the same numbers. Redrawn when the data or the language changes, resized with its box.
 */
export default function FigureChart(props: {
  table: ShownTable;
  rowLabel: (key: string) => string;
  colLabel: (key: string) => string;
  byMonth: boolean;
}) {
  let box!: HTMLDivElement;
  let chart: uPlot | undefined;
  const observer = new ResizeObserver(() => chart?.setSize({ width: box.clientWidth || 320, height: HEIGHT }));
  const options = (width: number): uPlot.Options => {
    const rows = props.table.rows;
    const at = (i: number) => (Number.isInteger(i) && rows[i] !== undefined ? props.rowLabel(rows[i]!) : '');
    // Ticks: months short; other rows' names slanted, so that long words do not run into each other.
    const tick = (i: number) =>
      Number.isInteger(i) && rows[i] !== undefined ? (props.byMonth ? monthTick(rows[i]!) : props.rowLabel(rows[i]!)) : '';
    const value = (_u: uPlot, v: number | null) => (v == null ? '' : formatNumber(v));
    const series: uPlot.Series[] = props.byMonth
      ? props.table.cols.map((c, i) => ({
          label: props.colLabel(c),
          stroke: STROKES[i % STROKES.length],
          dash: DASHES[i % DASHES.length],
          width: 2,
          points: { size: 6 },
          value,
        }))
      : [
          {
            label: '',
            stroke: STROKES[0],
            fill: `${STROKES[0]}99`,
            paths: uPlot.paths.bars!({ size: [0.6, 48] }),
            points: { show: false },
            value,
          },
        ];
    return {
      width,
      height: HEIGHT,
      legend: { show: props.byMonth, live: false },
      scales: { x: { time: false, range: [-0.5, rows.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
      axes: [
        props.byMonth
          ? { incrs: [1, 2, 3, 4, 6, 12], space: 44, values: (_u, splits) => splits.map(tick), grid: { show: false } }
          : { incrs: [1], space: 10, rotate: -45, size: 110, values: (_u, splits) => splits.map(tick), grid: { show: false } },
        { values: (_u, splits) => splits.map((v) => formatNumber(v)), size: 44 },
      ],
      cursor: { drag: { x: false, y: false } },
      series: [{ label: props.byMonth ? t('statistics.month') : '', value: (_u, v) => (v == null ? '' : at(v)) }, ...series],
    };
  };
  createEffect(() => {
    locale();
    const table = props.table;
    chart?.destroy();
    const x = table.rows.map((_, i) => i);
    const ys = props.byMonth
      ? table.cols.map((_, c) => table.rows.map((_, r) => plotted(table.cells[r]![c]!)))
      : [table.rowTotals.map(plotted)];
    chart = new uPlot(options(box.clientWidth || 320), [x, ...ys] as uPlot.AlignedData, box);
  });
  onMount(() => observer.observe(box));
  onCleanup(() => {
    observer.disconnect();
    chart?.destroy();
  });
  return <div ref={box} class="figure-chart" dir="ltr" aria-hidden="true" data-testid="figure-chart" />;
}
