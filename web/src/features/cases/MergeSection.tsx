import { For, Show, Suspense } from 'solid-js';
import { createAsync, revalidate } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { PersonName } from '../../components/PersonName';
import { MergeCandidates } from './MergeCandidates';
import { getPerson } from './api';
import { MERGE_KEYS, getMerges, type Merges } from './merge-api';
import { tn } from '../../i18n/plural';
import { createNotice } from '../../lib/notice';

/** The merges into this record (undo within 30 days) and the records marked apart (take the mark back). */
function History(props: { personId: string; merges: Merges; onDone: (m: string) => void; onError: (m: string) => void }) {
  // A failure is shown, not thrown; a success reads the person, its merges and the candidates again.
  const act = async (work: () => Promise<unknown>, message: string) => {
    try {
      await work();
      await revalidate(MERGE_KEYS);
      props.onDone(message);
    } catch (err) {
      props.onError(errorMessage(err));
    }
  };
  const undo = (mergeId: string) => act(() => trpc.people.unmerge.mutate({ personId: props.personId, mergeId }), t('merge.undone'));
  const unmark = (otherId: string) =>
    act(() => trpc.people.unmarkDistinct.mutate({ personId: props.personId, otherId }), t('merge.unmarked'));
  return (
    <>
      <h3 class="h3">{t('merge.history')}</h3>
      <ul class="candidate-list" data-testid="merge-history">
        <For each={props.merges.merges} fallback={<li class="muted">{t('merge.noHistory')}</li>}>
          {(m) => (
            <li class="candidate" data-testid="merge-entry">
              <div>
                <PersonName person={m.merged} class="strong" />
                <span class="muted block small">
                  {t('merge.mergedOn', {
                    date: formatDate(m.mergedAt),
                    referrals: tn('merge.mergedReferrals', m.referrals),
                    cases: tn('merge.mergedCases', m.cases),
                  })}
                </span>
                <span class="muted block small">
                  {m.undoneAt
                    ? t('merge.undoneOn', { date: formatDate(m.undoneAt) })
                    : t('merge.undoUntil', { date: formatDate(m.undoUntil) })}
                </span>
              </div>
              <Show when={m.undoable}>
                <button type="button" class="button small" onClick={() => undo(m.id)} data-testid="merge-undo">
                  {t('merge.undo')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <h3 class="h3">{t('merge.distinct')}</h3>
      <ul class="candidate-list" data-testid="merge-distinct">
        <For each={props.merges.distinct} fallback={<li class="muted">{t('merge.noDistinct')}</li>}>
          {(d) => (
            <li class="candidate">
              <PersonName person={d.other} class="strong" />
              <button type="button" class="button small ghost" onClick={() => unmark(d.other.id)} data-testid="merge-unmark">
                {t('merge.unmark')}
              </button>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

/** Coordinator: other records of the case's person, to merge into it or mark apart, and what was merged. */
export function MergeSection(props: { personId: string }) {
  const person = createAsync(() => getPerson(props.personId));
  const merges = createAsync(() => getMerges(props.personId));
  const [done, setDone] = createNotice<string>();
  const [error, setError] = createNotice<string>();
  const onDone = (m: string) => (setError(null), setDone(m));
  return (
    <Suspense>
      <Show when={person()}>
        {(p) => (
          <section class="card" aria-labelledby="merge-title" data-testid="merge-section">
            <h2 id="merge-title">{t('merge.title')}</h2>
            <p class="muted">{t('merge.intro')}</p>
            <Alert kind="success" message={done()} />
            <Alert kind="error" message={error()} />
            <MergeCandidates person={p()} onDone={onDone} />
            <Show when={merges()}>{(m) => <History personId={props.personId} merges={m()} onDone={onDone} onError={setError} />}</Show>
          </section>
        )}
      </Show>
    </Suspense>
  );
}
