import { Show, Suspense } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { createKeysetPages } from '../../lib/pages';
import { DataTable } from '../../components/DataTable';
import { LoadMore } from '../../components/LoadMore';
import { PersonName } from '../../components/PersonName';
import { RequireRole, useMe } from '../../components/Shell';
import { CaseFilters } from './CaseFilters';
import { getCases, type CaseFilters as Filters, type CaseRow } from './api';
import { CASE_WORKER_ROLES } from '../../../../src/shared/roles';

type Params = { stage?: string; cohort?: string; keyWorkerId?: string; leadAgencyId?: string; reference?: string };

function Row(props: { row: CaseRow }) {
  const r = () => props.row;
  return (
    <tr data-testid="case-row">
      <td class="mono nowrap" dir="ltr">
        <A href={`/cases/${r().id}`}>{r().reference}</A>
      </td>
      <td>{tKey('stages', r().stage)}</td>
      <Show
        when={r().summaryVisible ? (r() as Extract<CaseRow, { summaryVisible: true }>) : null}
        fallback={
          <td colSpan={5} class="muted">
            {t('cases.hidden')}
          </td>
        }
      >
        {(c) => (
          <>
            <td class="name">
              <PersonName person={c().person} />
            </td>
            <td>{tKey('cohorts', c().cohort)}</td>
            <td>
              <bdi>{c().keyWorker?.displayName ?? t('common.none')}</bdi>
            </td>
            <td>{c().leadAgency?.name ?? t('common.none')}</td>
            <td class="nowrap">{formatDate(c().openedAt)}</td>
          </>
        )}
      </Show>
    </tr>
  );
}

function CaseList() {
  const me = useMe();
  const [params, setParams] = useSearchParams<Params>();
  const filters = (): Filters => ({
    stage: (params.stage || undefined) as Filters['stage'],
    cohort: (params.cohort || undefined) as Filters['cohort'],
    keyWorkerId: params.keyWorkerId || undefined,
    leadAgencyId: params.leadAgencyId || undefined,
    reference: params.reference || undefined,
  });
  const { pages, items, nextCursor, pending, loadMore, restart } = createKeysetPages((cursor) => getCases(filters(), cursor));
  const apply = (f: Filters) =>
    restart(() =>
      setParams({ stage: f.stage, cohort: f.cohort, keyWorkerId: f.keyWorkerId, leadAgencyId: f.leadAgencyId, reference: f.reference }),
    );
  return (
    <>
      <CaseFilters filters={filters()} team={me().role === 'coordinator'} onApply={apply} />
      <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
        <p class="muted" aria-live="polite">
          {t('cases.shown', { count: formatNumber(items().length) })}
        </p>
        <DataTable
          testId="cases-table"
          label={t((TITLES[me().role as keyof typeof TITLES] ?? TITLES.coordinator)[0])}
          headings={[
            t('case.reference'),
            t('cases.stage'),
            t('cases.person'),
            t('cases.cohort'),
            t('cases.keyWorker'),
            t('cases.agency'),
            t('cases.opened'),
          ]}
          rows={items()}
          loaded={!!pages()}
          empty={t('cases.empty')}
          busy={pending()}
        >
          {(row) => <Row row={row} />}
        </DataTable>
        <LoadMore
          next={nextCursor()}
          pending={pending()}
          any={items().length > 0}
          label={t('cases.loadMore')}
          end={t('cases.end')}
          onMore={loadMore}
        />
      </Suspense>
    </>
  );
}

const TITLES = {
  coordinator: ['cases.titleAll', 'cases.introAll'],
  social_worker: ['cases.titleMine', 'cases.introMine'],
  agency_practitioner: ['cases.titleShared', 'cases.introShared'],
} as const;

/** The cases the user may see: all (coordinator), their own (social worker), disclosed (practitioner). */
export default function CasesPage() {
  const me = useMe();
  const words = () => TITLES[me().role as keyof typeof TITLES] ?? TITLES.coordinator;
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t(words()[0])}</h1>
      <p class="lead">{t(words()[1])}</p>
      <RequireRole roles={CASE_WORKER_ROLES}>
        <CaseList />
      </RequireRole>
    </section>
  );
}
