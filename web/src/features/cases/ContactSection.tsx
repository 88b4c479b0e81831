import { Show, Suspense } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { pt } from '../../i18n/person';
import { formatList, formatNumber } from '../../lib/format';
import { todayIso } from '../../lib/region';
import { languageName } from '../referrals/PersonDetailsFields';
import { getPerson } from './api';

type Person = NonNullable<Awaited<ReturnType<typeof getPerson>>>;

/** How to reach the person safely, first: channel, shared phone, safe times, who must not be told. */
function SafeContact(props: { safe: Person['safeContact'] }) {
  return (
    <Show
      when={props.safe}
      fallback={
        <p class="alert alert-info" data-testid="no-safe-contact">
          {pt('noSafe')}
        </p>
      }
    >
      {(s) => (
        <div class="alert alert-info" data-testid="safe-contact">
          <p>
            <strong>{pt('channel')}:</strong> {pt(`channels.${s().channel}`)}
          </p>
          <Show when={s().phoneShared}>
            <p>
              <strong>{pt('shared')}</strong>
            </p>
          </Show>
          <Show when={s().safeTimes}>
            <p>
              <strong>{pt('safeTimes')}:</strong> <bdi>{s().safeTimes}</bdi>
            </p>
          </Show>
          <Show when={s().doNotTell}>
            <p>
              <strong>{pt('doNotTell')}:</strong> <bdi>{s().doNotTell}</bdi>
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}

/** One fact of the list, left out when empty. */
function Fact(props: { label: string; value: string | null | undefined; testId?: string }) {
  return (
    <Show when={props.value}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>
        <bdi>{props.value}</bdi>
      </dd>
    </Show>
  );
}

/**
 * "Before you call": the safe way to reach the person above their contact details, then what tells
 * them apart (father's name, where they live, languages, an estimated age). Only for those who may
 * read the person (people.get); nothing otherwise.
 */
export function ContactSection(props: { personId: string }) {
  const person = createAsync(() => getPerson(props.personId));
  const age = (p: Person) => (p.birthYearEstimated && p.birthYear ? Number(todayIso().slice(0, 4)) - p.birthYear : null);
  return (
    <Suspense>
      <Show when={person()}>
        {(p) => (
          <section class="card" aria-labelledby="contact-title" data-testid="contact-section">
            <h2 id="contact-title">{pt('panelTitle')}</h2>
            <SafeContact safe={p().safeContact} />
            <dl class="facts">
              <Fact label={pt('contact')} value={p().contact} testId="person-contact" />
              <Fact label={pt('guardian')} value={[p().guardianName, p().guardianContact].filter(Boolean).join(' · ')} />
              <Fact label={pt('fatherName')} value={p().fatherName} />
              <Fact label={pt('place')} value={[p().locality, p().governorate].filter(Boolean).join(', ')} />
              <Fact label={pt('languages')} value={formatList(p().languages.map(languageName))} />
              <Show when={age(p())}>{(a) => <Fact label={pt('estimatedAge')} value={pt('bornAbout', { age: formatNumber(a()) })} />}</Show>
            </dl>
          </section>
        )}
      </Show>
    </Suspense>
  );
}
