import { Suspense, lazy } from 'solid-js';
import { t } from '../../i18n';
import type { HubFigure } from '../../../../src/shared/hub';
import type { ShownTable } from '../statistics/api';
import { CountTable } from '../statistics/CountTable';
import { columnLabel, type HubShown } from './api';

// uPlot is loaded only when figures are drawn (the statistics page's chart, bars of each row's total).
const FigureChart = lazy(() => import('../statistics/FigureChart'));

/** One table of a figure (by country or by city): a chart of each row's total, then the numbers. */
function Part(props: {
  figure: HubFigure;
  table: ShownTable;
  label: string;
  rowHead: string;
  rowLabel: (key: string) => string;
  testId: string;
}) {
  const colLabel = (key: string) => columnLabel(props.figure, key);
  return (
    <div class="hub-part">
      <h3 class="h4">{props.label}</h3>
      <Suspense fallback={<div class="figure-chart" aria-hidden="true" />}>
        <FigureChart table={props.table} rowLabel={props.rowLabel} colLabel={colLabel} byMonth={false} />
      </Suspense>
      <CountTable
        table={props.table}
        label={props.label}
        testId={props.testId}
        rowLabel={props.rowLabel}
        colLabel={colLabel}
        rowHead={props.rowHead}
        totalLabel={t('hub.hubTotal')}
      />
    </div>
  );
}

/** One figure of the hub: by country, then by city; the totals of both are the hub's. */
export function HubFigureView(props: { figure: HubShown; cityLabel: (id: string) => string; countryLabel: (code: string) => string }) {
  const id = () => props.figure.id as HubFigure;
  const title = () => t(`hub.figures.${id()}`);
  return (
    <figure class="card statistics-figure" aria-labelledby={`hub-${id()}`} data-testid={`hub-figure-${id()}`}>
      <h2 id={`hub-${id()}`} class="h3">
        {title()}
      </h2>
      <Part
        figure={id()}
        table={props.figure.byCountry}
        label={`${title()} · ${t('hub.byCountry')}`}
        rowHead={t('hub.country')}
        rowLabel={props.countryLabel}
        testId={`hub-country-${id()}`}
      />
      <Part
        figure={id()}
        table={props.figure.byMunicipality}
        label={`${title()} · ${t('hub.byCity')}`}
        rowHead={t('hub.city')}
        rowLabel={props.cityLabel}
        testId={`hub-city-${id()}`}
      />
      <p class="muted small">{t('statistics.chartNote')}</p>
    </figure>
  );
}
