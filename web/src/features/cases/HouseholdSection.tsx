import { For, Show, Suspense, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatNumber, formatYear } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { PersonName } from '../../components/PersonName';
import { LinkMemberForm } from './LinkMemberForm';
import { getPerson, type Household } from './api';
import { createNotice } from '../../lib/notice';

function Members(props: { household: Household }) {
  const hidden = () => props.household.hidden;
  return (
    <>
      <ul class="candidate-list" data-testid="household-members">
        <For each={props.household.members} fallback={<li class="muted">{t('household.empty')}</li>}>
          {(m) => (
            <li class="candidate" data-testid="household-member">
              <div>
                <PersonName person={m} class="strong" />
                <Show when={m.birthYear}>
                  {(y) => <span class="muted block small">{t('household.born', { year: formatYear(y()) })}</span>}
                </Show>
              </div>
              <span class="badge info">{tKey('relationships', m.relationship)}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={hidden() > 0}>
        <p class="muted" data-testid="household-hidden">
          {hidden() === 1 ? t('household.hiddenOne') : t('household.hidden', { count: formatNumber(hidden()) })}
        </p>
      </Show>
    </>
  );
}

/**
 * The household of the case's person: the members the user may read, how many others there are,
 * and (coordinator) linking one more. Nothing at all when the user may not read the person.
 */
export function HouseholdSection(props: { personId: string; manage: boolean }) {
  const person = createAsync(() => getPerson(props.personId));
  const [linking, setLinking] = createSignal(false);
  const [linked, setLinked] = createNotice<boolean>();
  // Its own boundary: the rest of the case page does not wait for the household.
  return (
    <Suspense>
      <Show when={person()}>
        {(p) => (
          <section class="card" aria-labelledby="household-title" data-testid="household-section">
            <h2 id="household-title">{t('household.title')}</h2>
            <p class="muted">{t('household.intro')}</p>
            <Alert kind="success" message={linked() ? t('household.linked') : null} />
            <Members household={p().household} />
            <Show when={props.manage}>
              <Show
                when={linking()}
                fallback={
                  <button type="button" class="button" onClick={() => (setLinking(true), setLinked(false))} data-testid="link-member">
                    {t('household.link')}
                  </button>
                }
              >
                <LinkMemberForm
                  personId={props.personId}
                  onDone={() => (setLinking(false), setLinked(true))}
                  onCancel={() => setLinking(false)}
                />
              </Show>
            </Show>
          </section>
        )}
      </Show>
    </Suspense>
  );
}
