import { For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDate } from '../../lib/format';
import { getReferralOnward } from './api';

/** Coordinator: where a signposted referral went (its onward referrals) and how each was answered. */
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
