import { For, Match, Show, Switch, createSignal, type JSX } from 'solid-js';
import { A } from '@solidjs/router';
import { tKey } from '../../i18n';
import { st } from '../../i18n/search';
import { trpc, type Outputs } from '../../lib/trpc';
import { formErrors } from '../../lib/errors';
import { formatDate, formatNumber, formatYear } from '../../lib/format';
import { field } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { PersonName } from '../../components/PersonName';
import { RequireRole } from '../../components/Shell';
import { CASE_WORKER_ROLES } from '../../../../src/shared/roles';
import { asciiDigits } from '../../../../src/shared/digits';
import { createNotice } from '../../lib/notice';

type Found = Outputs['search']['find'];
const FIELDS = ['query', 'birthYear'] as const;

function Group(props: { id: string; title: string; count: number; children: JSX.Element }) {
  return (
    <section class="card" aria-labelledby={props.id} data-testid={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <Show when={props.count > 0} fallback={<p class="muted">{st('none')}</p>}>
        <ul class="plain-list">{props.children}</ul>
      </Show>
    </section>
  );
}

function Results(props: { found: Found }) {
  const f = () => props.found;
  return (
    <>
      <p class="muted" aria-live="polite" data-testid="search-counts">
        {st('counts', {
          people: formatNumber(f().people.length),
          cases: formatNumber(f().cases.length),
          referrals: formatNumber(f().referrals.length),
        })}
      </p>
      <Group id="search-cases" title={st('cases')} count={f().cases.length}>
        <For each={f().cases}>
          {(c) => (
            <li data-testid="search-case">
              <A href={`/cases/${c.id}`} class="mono" dir="ltr">
                {c.reference}
              </A>{' '}
              · {tKey('stages', c.stage)} ·{' '}
              <Show when={'person' in c && c.person} fallback={<span class="muted">{st('hidden')}</span>}>
                {(p) => <PersonName person={p()} />}
              </Show>
            </li>
          )}
        </For>
      </Group>
      <Group id="search-people" title={st('people')} count={f().people.length}>
        <For each={f().people}>
          {(p) => (
            <Switch>
              <Match when={!p.restricted && p}>
                {(seen) => (
                  <li data-testid="search-person">
                    <PersonName person={seen().person} />
                    <Show when={seen().person.birthYear}>{(y) => <> · {st('born', { year: formatYear(y()) })}</>}</Show>
                    <Show when={seen().reason}>{(r) => <span class="muted"> · {st(`reasons.${r()}`)}</span>}</Show>
                  </li>
                )}
              </Match>
              <Match when={p.restricted}>
                <li class="muted" data-testid="search-restricted">
                  {st('restricted')}
                </li>
              </Match>
            </Switch>
          )}
        </For>
      </Group>
      <Group id="search-referrals" title={st('referrals')} count={f().referrals.length}>
        <For each={f().referrals}>
          {(r) => (
            <li data-testid="search-referral">
              <A href={`/referrals/${r.id}`}>
                <PersonName person={r.person} />
              </A>{' '}
              · {tKey('referralStatuses', r.status)} · {st('submitted', { date: formatDate(r.submittedAt) })}
              <Show when={r.caseReference}>
                {(ref) => (
                  <>
                    {' · '}
                    {st('caseOf', { reference: ref() })}
                  </>
                )}
              </Show>
            </li>
          )}
        </For>
      </Group>
    </>
  );
}

/**
 * One search box over people, cases and referrals. What is typed stays in the page: not in the
 * address (a shared device's history would keep it) nor in the browser's storage.
 */
function SearchBox() {
  const [found, setFound] = createSignal<Found | null>(null);
  const [error, setError] = createNotice<unknown>();
  const [pending, setPending] = createSignal(false);
  const errors = () => formErrors(error(), FIELDS);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const year = asciiDigits(field(data, 'birthYear'));
    setPending(true);
    setError(null);
    try {
      setFound(await trpc.search.find.query({ query: field(data, 'query'), birthYear: year ? Number(year) : undefined }));
    } catch (e) {
      setFound(null);
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <form class="form card" onSubmit={submit} novalidate data-testid="search-form">
        <Alert kind="error" message={errors().banner} />
        <TextField
          label={st('query')}
          hint={st('queryHint')}
          name="query"
          type="search"
          autocomplete="off"
          maxLength={160}
          error={errors().fields.query}
          data-testid="search-query"
        />
        <TextField
          label={st('birthYear')}
          name="birthYear"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={4}
          error={errors().fields.birthYear}
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={pending()} data-testid="search-submit">
            {pending() ? st('searching') : st('submit')}
          </button>
        </div>
      </form>
      <Show when={found()}>{(f) => <Results found={f()} />}</Show>
    </>
  );
}

export default function SearchPage() {
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{st('title')}</h1>
      <p class="lead">{st('intro')}</p>
      <RequireRole roles={CASE_WORKER_ROLES}>
        <SearchBox />
      </RequireRole>
    </section>
  );
}
