import { For, Show, Suspense, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { debounced } from '../../lib/debounce';
import { useForm } from '../../lib/form';
import { formatYear } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { OptionsField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { PersonName } from '../../components/PersonName';
import { matchPeople } from '../referrals/api';
import type { Person } from '../referrals/PersonSection';
import { RELATIONSHIPS, getPerson, type Relationship } from './api';

const FIELDS = ['memberId', 'relationship'] as const;
const SEARCH_DELAY_MS = 300;

/** People matching the typed name whom the user may pick: readable ones, never the case's own person. */
function Candidates(props: { name: string; exclude: string; onChoose: (p: Person) => void }) {
  const candidates = createAsync(() => matchPeople(props.name, undefined));
  const visible = () => (candidates() ?? []).flatMap((c) => (c.restricted || c.person.id === props.exclude ? [] : [c.person]));
  const restricted = () => (candidates() ?? []).some((c) => c.restricted);
  return (
    <div class="candidates" aria-live="polite" data-testid="household-candidates">
      <Show when={candidates() && visible().length === 0}>
        <p class="muted">{t('household.noCandidates')}</p>
      </Show>
      <ul class="candidate-list">
        <For each={visible()}>
          {(p) => (
            <li class="candidate" data-testid="household-candidate">
              <div>
                <PersonName person={p} class="strong" />
                <Show when={p.birthYear}>
                  {(y) => <span class="muted block small">{t('household.born', { year: formatYear(y()) })}</span>}
                </Show>
              </div>
              <button type="button" class="button small" onClick={() => props.onChoose(p)} data-testid="choose-member">
                {t('household.choose')}
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={restricted()}>
        <p class="alert alert-info">{t('household.restricted')}</p>
      </Show>
    </div>
  );
}

/** Coordinator: finds a known person by name and links them into the household with a relationship. */
export function LinkMemberForm(props: { personId: string; onDone: () => void; onCancel: () => void }) {
  const [search, setSearch] = createSignal('');
  const [chosen, setChosen] = createSignal<Person | null>(null);
  const name = debounced(() => search().trim(), SEARCH_DELAY_MS);
  const form = useForm({
    name: `link-household-${props.personId}`,
    fields: FIELDS,
    refresh: getPerson.key,
    submit: (data) =>
      trpc.people.linkHousehold.mutate({
        personId: props.personId,
        memberId: String(data.get('memberId') ?? ''),
        relationship: String(data.get('relationship') ?? '') as Relationship,
      }),
    onDone: () => props.onDone(),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="household-form">
      <h3 class="h3">{t('household.link')}</h3>
      <Alert kind="error" message={form.errors().banner} />
      <input type="hidden" name="memberId" value={chosen()?.id ?? ''} />
      <Show
        when={chosen()}
        fallback={
          <>
            <TextField
              label={t('household.search')}
              name="search"
              autocomplete="off"
              maxLength={160}
              value={search()}
              onInput={(e) => setSearch(e.currentTarget.value)}
              hint={t('household.searchHint')}
              error={form.errors().fields.memberId}
              data-testid="member-search"
            />
            <Show when={name().length >= 2}>
              <Suspense fallback={<p class="muted">{t('household.searching')}</p>}>
                <Candidates name={name()} exclude={props.personId} onChoose={setChosen} />
              </Suspense>
            </Show>
          </>
        }
      >
        {(p) => (
          <div class="chosen" data-testid="chosen-member">
            <p class="alert alert-success">
              {t('household.chosen')} <PersonName person={p()} class="strong" />
            </p>
            <button type="button" class="button small ghost" onClick={() => setChosen(null)}>
              {t('household.change')}
            </button>
          </div>
        )}
      </Show>
      <Show when={chosen() && form.errors().fields.memberId}>{(e) => <p class="alert alert-error">{e()}</p>}</Show>
      <OptionsField
        label={t('household.relationship')}
        name="relationship"
        required
        options={RELATIONSHIPS}
        labelOf={(r) => tKey('relationships', r)}
        placeholder={t('common.choose')}
        error={form.errors().fields.relationship}
      />
      <FormActions form={form} label={t('household.submit')} onCancel={() => props.onCancel()} />
    </form>
  );
}
