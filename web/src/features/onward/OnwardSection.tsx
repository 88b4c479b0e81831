import { For, Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDate, formatList } from '../../lib/format';
import { getCaseOnward, type CaseOnward, type SentOnward } from './api';
import { OnwardForm } from './OnwardForm';
import './onward.css';

/** One onward referral as its sender follows it: to whom, each step with who and when, what acceptance made. */
function OnwardEntry(props: { caseId: string; item: SentOnward; data: CaseOnward }) {
  const o = () => props.item;
  const [resending, setResending] = createSignal(false);
  const made = () =>
    [o().disclosureId ? t('onward.madeDisclosure') : '', o().interventionId ? t('onward.madeIntervention') : ''].filter(Boolean);
  return (
    <li class="onward-entry" data-testid="onward-entry" data-status={o().status}>
      <p>
        <span class="badge" classList={{ warn: o().status === 'declined', info: o().status === 'sent' }}>
          {tKey('onward.status', o().status)}
        </span>{' '}
        <strong>
          <bdi>{o().agency.name}</bdi>
        </strong>
      </p>
      <Show when={o().resendOfId}>
        <p class="muted small">{t('onward.resendOf')}</p>
      </Show>
      <p class="muted small">{t('onward.sentBy', { name: o().sentBy.displayName, date: formatDate(o().sentAt) })}</p>
      <p class="prewrap small">{o().summary}</p>
      <Show when={o().answeredBy && o().answeredAt}>
        <p class="small">{t('onward.answeredBy', { name: o().answeredBy!.displayName, date: formatDate(o().answeredAt) })}</p>
      </Show>
      <Show when={o().declineReason}>
        {(reason) => (
          <p class="small prewrap" data-testid="onward-decline-reason">
            {t('onward.reason', { reason: reason() })}
          </p>
        )}
      </Show>
      <Show when={made().length > 0}>
        <p class="small">{t('onward.made', { what: formatList(made()) })}</p>
      </Show>
      <Show when={o().outcome}>
        {(outcome) => (
          <p class="small" data-testid="onward-outcome">
            {t('onward.outcomeOn', { date: formatDate(o().outcomeAt), outcome: tKey('onward.outcomes', outcome()) })}
            <Show when={o().outcomeNote}>{(note) => <span class="block prewrap muted">{note()}</span>}</Show>
          </p>
        )}
      </Show>
      <Show when={o().status === 'withdrawn' && o().withdrawnAt}>
        {(at) => (
          <p class="small" data-testid="onward-withdrawn">
            {t('onward.withdrawnOn', { date: formatDate(at()) })}
          </p>
        )}
      </Show>
      <Show when={o().resentAsId}>
        <p class="muted small">{t('onward.resentAs')}</p>
      </Show>
      <Show when={o().status === 'declined' && !o().resentAsId && props.data.open}>
        <Show
          when={resending()}
          fallback={
            <button type="button" class="button small" onClick={() => setResending(true)} data-testid="onward-resend-open">
              {t('onward.resend')}
            </button>
          }
        >
          <OnwardForm caseId={props.caseId} data={props.data} resendOf={o()} onDone={() => setResending(false)} />
        </Show>
      </Show>
    </li>
  );
}

/** Key worker or coordinator: the case's onward referrals, oldest first, and the form to send one. */
export function OnwardSection(props: { caseId: string }) {
  const data = createAsync(() => getCaseOnward(props.caseId));
  const [sending, setSending] = createSignal(false);
  return (
    <section class="card" aria-labelledby="onward-title" data-testid="onward-section">
      <h2 id="onward-title">{t('onward.title')}</h2>
      <p class="muted small">{t('onward.intro')}</p>
      <Show when={data()}>
        {(d) => (
          <>
            <ol class="onward-list">
              <For each={d().items} fallback={<li class="muted">{t('onward.none')}</li>}>
                {(o) => <OnwardEntry caseId={props.caseId} item={o} data={d()} />}
              </For>
            </ol>
            <Show when={d().open}>
              <Show
                when={sending()}
                fallback={
                  <button type="button" class="button" onClick={() => setSending(true)} data-testid="onward-send-open">
                    {t('onward.send')}
                  </button>
                }
              >
                <OnwardForm caseId={props.caseId} data={d()} onDone={() => setSending(false)} />
              </Show>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
