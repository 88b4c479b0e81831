import { For, Show, Suspense } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { WORK_LINKS, useMe } from '../../components/Shell';
import { getMyReferrals, getQueue } from '../referrals/api';
import { getCases } from '../cases/api';

/** How many rows a dashboard count reads at most; beyond that it says "100+". */
const COUNT_LIMIT = 100;

type Count = { label: string; value: () => { count: number; more: boolean } | undefined; href: string; warn?: boolean; testId: string };

function Tile(props: Count) {
  const shown = () => {
    const v = props.value();
    return v ? (v.more ? t('dashboard.atLeast', { count: formatNumber(v.count) }) : formatNumber(v.count)) : '…';
  };
  return (
    <A class="tile" classList={{ warn: props.warn && (props.value()?.count ?? 0) > 0 }} href={props.href} data-testid={props.testId}>
      <span class="tile-value">{shown()}</span>
      <span class="tile-label">{props.label}</span>
    </A>
  );
}

function CoordinatorTiles() {
  const queue = createAsync(() => getQueue(undefined, COUNT_LIMIT));
  const waiting = () => queue() && { count: queue()!.items.length, more: !!queue()!.nextCursor };
  const overdue = () => queue() && { count: queue()!.items.filter((r) => r.overdue).length, more: !!queue()!.nextCursor };
  return (
    <>
      <Tile label={t('dashboard.waiting')} value={waiting} href="/referrals/queue" testId="tile-waiting" />
      <Tile label={t('dashboard.overdue')} value={overdue} href="/referrals/queue" warn testId="tile-overdue" />
    </>
  );
}

function CaseworkTiles(props: { casesLabel: string }) {
  const cases = createAsync(() => getCases({}, undefined, COUNT_LIMIT));
  const mine = createAsync(() => getMyReferrals(undefined, COUNT_LIMIT));
  const caseCount = () => cases() && { count: cases()!.items.length, more: !!cases()!.nextCursor };
  const pending = () => mine() && { count: mine()!.items.filter((r) => r.status === 'submitted').length, more: !!mine()!.nextCursor };
  return (
    <>
      <Tile label={props.casesLabel} value={caseCount} href="/cases" testId="tile-cases" />
      <Tile label={t('dashboard.pending')} value={pending} href="/referrals/mine" testId="tile-pending" />
    </>
  );
}

/** The tiles as they will stand, saying "…" until the counts come: nothing below them moves when they do. */
function WaitingTiles(props: { coordinator: boolean; casesLabel: string }) {
  const none = () => undefined;
  return (
    <div class="tiles" aria-busy="true">
      <Show
        when={props.coordinator}
        fallback={
          <>
            <Tile label={props.casesLabel} value={none} href="/cases" testId="tile-cases-loading" />
            <Tile label={t('dashboard.pending')} value={none} href="/referrals/mine" testId="tile-pending-loading" />
          </>
        }
      >
        <Tile label={t('dashboard.waiting')} value={none} href="/referrals/queue" testId="tile-waiting-loading" />
        <Tile label={t('dashboard.overdue')} value={none} href="/referrals/queue" testId="tile-overdue-loading" />
      </Show>
    </div>
  );
}

/** The home page of the people who work cases: what waits for them, and where to go. */
export default function Dashboard() {
  const me = useMe();
  const role = () => me().role;
  const casesLabel = () => (role() === 'social_worker' ? t('dashboard.myCases') : t('dashboard.shared'));
  return (
    <>
      <p class="lead">
        {role() === 'coordinator'
          ? t('dashboard.coordinator')
          : role() === 'social_worker'
            ? t('dashboard.socialWorker')
            : t('dashboard.practitioner')}
      </p>
      <Suspense fallback={<WaitingTiles coordinator={role() === 'coordinator'} casesLabel={casesLabel()} />}>
        <div class="tiles" data-testid="dashboard">
          <Show when={role() === 'coordinator'} fallback={<CaseworkTiles casesLabel={casesLabel()} />}>
            <CoordinatorTiles />
          </Show>
        </div>
      </Suspense>
      <p class="links">
        <For each={WORK_LINKS[role()]}>
          {([href, label], i) => (
            <A class="button" classList={{ primary: i() === 0 }} href={href}>
              {t(label)}
            </A>
          )}
        </For>
      </p>
    </>
  );
}
