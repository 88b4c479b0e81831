import { Show, Suspense } from 'solid-js';
import { A } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { createKeysetPages } from '../../lib/pages';
import { LoadMore } from '../../components/LoadMore';
import { DataTable } from '../../components/DataTable';
import { getFlagsPage, type AuditFlag } from './api';

function FlagRow(props: { flag: AuditFlag }) {
  return (
    <tr data-testid="flag-row" data-kind={props.flag.kind} data-status={props.flag.status} data-change={props.flag.detail.change}>
      <td>{formatDateTime(props.flag.createdAt)}</td>
      <td>
        <Show when={props.flag.subjectUser} fallback={t('audit.nobody')}>
          {(who) => (
            <>
              {who().displayName}
              <small class="muted"> · {tKey('roles', who().role)}</small>
            </>
          )}
        </Show>
      </td>
      <td>
        <A href={`/audit/flags/${props.flag.id}`} data-testid="flag-open">
          {tKey('flags.kinds', props.flag.kind)}
        </A>
        <Show when={props.flag.detail.change}>{(change) => <small class="muted"> · {tKey('flags.changes', change())}</small>}</Show>
        <Show when={props.flag.detail.previousRole}>
          {(was) => <small class="muted"> ({t('flags.fromRole', { role: tKey('roles', was()) })})</small>}
        </Show>
      </td>
      <td>{props.flag.actor?.displayName ?? t('audit.nobody')}</td>
      <td>{tKey('flags.statuses', props.flag.status)}</td>
    </tr>
  );
}

/** Auditor › the flags to review: admins' changes to accounts that can read case content, newest first. */
export function FlagsSection() {
  const { pages, items: flags, nextCursor, pending, loadMore } = createKeysetPages((cursor) => getFlagsPage(cursor));
  return (
    <section class="card" aria-labelledby="flags-title" data-testid="flags">
      <h2 id="flags-title">{t('flags.title')}</h2>
      <p class="muted">{t('flags.intro')}</p>
      <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
        <DataTable
          testId="flags-table"
          label={t('flags.title')}
          headings={[t('flags.time'), t('flags.account'), t('flags.change'), t('flags.by'), t('flags.status')]}
          rows={flags()}
          loaded={pages() !== undefined}
          empty={t('flags.empty')}
          busy={pending()}
        >
          {(flag) => <FlagRow flag={flag} />}
        </DataTable>
        <LoadMore
          next={nextCursor()}
          pending={pending()}
          any={flags().length > 0}
          label={t('flags.more')}
          end={t('flags.end')}
          onMore={loadMore}
        />
      </Suspense>
    </section>
  );
}
