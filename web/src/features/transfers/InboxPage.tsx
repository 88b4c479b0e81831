import { For, Show, Suspense, createSignal } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDate, formatList } from '../../lib/format';
import { RequireRole } from '../../components/Shell';
import { getTransferInbox, type Proposal } from './api';

/** What a proposal says before any content: from where, which sections, on which basis. */
export function ProposalFacts(props: { item: Proposal }) {
  const p = () => props.item;
  return (
    <>
      <p>
        <span class="badge" classList={{ info: p().status === 'proposed' }}>
          {tKey('transfers.status', p().status)}
        </span>{' '}
        <bdi>{t('transfers.from', { city: p().city ?? '', reference: p().sendingReference ?? '', date: formatDate(p().proposedAt) })}</bdi>
      </p>
      <p class="muted small">
        <Show when={p().proposedBy}>{(name) => t('transfers.by', { name: name() })}</Show>
        <Show when={p().cohort}>{(c) => <> · {t('transfers.proposal.cohort', { cohort: tKey('cohorts', c()) })}</>}</Show>
      </p>
      <p class="small">
        {p().sections.length
          ? t('transfers.proposal.sections', { sections: formatList(p().sections.map((s) => tKey('transfers.sectionOf', s))) })
          : t('transfers.proposal.onlyIdentity')}
      </p>
      <p class="small">
        <strong>{tKey('legalBases', p().legalBasis)}</strong>
        <Show when={p().consent}>
          {(c) => <> · {t('transfers.consentDates', { given: formatDate(c().givenAt), until: formatDate(c().expiresAt) })}</>}
        </Show>
        <Show when={p().justification}>{(j) => <span class="block prewrap">{t('transfers.why', { text: j() })}</span>}</Show>
      </p>
      <Show when={p().declineReason}>{(r) => <p class="small prewrap">{t('transfers.reason', { reason: r() })}</p>}</Show>
    </>
  );
}

function Lists() {
  const [decided, setDecided] = createSignal(false);
  const inbox = createAsync(() => getTransferInbox(decided()));
  return (
    <>
      <div class="form-actions">
        <button
          type="button"
          class="button"
          aria-pressed={!decided()}
          onClick={() => setDecided(false)}
          data-testid="transfers-tab-waiting"
        >
          {t('transfers.inbox.waiting')}
        </button>
        <button type="button" class="button" aria-pressed={decided()} onClick={() => setDecided(true)} data-testid="transfers-tab-decided">
          {t('transfers.inbox.decided')}
        </button>
      </div>
      <Suspense>
        <ul class="onward-inbox" data-testid="transfers-inbox">
          <For
            each={inbox()}
            fallback={<li class="muted">{decided() ? t('transfers.inbox.emptyDecided') : t('transfers.inbox.empty')}</li>}
          >
            {(item) => (
              <li class="card onward-entry" data-testid="transfer-incoming" data-status={item.status}>
                <ProposalFacts item={item} />
                <A href={`/transfers/${item.id}`} class="button small" data-testid="transfer-open-proposal">
                  {t('transfers.inbox.open')}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Suspense>
    </>
  );
}

/** A coordinator's incoming transfers: proposals of other cities of the hub to this city. */
export default function InboxPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('transfers.inbox.title')}</h1>
      <p class="lead">{t('transfers.inbox.intro')}</p>
      <RequireRole roles={['coordinator']}>
        <Lists />
      </RequireRole>
    </section>
  );
}
