import { Show, Suspense } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { createKeysetPages } from '../../lib/pages';
import { DataTable } from '../../components/DataTable';
import { LoadMore } from '../../components/LoadMore';
import { PersonName } from '../../components/PersonName';
import { RequireRole } from '../../components/Shell';
import { UrgencyBadge } from './StatusBadge';
import { getQueue, type QueueItem } from './api';
import { tn } from '../../i18n/plural';
import { chosenLabel, getListItems, type ListItem } from '../lists/api';

function QueueRow(props: { item: QueueItem; sla: number; items: ListItem[] | undefined }) {
  const r = () => props.item;
  return (
    <tr classList={{ overdue: r().overdue }} data-testid="queue-row" data-overdue={r().overdue ? 'true' : 'false'}>
      <td class="nowrap">{formatDateTime(r().submittedAt)}</td>
      <td class="nowrap">
        {tn('queue.ageValue', props.sla, { age: formatNumber(r().ageWorkingDays) })}
        <Show when={r().overdue}>
          <span class="badge overdue" data-testid="overdue">
            {t('queue.overdue')}
          </span>
        </Show>
      </td>
      <td>
        <UrgencyBadge urgency={r().urgency} />
      </td>
      <td class="name">
        <PersonName person={r().person} />
      </td>
      <td>
        <Suspense fallback={chosenLabel(undefined, 'cohort', r().cohortItemId, r().cohort)}>
          {chosenLabel(props.items, 'cohort', r().cohortItemId, r().cohort)}
        </Suspense>
      </td>
      <td>
        <bdi>{r().referrer.displayName}</bdi>
        <Show when={r().referrerAgency}>{(a) => <small class="block muted">{a().name}</small>}</Show>
      </td>
      <td class="actions">
        <A class="button small" href={`/referrals/${r().id}`} data-testid="open-referral">
          {t('queue.open')}
        </A>
      </td>
    </tr>
  );
}

function Queue() {
  const { pages, items, nextCursor, pending, loadMore } = createKeysetPages((cursor) => getQueue(cursor));
  const sla = () => pages.latest?.[0]?.slaDays ?? 0;
  // The municipality's words for the cohorts.
  const lists = createAsync(() => getListItems());
  return (
    <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
      <p class="muted" aria-live="polite">
        {t('queue.count', { count: formatNumber(items().length) + (nextCursor() ? '+' : '') })}
      </p>
      <DataTable
        testId="queue"
        label={t('queue.title')}
        headings={[
          t('queue.submitted'),
          t('queue.age'),
          t('queue.urgency'),
          t('queue.person'),
          t('queue.cohort'),
          t('queue.referrer'),
          { hidden: t('common.actions') },
        ]}
        rows={items()}
        loaded={!!pages()}
        empty={t('queue.empty')}
        busy={pending()}
      >
        {(item) => <QueueRow item={item} sla={sla()} items={lists()} />}
      </DataTable>
      <LoadMore next={nextCursor()} pending={pending()} any={items().length > 0} label={t('queue.loadMore')} onMore={loadMore} />
    </Suspense>
  );
}

/** Coordinator › Screening: referrals waiting for a decision, against the screening deadline. */
export default function QueuePage() {
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t('queue.title')}</h1>
      <p class="lead">{t('queue.intro')}</p>
      <RequireRole roles={['coordinator']}>
        <Queue />
      </RequireRole>
    </section>
  );
}
