import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { t, tKey } from '../../i18n';
import { formatDate, formatList, formatNumber, formatTimestamp } from '../../lib/format';
import { errorMessage } from '../../lib/errors';
import { createKeysetPages } from '../../lib/pages';
import { Alert } from '../../components/Alert';
import { PagedTable } from '../../components/PagedTable';
import { ExportButton } from './ExportButton';
import { getHistoryPage, type HistoryAsk, type HistoryEntry } from './history';

const sectionName = (s: string) => tKey('sections', s, tKey('history.moreSections', s, t('history.moreSections.other')));

/** What the access was, in words: the action, then the sections it opened or how the record came up. */
function What(props: { entry: HistoryEntry }) {
  const e = () => props.entry;
  const how = () => {
    const entry = e();
    if (entry.via === 'shown') {
      return entry.through
        ? t('history.through', { kind: tKey('entityTypes', entry.through, t('history.otherRecord')) })
        : t('history.inList');
    }
    if (!entry.sections) return t('history.onRecord');
    return entry.sections.length
      ? t('history.sectionsSeen', { sections: formatList(entry.sections.map(sectionName)) })
      : t('history.noSections');
  };
  return (
    <>
      <span data-testid="history-action">{tKey('auditActions', e().action, t('history.otherRecord'))}</span>
      <small class="block muted">{how()}</small>
    </>
  );
}

function Row(props: { entry: HistoryEntry }) {
  const e = () => props.entry;
  const denied = () => e().outcome === 'denied';
  return (
    <tr classList={{ denied: denied() }} data-testid="history-row" data-action={e().action}>
      <td class="nowrap">
        <time datetime={e().at.toISOString()}>{formatTimestamp(e().at)}</time>
      </td>
      <td>
        <Show when={e().actor} fallback={<span class="muted">{t('history.system')}</span>}>
          {(a) => (
            <>
              <span data-testid="history-actor">{a().name}</span>
              <small class="block muted">
                {a().role ? tKey('roles', a().role!) : ''} · {a().agency ?? t('history.noAgency')}
              </small>
            </>
          )}
        </Show>
      </td>
      <td>
        <What entry={e()} />
      </td>
      <td>
        <span class="badge" classList={{ danger: denied(), ok: !denied() }}>
          {tKey('outcomes', e().outcome)}
        </span>
        <Show when={e().refusal}>
          {(code) => <small class="block muted">{tKey('history.refusals', code(), t('history.refusals.other'))}</small>}
        </Show>
      </td>
    </tr>
  );
}

/**
 * Every access to one case, person or referral, newest first (audit.*History). The auditor may also
 * export it as CSV: the log's export with the same record filter.
 */
export function AccessHistory(props: { ask: HistoryAsk; exportable?: boolean }) {
  const { pages, items, nextCursor, pending, loadMore } = createKeysetPages((cursor) => getHistoryPage(props.ask, cursor));
  const record = () => pages()?.[0]?.record;
  return (
    <ErrorBoundary fallback={(err) => <Alert kind="error" message={errorMessage(err)} testId="history-error" />}>
      <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
        <Show when={record()}>
          {(r) => (
            <h3 data-testid="history-of">{t('history.of', { kind: tKey('history.kinds', r().type), name: r().reference ?? r().id })}</h3>
          )}
        </Show>
        <Show when={record()?.anonymisedAt}>
          {(at) => (
            <p class="muted" data-testid="history-anonymised">
              {t('history.anonymised', { date: formatDate(at()) })}
            </p>
          )}
        </Show>
        <Show when={props.exportable && record()}>{(r) => <ExportButton filters={{ record: { type: r().type, id: r().id } }} />}</Show>
        <p class="muted" aria-live="polite">
          {t('history.shown', { count: formatNumber(items().length) })}
        </p>
        <PagedTable
          testId="history-table"
          label={t('history.title')}
          class="audit"
          headings={[t('history.when'), t('history.who'), t('history.what'), t('history.outcome')]}
          items={items() as HistoryEntry[]}
          row={(entry) => <Row entry={entry} />}
          empty={t('history.empty')}
          next={nextCursor()}
          pending={pending()}
          more={t('history.loadMore')}
          end={t('history.end')}
          onMore={loadMore}
        />
      </Suspense>
    </ErrorBoundary>
  );
}
