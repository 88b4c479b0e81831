import { createEffect, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { locale, t } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { DOMAINS, plotted, seriesLabel, type TrendPoint } from './api';

// A colour and a dash per domain: told apart without colour too.
const STROKES = ['#a32020', '#c26a00', '#1f4b78', '#1d5a33'];
const DASHES = [[], [8, 4], [2, 4], [10, 3, 2, 3]];

/** The highest count a domain could reach: the most factors rated in one domain, at least 4. */
function ceiling(trend: TrendPoint[]) {
  let most = 4;
  for (const p of trend)
    for (const d of DOMAINS)
      most = Math.max(
        most,
        Object.values(p.domains[d]).reduce((a, b) => a + b, 0),
      );
  return most;
}

function options(trend: TrendPoint[], width: number): uPlot.Options {
  const at = (i: number) => (Number.isInteger(i) && trend[i - 1] ? formatDate(trend[i - 1]!.assessedAt) : '');
  return {
    width,
    height: 220,
    scales: { x: { time: false, range: [0.8, trend.length + 0.2] }, y: { range: [0, ceiling(trend)] } },
    axes: [
      { incrs: [1], values: (_u, splits) => splits.map(at), grid: { show: false } },
      { incrs: [1, 2, 5, 10], values: (_u, splits) => splits.map((v) => formatNumber(v)), size: 40 },
    ],
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: t('assessment.date'), value: (_u, v) => (v == null ? '' : at(v)) },
      ...DOMAINS.map((d, i) => ({
        label: seriesLabel(d),
        stroke: STROKES[i],
        dash: DASHES[i],
        width: 2,
        points: { size: 7 },
        value: (_u: uPlot, v: number | null) => (v == null ? '' : formatNumber(v)),
      })),
    ],
  };
}

/**
 * The trend as a line chart (uPlot, on a canvas). Hidden from screen readers: the table beside it
 * carries the same numbers. Redrawn when the data or the language changes, resized with its box.
 */
export default function TrendChart(props: { trend: TrendPoint[] }) {
  let box!: HTMLDivElement;
  let chart: uPlot | undefined;
  const observer = new ResizeObserver(() => chart?.setSize({ width: box.clientWidth || 480, height: 220 }));
  createEffect(() => {
    locale();
    const trend = props.trend;
    chart?.destroy();
    const data: uPlot.AlignedData = [trend.map((_, i) => i + 1), ...DOMAINS.map((d) => trend.map((p) => plotted(p, d)))];
    chart = new uPlot(options(trend, box.clientWidth || 480), data, box);
  });
  onMount(() => observer.observe(box));
  onCleanup(() => {
    observer.disconnect();
    chart?.destroy();
  });
  return <div ref={box} class="trend-chart" dir="ltr" aria-hidden="true" data-testid="trend-chart" />;
}
