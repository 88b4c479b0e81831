import { For, Match, Show, Suspense, Switch, createEffect, createSignal, on } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { debounced } from '../../lib/debounce';
import { formatYear } from '../../lib/format';
import { PersonName } from '../../components/PersonName';
import { OptionsField, TextField } from '../../components/Field';
import { PersonDetailsFields } from './PersonDetailsFields';
import { SEXES, STRONG_MATCH, matchPeople, type Candidate } from './api';

export type Person = Extract<Candidate, { restricted: false }>['person'];

const ARABIC = /[\u0600-\u06FF]/;
const SEARCH_DELAY_MS = 300;
const thisYear = new Date().getFullYear();

/** The year typed in a field, when it is one a person could be born in. */
export function yearOf(value: string): number | undefined {
  const year = Number(value);
  return Number.isInteger(year) && year >= 1900 && year <= thisYear ? year : undefined;
}

interface Props {
  chosen: Person | null;
  onChoose: (person: Person | null) => void;
  birthYear: string;
  onBirthYear: (value: string) => void;
  /** Translated field errors, by the server's field names. */
  errors: Record<string, string | undefined>;
}

/** The candidates for the typed name: a person decides whether one of them is the same person. */
function Candidates(props: { name: string; year: number | undefined; onChoose: (p: Person) => void }) {
  const candidates = createAsync(() => matchPeople(props.name, props.year));
  const restricted = () => (candidates() ?? []).filter((c) => c.restricted).length;
  const visible = () => (candidates() ?? []).flatMap((c) => (c.restricted ? [] : [c]));
  return (
    <div class="candidates" aria-live="polite" data-testid="candidates">
      <Show when={candidates()?.length === 0}>
        <p class="muted">{t('referral.noCandidates')}</p>
      </Show>
      <Show when={visible().length > 0}>
        <h3 class="h3">{t('referral.candidatesTitle')}</h3>
        <ul class="candidate-list">
          <For each={visible()}>
            {(c) => (
              <li class="candidate" data-testid="candidate">
                <div>
                  <PersonName person={c.person} class="strong" />
                  <span class="muted block small">
                    <Show when={c.person.birthYear}>{(y) => `${t('referral.born', { year: formatYear(y()) })} · `}</Show>
                    {tKey('cohorts', c.person.cohort)}
                  </span>
                  <span class="muted block small" data-testid="match-reason">
                    {tKey('matchReasons', c.reason)}
                  </span>
                </div>
                <span class="badge" classList={{ ok: c.score >= STRONG_MATCH, info: c.score < STRONG_MATCH }}>
                  {c.score >= STRONG_MATCH ? t('referral.strong') : t('referral.possible')}
                </span>
                <button type="button" class="button small" onClick={() => props.onChoose(c.person)} data-testid="choose-candidate">
                  {t('referral.thisIsThePerson')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={restricted() > 0}>
        <p class="alert alert-info" data-testid="restricted-match">
          {t('referral.restricted')}
        </p>
      </Show>
    </div>
  );
}

/**
 * Who the referral is about: a name (either script) and year of birth, people already known that
 * match as one types, and either one of them or a new person's details.
 */
export function PersonSection(props: Props) {
  const [search, setSearch] = createSignal('');
  const [nameArabic, setNameArabic] = createSignal('');
  const [nameLatin, setNameLatin] = createSignal('');
  const query = debounced(() => ({ name: search().trim(), year: yearOf(props.birthYear) }), SEARCH_DELAY_MS);
  // The name typed in the search box fills the new person's name of the same script.
  createEffect(on(search, (name) => (ARABIC.test(name) ? setNameArabic(name.trim()) : setNameLatin(name.trim())), { defer: true }));

  return (
    <section class="card form" aria-labelledby="person-title">
      <h2 id="person-title">{t('referral.personTitle')}</h2>
      <Switch>
        <Match when={props.chosen}>
          {(person) => (
            <div class="chosen" data-testid="chosen-person">
              <p class="alert alert-success">
                {t('referral.chosen')} <PersonName person={person()} class="strong" />
              </p>
              <input type="hidden" name="personId" value={person().id} />
              <button type="button" class="button small ghost" onClick={() => props.onChoose(null)}>
                {t('referral.change')}
              </button>
            </div>
          )}
        </Match>
        <Match when={!props.chosen}>
          <div class="form-row top">
            <TextField
              label={t('referral.searchName')}
              name="search"
              autocomplete="off"
              maxLength={160}
              value={search()}
              onInput={(e) => setSearch(e.currentTarget.value)}
              hint={t('referral.searchHint')}
              error={props.errors.personId}
              data-testid="person-search"
            />
            <TextField
              label={t('referral.birthYear')}
              name="birthYear"
              type="number"
              inputmode="numeric"
              min={1900}
              max={thisYear}
              value={props.birthYear}
              onInput={(e) => props.onBirthYear(e.currentTarget.value)}
              error={props.errors['newPerson.birthYear']}
            />
          </div>
          <Show when={query().name.length >= 2}>
            <Suspense fallback={<p class="muted">{t('referral.searching')}</p>}>
              <Candidates name={query().name} year={query().year} onChoose={props.onChoose} />
            </Suspense>
          </Show>
          <fieldset class="subsection">
            <legend>{t('referral.newPersonTitle')}</legend>
            <p class="hint">{t('referral.nameHint')}</p>
            <div class="form-grid">
              <TextField
                label={t('referral.nameArabic')}
                name="newPerson.nameArabic"
                lang="ar"
                dir="rtl"
                maxLength={160}
                value={nameArabic()}
                onInput={(e) => setNameArabic(e.currentTarget.value)}
                error={props.errors['newPerson.nameArabic']}
              />
              <TextField
                label={t('referral.nameLatin')}
                name="newPerson.nameLatin"
                dir="ltr"
                maxLength={160}
                value={nameLatin()}
                onInput={(e) => setNameLatin(e.currentTarget.value)}
                error={props.errors['newPerson.nameLatin']}
              />
              <OptionsField
                label={t('referral.sex')}
                name="newPerson.sex"
                options={SEXES}
                labelOf={(s) => tKey('sexes', s)}
                selected="unknown"
                error={props.errors['newPerson.sex']}
              />
              <TextField
                label={t('referral.guardianName')}
                name="newPerson.guardianName"
                maxLength={160}
                hint={t('referral.guardianHint')}
                error={props.errors['newPerson.guardianName']}
              />
            </div>
            <PersonDetailsFields errors={props.errors} />
          </fieldset>
        </Match>
      </Switch>
    </section>
  );
}
