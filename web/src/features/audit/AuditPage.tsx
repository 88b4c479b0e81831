import { For, Show, Suspense, createMemo, createSignal, useTransition } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { RequireRole } from '../../components/Shell';
import { AuditFilters, type Actor } from './AuditFilters';
import { AuditRow } from './AuditRow';
import { VerifyPanel } from './VerifyPanel';
import { getAuditPage, type AuditFilters as Filters } from './api';

function AuditLog() {
  const [filters, setFilters] = createSignal<Filters>({});
  // Keyset pagination: the cursors of the pages loaded so far; the first page has none.
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [pending, start] = useTransition();
  const pages = createAsync(() => Promise.all(cursors().map((c) => getAuditPage(filters(), c))));
  const events = () => (pages.latest ?? []).flatMap((p) => p.items);
  const nextCursor = () => pages.latest?.at(-1)?.nextCursor ?? null;
  // Everyone seen in the log so far stays selectable, even while the list is filtered to one actor.
  const actors = createMemo<Map<string, Actor>>((seen) => {
    const next = new Map(seen);
    for (const e of events()) if (e.actorId && !next.has(e.actorId)) next.set(e.actorId, { id: e.actorId, name: e.actor?.displayName ?? e.actorId, role: e.actorRole });
    return next;
  }, new Map());

  const apply = (f: Filters) =>
    start(() => {
      setFilters(f);
      setCursors([undefined]);
    });
  const loadMore = (cursor: string) => start(() => setCursors([...cursors(), cursor]));

  return (
    <>
      <VerifyPanel />
      <AuditFilters actors={[...actors().values()]} onApply={apply} />
      <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
        <p class="muted" aria-live="polite">
          {t('audit.shown', { count: formatNumber(pages() ? events().length : 0) })}
        </p>
        <div class="table-wrap" aria-busy={pending()}>
          <table data-testid="audit-table" class="audit">
            <thead>
              <tr>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.actionColumn')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.outcome')}</th>
                <th scope="col">{t('audit.ip')}</th>
                <th scope="col">{t('audit.requestId')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={events()} fallback={<tr><td colSpan={8} class="muted">{t('audit.empty')}</td></tr>}>
                {(event) => <AuditRow event={event} />}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={nextCursor()} fallback={<Show when={events().length > 0}><p class="muted">{t('audit.end')}</p></Show>}>
          {(cursor) => (
            <button type="button" class="button" disabled={pending()} onClick={() => loadMore(cursor())} data-testid="load-more">
              {pending() ? t('app.loading') : t('audit.loadMore')}
            </button>
          )}
        </Show>
      </Suspense>
    </>
  );
}

/** Auditor › Audit log: filters, the events newest first, and the integrity check. */
export default function AuditPage() {
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p class="lead">{t('audit.intro')}</p>
      <RequireRole roles={['auditor']}>
        <AuditLog />
      </RequireRole>
    </section>
  );
}
