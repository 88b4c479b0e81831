import { Show, Suspense, createMemo, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { createKeysetPages } from '../../lib/pages';
import { PagedTable } from '../../components/PagedTable';
import { RequireRole, useMe } from '../../components/Shell';
import { AuditFilters, type Actor } from './AuditFilters';
import { AuditRow } from './AuditRow';
import { VerifyPanel } from './VerifyPanel';
import { ExportButton } from './ExportButton';
import { FlagsSection } from './FlagsSection';
import { HistorySearch } from './HistorySearch';
import { FactorResets } from '../users/FactorResets';
import { getAuditPage, type AuditFilters as Filters } from './api';

function AuditLog() {
  const [filters, setFilters] = createSignal<Filters>({});
  const { pages, items: events, nextCursor, pending, loadMore, restart } = createKeysetPages((cursor) => getAuditPage(filters(), cursor));
  // Everyone seen in the log so far stays selectable, even while the list is filtered to one actor.
  const actors = createMemo<Map<string, Actor>>((seen) => {
    const next = new Map(seen);
    for (const e of events())
      if (e.actorId && !next.has(e.actorId))
        next.set(e.actorId, { id: e.actorId, name: e.actor?.displayName ?? e.actorId, role: e.actorRole });
    return next;
  }, new Map());

  const apply = (f: Filters) => restart(() => setFilters(f));

  return (
    <>
      <VerifyPanel />
      <AuditFilters actors={[...actors().values()]} onApply={apply} />
      <ExportButton filters={filters()} />
      <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
        <p class="muted" aria-live="polite">
          {t('audit.shown', { count: formatNumber(pages() ? events().length : 0) })}
        </p>
        <PagedTable
          testId="audit-table"
          label={t('audit.title')}
          class="audit"
          headings={[
            t('audit.time'),
            t('audit.actor'),
            t('audit.actionColumn'),
            t('audit.entity'),
            t('audit.outcome'),
            t('audit.ip'),
            t('audit.requestId'),
            t('audit.details'),
          ]}
          items={events()}
          row={(event) => <AuditRow event={event} />}
          empty={t('audit.empty')}
          next={nextCursor()}
          pending={pending()}
          more={t('audit.loadMore')}
          end={t('audit.end')}
          onMore={loadMore}
        />
      </Suspense>
    </>
  );
}

/**
 * Auditor › Audit log: the flags to review, the second-factor resets to confirm, filters, the events newest
 * first, and the integrity check; a hub's auditor reads the hub's own chain, and has no records' access history.
 */
export default function AuditPage() {
  const me = useMe();
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p class="lead">{t('audit.intro')}</p>
      <RequireRole roles={['auditor']}>
        <FlagsSection />
        <FactorResets />
        <Show when={me().municipality.kind === 'city'}>
          <HistorySearch />
        </Show>
        <AuditLog />
      </RequireRole>
    </section>
  );
}
