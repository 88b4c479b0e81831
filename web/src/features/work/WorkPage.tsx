import { For, Show, Suspense } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { writeThenRefresh } from '../../lib/mutation';
import { Alert } from '../../components/Alert';
import { RequireRole } from '../../components/Shell';
import { formatDay, getMyWork, type WorkItem } from './api';
import { CASE_WORKER_ROLES } from '../../../../src/shared/roles';
import { DraftsSection } from '../drafts/DraftsSection';
import './work.css';
import { createNotice } from '../../lib/notice';

/** One thing to do: what, about which case or referral, by when; dismiss a reminder or finish a task. */
function Item(props: { item: WorkItem; onError: (err: unknown) => void; onDone: () => void }) {
  const i = () => props.item;
  const refresh = (work: () => Promise<unknown>) => writeThenRefresh(work, getMyWork.key, props.onError).then((ok) => ok && props.onDone());
  return (
    <li class="work-item" classList={{ overdue: i().overdue }} data-testid="work-item" data-kind={i().kind}>
      <div class="work-what">
        <strong>{tKey('work.kinds', i().kind)}</strong>
        <Show when={i().task}>{(task) => <bdi class="work-task">{task().title}</bdi>}</Show>
      </div>
      <p class="work-when muted small">
        {i().dueAt
          ? i().overdue
            ? t('work.overdueSince', { date: formatDay(i().dueAt!) })
            : t('work.dueOn', { date: formatDay(i().dueAt!) })
          : t('work.noDate')}
      </p>
      <div class="row-actions">
        <Show when={i().case}>
          {(c) => (
            <A class="button small" href={`/cases/${c().id}`}>
              <span dir="ltr">{t('work.openCase', { reference: c().reference })}</span>
            </A>
          )}
        </Show>
        <Show when={i().onward && !i().case}>
          <A class="button small" href="/onward">
            {t('work.openOnward')}
          </A>
        </Show>
        <Show when={i().referral}>
          {(r) => (
            <A class="button small" href={`/referrals/${r().id}`}>
              {t('work.openReferral')}
            </A>
          )}
        </Show>
        <Show when={i().task}>
          {(task) => (
            <button
              type="button"
              class="button small primary"
              onClick={() => refresh(() => trpc.work.completeTask.mutate({ id: task().id }))}
            >
              {t('work.complete')}
            </button>
          )}
        </Show>
        <Show when={i().reminderId && !i().task}>
          <button type="button" class="button small ghost" onClick={() => refresh(() => trpc.work.dismiss.mutate({ id: i().reminderId! }))}>
            {t('work.dismiss')}
          </button>
        </Show>
      </div>
    </li>
  );
}

function WorkLists() {
  const work = createAsync(() => getMyWork());
  const [error, setError] = createNotice<unknown>();
  const [done, setDone] = createNotice<boolean>();
  const list = (items: WorkItem[] | undefined, empty: string, testId: string) => (
    <ul class="work-list" data-testid={testId}>
      <For each={items} fallback={<li class="muted">{empty}</li>}>
        {(item) => <Item item={item} onError={setError} onDone={() => setDone(true)} />}
      </For>
    </ul>
  );
  return (
    <Suspense>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Alert kind="success" message={done() ? t('work.done') : null} />
      <section class="card" aria-labelledby="work-now">
        <h2 id="work-now">{t('work.nowTitle')}</h2>
        {list(work()?.now, t('work.empty'), 'work-now')}
      </section>
      <section class="card" aria-labelledby="work-upcoming">
        <h2 id="work-upcoming">{t('work.upcomingTitle')}</h2>
        {list(work()?.upcoming, t('work.emptyUpcoming'), 'work-upcoming')}
      </section>
    </Suspense>
  );
}

/** My work: what is due or overdue for me, newest first, then what is coming. */
export default function WorkPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('work.title')}</h1>
      <p class="lead">{t('work.intro')}</p>
      <RequireRole roles={CASE_WORKER_ROLES}>
        <WorkLists />
        <DraftsSection />
      </RequireRole>
    </section>
  );
}
