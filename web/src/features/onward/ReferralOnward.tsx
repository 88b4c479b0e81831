import { For, Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDate } from '../../lib/format';
import { getReferralOnward, type CaseOnward, type SentOnward } from './api';
import { OnwardForm } from './OnwardForm';

/** A declined one's "send again", to the same agency or another (the coordinator who screens). */
function Resend(props: { referralId: string; item: SentOnward; agencies: CaseOnward['agencies'] }) {
  const [open, setOpen] = createSignal(false);
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="button small" onClick={() => setOpen(true)} data-testid="onward-resend-open">
          {t('onward.resend')}
        </button>
      }
    >
      <OnwardForm
        caseId={props.referralId}
        data={{ agencies: props.agencies }}
        resendOf={props.item}
        withPlan={false}
        onDone={() => setOpen(false)}
      />
    </Show>
  );
}

/** Coordinator: where a signposted referral went (its onward referrals) and how each was answered; a declined one is sent again here. */
export function ReferralOnward(props: { referralId: string }) {
  const data = createAsync(() => getReferralOnward(props.referralId));
  return (
    <Show when={data()?.items.length}>
      <section class="card" aria-labelledby="referral-onward-title" data-testid="referral-onward">
        <h2 id="referral-onward-title">{t('onward.referralTitle')}</h2>
        <ol class="onward-list">
          <For each={data()!.items}>
            {(o) => (
              <li class="onward-entry" data-testid="onward-entry" data-status={o.status}>
                <p>
                  <span class="badge">{tKey('onward.status', o.status)}</span>{' '}
                  <strong>
                    <bdi>{o.agency.name}</bdi>
                  </strong>
                </p>
                <p class="muted small">{t('onward.sentBy', { name: o.sentBy.displayName, date: formatDate(o.sentAt) })}</p>
                <Show when={o.answeredBy && o.answeredAt}>
                  <p class="small">{t('onward.answeredBy', { name: o.answeredBy!.displayName, date: formatDate(o.answeredAt) })}</p>
                </Show>
                <Show when={o.declineReason}>{(reason) => <p class="small prewrap">{t('onward.reason', { reason: reason() })}</p>}</Show>
                <Show when={o.status === 'declined' && !o.resentAsId}>
                  <Resend referralId={props.referralId} item={o} agencies={data()!.agencies} />
                </Show>
                <Show when={o.outcome}>
                  {(outcome) => (
                    <p class="small">
                      {t('onward.outcomeOn', { date: formatDate(o.outcomeAt), outcome: tKey('onward.outcomes', outcome()) })}
                    </p>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ol>
      </section>
    </Show>
  );
}
