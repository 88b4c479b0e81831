import { Match, Suspense, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { createKeysetPages } from '../../lib/pages';
import { DataTable } from '../../components/DataTable';
import { LoadMore } from '../../components/LoadMore';
import { PersonName } from '../../components/PersonName';
import { RequireRole } from '../../components/Shell';
import { StatusBadge, UrgencyBadge } from './StatusBadge';
import { getMyReferrals, type MyReferral } from './api';
import { CASE_WORKER_ROLES } from '../../../../src/shared/roles';

/** What the coordinator decided, as far as the referrer is told: never the minuted reason. */
function Decision(props: { referral: MyReferral }) {
  const r = () => props.referral;
  return (
    <Switch fallback={t('common.none')}>
      <Match when={r().status === 'signposted' && r().signpostTo}>{(to) => t('mine.signpostedTo', { to: to() })}</Match>
      <Match when={r().status === 'closed' && r().closeReason}>{(reason) => tKey('closeReasons', reason())}</Match>
      <Match when={r().decidedAt}>{(at) => formatDateTime(at())}</Match>
    </Switch>
  );
}

function MyReferrals() {
  const { pages, items, nextCursor, pending, loadMore } = createKeysetPages((cursor) => getMyReferrals(cursor));
  return (
    <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
      <DataTable
        testId="my-referrals"
        label={t('mine.title')}
        headings={[t('mine.submitted'), t('mine.person'), t('mine.urgency'), t('mine.status'), t('mine.decision'), t('mine.caseReference')]}
        rows={items()}
        loaded={!!pages()}
        empty={t('mine.empty')}
        busy={pending()}
      >
        {(r) => (
          <tr data-testid="my-referral" data-status={r.status}>
            <td class="nowrap">
              <A href={`/referrals/${r.id}`}>{formatDateTime(r.submittedAt)}</A>
            </td>
            <td class="name">
              <PersonName person={r.person} />
            </td>
            <td>
              <UrgencyBadge urgency={r.urgency} />
            </td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>
              <Decision referral={r} />
            </td>
            <td class="mono" dir="ltr" data-testid="case-reference">
              {r.caseReference ?? t('common.none')}
            </td>
          </tr>
        )}
      </DataTable>
      <LoadMore next={nextCursor()} pending={pending()} any={items().length > 0} label={t('mine.loadMore')} onMore={loadMore} />
    </Suspense>
  );
}

/** "Shared by me": the referrals I logged, and what became of them. */
export default function MyReferralsPage() {
  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title">{t('mine.title')}</h1>
      <p class="lead">{t('mine.intro')}</p>
      <RequireRole roles={CASE_WORKER_ROLES}>
        <MyReferrals />
      </RequireRole>
    </section>
  );
}
