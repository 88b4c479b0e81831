import { For, Show, Suspense, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, optional, useForm } from '../../lib/form';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatList } from '../../lib/format';
import { writeThenRefresh } from '../../lib/mutation';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { OptionsField, TextAreaField } from '../../components/Field';
import { PersonName } from '../../components/PersonName';
import { RequireRole } from '../../components/Shell';
import { ONWARD_OUTCOMES, getInbox, type Received } from './api';
import { onwardMessage } from './OnwardForm';
import { chosenLabel, getListItems } from '../lists/api';
import './onward.css';
import { createNotice } from '../../lib/notice';

/** What the sender chose to share about the person; "not shared" for the rest. */
function Person(props: { person: Received['person'] }) {
  const p = () => props.person;
  const named = () => p().nameArabic || p().nameLatin;
  const facts = () =>
    [p().birthYear ? t('onward.inbox.born', { year: String(p().birthYear) }) : '', p().cohort ? tKey('cohorts', p().cohort!) : ''].filter(
      Boolean,
    );
  return (
    <p class="small">
      <strong>{t('onward.inbox.person')}: </strong>
      <Show when={named()} fallback={<span class="muted">{t('onward.inbox.notShared')}</span>}>
        <PersonName person={p()} />
      </Show>
      <Show when={facts().length > 0}>
        <span class="muted"> · {formatList(facts())}</span>
      </Show>
    </p>
  );
}

/** What accepting opens to the agency, as the sender proposed it. */
function Offers(props: { offers: Received['offers'] }) {
  const o = () => props.offers;
  // The intervention type in the city's own words (the item the sender chose; older ones: the core code's).
  const items = createAsync(() => getListItems());
  const parts = () => [
    ...(o().sections.length
      ? [
          t('onward.inbox.offersSections', {
            sections: formatList(o().sections.map((s) => tKey('sections', s))),
            days: String(o().days ?? ''),
          }),
        ]
      : []),
    ...(o().intervention
      ? [
          t('onward.inbox.offersIntervention', {
            type: chosenLabel(items(), 'intervention_type', o().interventionItemId, o().intervention!),
          }),
        ]
      : []),
  ];
  return (
    <p class="small">
      {t('onward.inbox.offers')} {parts().length ? formatList(parts()) : t('onward.inbox.offersNothing')}
    </p>
  );
}

/** Declines with the reason the sender will read. */
function DeclineForm(props: { id: string; onDone: () => void }) {
  const form = useForm({
    name: `onward-decline-${props.id}`,
    fields: ['reason'],
    message: onwardMessage,
    refresh: getInbox.key,
    submit: (data) => trpc.onward.decline.mutate({ id: props.id, reason: field(data, 'reason') }),
    onDone: () => props.onDone(),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="onward-decline-form">
      <Alert kind="error" message={form.errors().banner} />
      <TextAreaField
        label={t('onward.inbox.declineReason')}
        name="reason"
        required
        minLength={10}
        maxLength={2000}
        rows={3}
        error={form.errors().fields.reason}
      />
      <FormActions
        form={form}
        label={t('onward.inbox.confirmDecline')}
        look="danger"
        testId="onward-decline-submit"
        onCancel={props.onDone}
      />
    </form>
  );
}

/** Records how an accepted referral ended. */
function OutcomeForm(props: { id: string }) {
  const form = useForm({
    name: `onward-outcome-${props.id}`,
    fields: ['outcome', 'note'],
    message: onwardMessage,
    refresh: getInbox.key,
    submit: (data) =>
      trpc.onward.recordOutcome.mutate({
        id: props.id,
        outcome: field(data, 'outcome') as (typeof ONWARD_OUTCOMES)[number],
        note: optional(data, 'note'),
      }),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="onward-outcome-form">
      <Alert kind="error" message={form.errors().banner} />
      <OptionsField
        label={t('onward.inbox.outcomeField')}
        name="outcome"
        required
        options={ONWARD_OUTCOMES}
        labelOf={(o) => tKey('onward.outcomes', o)}
        placeholder={t('common.choose')}
        error={form.errors().fields.outcome}
      />
      <TextAreaField label={t('onward.inbox.note')} name="note" maxLength={2000} rows={2} error={form.errors().fields.note} />
      <FormActions form={form} label={t('onward.inbox.saveOutcome')} testId="onward-outcome-submit" />
    </form>
  );
}

/** One referral sent to the agency: who sent it, their words, what is shared and offered; the answer. */
function Entry(props: { item: Received; onError: (err: unknown) => void }) {
  const r = () => props.item;
  const [declining, setDeclining] = createSignal(false);
  const accept = () => writeThenRefresh(() => trpc.onward.accept.mutate({ id: r().id }), getInbox.key, props.onError);
  return (
    <li class="card onward-entry" data-testid="onward-received" data-status={r().status}>
      <p>
        <span class="badge" classList={{ info: r().status === 'sent' }}>
          {tKey('onward.status', r().status)}
        </span>{' '}
        <span class="muted small">{t('onward.inbox.from', { name: r().sentBy.displayName, date: formatDate(r().sentAt) })}</span>
      </p>
      <Person person={r().person} />
      <p class="prewrap">{r().summary}</p>
      <Offers offers={r().offers} />
      <Show when={r().declineReason}>{(reason) => <p class="small prewrap">{t('onward.reason', { reason: reason() })}</p>}</Show>
      <Show when={r().outcome}>
        {(outcome) => (
          <p class="small">{t('onward.outcomeOn', { date: formatDate(r().outcomeAt), outcome: tKey('onward.outcomes', outcome()) })}</p>
        )}
      </Show>
      <Show when={r().status === 'sent'}>
        <Show
          when={declining()}
          fallback={
            <div class="form-actions">
              <button type="button" class="button primary" onClick={accept} data-testid="onward-accept">
                {t('onward.inbox.accept')}
              </button>
              <button type="button" class="button danger" onClick={() => setDeclining(true)} data-testid="onward-decline">
                {t('onward.inbox.decline')}
              </button>
            </div>
          }
        >
          <DeclineForm id={r().id} onDone={() => setDeclining(false)} />
        </Show>
      </Show>
      <Show when={r().status === 'accepted'}>
        <OutcomeForm id={r().id} />
      </Show>
    </li>
  );
}

function Lists() {
  const [answered, setAnswered] = createSignal(false);
  const inbox = createAsync(() => getInbox(answered()));
  const [error, setError] = createNotice<unknown>();
  return (
    <>
      <div class="form-actions">
        <button type="button" class="button" aria-pressed={!answered()} onClick={() => setAnswered(false)} data-testid="onward-tab-waiting">
          {t('onward.inbox.waiting')}
        </button>
        <button type="button" class="button" aria-pressed={answered()} onClick={() => setAnswered(true)} data-testid="onward-tab-answered">
          {t('onward.inbox.answered')}
        </button>
      </div>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Suspense>
        <ul class="onward-inbox" data-testid="onward-inbox">
          <For
            each={inbox()?.items}
            fallback={<li class="muted">{answered() ? t('onward.inbox.emptyAnswered') : t('onward.inbox.empty')}</li>}
          >
            {(item) => <Entry item={item} onError={setError} />}
          </For>
        </ul>
      </Suspense>
    </>
  );
}

/** An agency practitioner's referrals to answer: accept, decline with a reason, then the outcome. */
export default function InboxPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('onward.inbox.title')}</h1>
      <p class="lead">{t('onward.inbox.intro')}</p>
      <RequireRole roles={['agency_practitioner']}>
        <Lists />
      </RequireRole>
    </section>
  );
}
