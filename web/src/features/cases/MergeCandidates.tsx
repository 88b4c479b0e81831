import { For, Show, Suspense, createSignal } from 'solid-js';
import { createAsync, revalidate } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { debounced } from '../../lib/debounce';
import { errorMessage } from '../../lib/errors';
import { formatYear } from '../../lib/format';
import { submissionKey } from '../../lib/submission';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { PersonName } from '../../components/PersonName';
import { MERGE_KEYS, matchFor } from './merge-api';
import { createNotice } from '../../lib/notice';

interface PersonRecord {
  id: string;
  nameArabic: string | null;
  nameLatin: string | null;
  birthYear: number | null;
}

const born = (p: PersonRecord) => (p.birthYear ? t('merge.born', { year: formatYear(p.birthYear) }) : t('merge.unknownYear'));

function Described(props: { person: PersonRecord }) {
  return (
    <div>
      <PersonName person={props.person} class="strong" />
      <span class="muted block small">{born(props.person)}</span>
    </div>
  );
}

/** Asks before merging, showing both records side by side. */
function Confirm(props: { keep: PersonRecord; other: PersonRecord; onDone: (message: string) => void; onCancel: () => void }) {
  const once = submissionKey();
  const [error, setError] = createNotice<string>();
  const [pending, setPending] = createSignal(false);
  const merge = async () => {
    setPending(true);
    try {
      await once((keyed) => trpc.people.merge.mutate({ survivorId: props.keep.id, mergedId: props.other.id }, keyed));
      await revalidate(MERGE_KEYS);
      props.onDone(t('merge.merged'));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <section class="subsection" aria-labelledby="merge-confirm-title" data-testid="merge-confirm">
      <h3 class="h3" id="merge-confirm-title">
        {t('merge.confirmTitle')}
      </h3>
      <Alert kind="error" message={error()} />
      <p class="muted">{t('merge.confirmKeep')}</p>
      <Described person={props.keep} />
      <p class="muted">{t('merge.confirmMerged')}</p>
      <Described person={props.other} />
      <p>{t('merge.confirmWhat')}</p>
      <div class="form-actions">
        <button type="button" class="button primary" disabled={pending()} onClick={merge} data-testid="merge-confirm-button">
          {t('merge.confirm')}
        </button>
        <button type="button" class="button ghost" onClick={() => props.onCancel()}>
          {t('merge.cancel')}
        </button>
      </div>
    </section>
  );
}

/**
 * Other records like this person (by their name, or a name typed), each to merge into this one (after
 * a confirmation showing both) or to mark "not the same person", after which it is no longer offered.
 */
export function MergeCandidates(props: { person: PersonRecord; onDone: (message: string) => void }) {
  const own = props.person.nameLatin ?? props.person.nameArabic ?? '';
  const [search, setSearch] = createSignal(own);
  const name = debounced(() => search().trim(), 300);
  const [chosen, setChosen] = createSignal<PersonRecord | null>(null);
  const [error, setError] = createNotice<string>();
  const candidates = createAsync(async () => (name().length >= 2 ? matchFor(name(), props.person.id) : []));
  const visible = () => (candidates() ?? []).flatMap((c) => (c.restricted ? [] : [c.person]));
  const markOnce = submissionKey();
  const notSame = async (other: PersonRecord) => {
    try {
      await markOnce((keyed) => trpc.people.markDistinct.mutate({ personId: props.person.id, otherId: other.id }, keyed));
      await revalidate(MERGE_KEYS);
      props.onDone(t('merge.marked'));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Show
      when={chosen()}
      fallback={
        <div class="candidates" data-testid="merge-candidates">
          <Alert kind="error" message={error()} />
          <TextField
            label={t('merge.search')}
            name="merge-search"
            autocomplete="off"
            maxLength={160}
            value={search()}
            onInput={(e) => setSearch(e.currentTarget.value)}
            hint={t('merge.searchHint')}
            data-testid="merge-search"
          />
          <Suspense fallback={<p class="muted">{t('merge.searching')}</p>}>
            <Show when={candidates() && visible().length === 0}>
              <p class="muted">{t('merge.none')}</p>
            </Show>
            <ul class="candidate-list" aria-live="polite">
              <For each={visible()}>
                {(p) => (
                  <li class="candidate" data-testid="merge-candidate">
                    <Described person={p} />
                    <div class="form-actions">
                      <button type="button" class="button small" onClick={() => setChosen(p)} data-testid="merge-choose">
                        {t('merge.mergeInto')}
                      </button>
                      <button type="button" class="button small ghost" onClick={() => notSame(p)} data-testid="merge-not-same">
                        {t('merge.notSame')}
                      </button>
                    </div>
                  </li>
                )}
              </For>
            </ul>
            <Show when={(candidates() ?? []).some((c) => c.restricted)}>
              <p class="alert alert-info">{t('merge.restricted')}</p>
            </Show>
          </Suspense>
        </div>
      }
    >
      {(other) => (
        <Confirm keep={props.person} other={other()} onDone={(m) => (setChosen(null), props.onDone(m))} onCancel={() => setChosen(null)} />
      )}
    </Show>
  );
}
