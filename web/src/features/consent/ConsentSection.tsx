import { For, Show, createSignal } from 'solid-js';
import { A, createAsync, revalidate } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatList } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CASE_QUERIES } from '../cases/api';
import { ConsentFields, consentMessage } from './ConsentFields';
import { getConsents, type Consent, type Consents } from './api';
import { createNotice } from '../../lib/notice';

/** To whom a consent lets information go: any partner, or the agencies it names. */
export const recipientsOf = (c: Consent, agencies: Consents['agencies']) =>
  c.anyPartner ? t('consent.anyPartner') : formatList(c.agencyIds.map((id) => agencies.find((a) => a.id === id)?.name ?? '—'));

/** Who gave it: the person, or the guardian by name and relationship when recorded (a referral's named neither). */
const giver = (c: Consent) =>
  c.givenBy === 'person'
    ? t('consent.person')
    : [c.giverName ?? t('consent.guardian'), c.relationship ? `(${tKey('consent.relationshipOf', c.relationship)})` : '']
        .filter(Boolean)
        .join(' ');

/** One consent of the history: its state, who gave it, for what, to whom, until when; renew, withdraw, print. */
function ConsentEntry(props: { caseId: string; consent: Consent; data: Consents; onError: (m: string) => void }) {
  const c = () => props.consent;
  const [renewing, setRenewing] = createSignal(false);
  const withdraw = async () => {
    try {
      await trpc.consent.withdraw.mutate({ caseId: props.caseId, consentId: c().id });
      await revalidate([...CASE_QUERIES, getConsents.key]);
    } catch (err) {
      const fields = Object.values((err as { data?: { fields?: Record<string, string> } }).data?.fields ?? {});
      props.onError(fields.length ? fields.map(consentMessage).join(' ') : errorMessage(err));
    }
  };
  return (
    <li class="consent-entry" data-testid="consent-entry" data-status={c().status}>
      <div>
        <span class="badge" classList={{ warn: c().status !== 'live' }}>
          {tKey('consent.status', c().status)}
        </span>{' '}
        <strong>{giver(c())}</strong>
        <span class="muted block small">
          {formatDate(c().givenAt)} → {formatDate(c().expiresAt)} · {tKey('consent.methodOf', c().method)}
          {c().formReference ? ` · ${c().formReference}` : ''}
        </span>
        <span class="block small">{formatList(c().purposes.map((p) => tKey('consent.purposeOf', p)))}</span>
        <span class="block small">{recipientsOf(c(), props.data.agencies)}</span>
        <Show when={c().scope}>{(s) => <span class="block small muted">{s()}</span>}</Show>
        <Show when={c().withdrawnAt}>{(at) => <span class="block small">{t('consent.withdrawnOn', { at: formatDate(at()) })}</span>}</Show>
      </div>
      <div class="form-actions">
        <A class="button small" href={`/cases/${props.caseId}/consent/${c().id}/print`} data-testid="consent-print-link">
          {t('consent.print')}
        </A>
        <Show when={c().status !== 'renewed'}>
          <button type="button" class="button small" onClick={() => setRenewing(!renewing())} data-testid="consent-renew">
            {t('consent.renew')}
          </button>
        </Show>
        <Show when={c().status === 'live'}>
          <ConfirmButton label={t('consent.withdraw')} danger onConfirm={withdraw} />
        </Show>
      </div>
      <Show when={renewing()}>
        <ConsentFields caseId={props.caseId} agencies={props.data.agencies} renews={c()} onDone={() => setRenewing(false)} />
      </Show>
    </li>
  );
}

/** Key worker or coordinator: the case's consents, newest first, and the form to record one. */
export function ConsentSection(props: { caseId: string }) {
  const data = createAsync(() => getConsents(props.caseId));
  const [adding, setAdding] = createSignal(false);
  const [error, setError] = createNotice<string>();
  return (
    <section class="card" aria-labelledby="consent-title" data-testid="consent-section">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <p class="muted small">{t('consent.intro')}</p>
      <Alert kind="error" message={error()} />
      <Show when={data()}>
        {(d) => (
          <>
            <ul class="consent-list">
              <For each={d().items} fallback={<li class="muted">{t('consent.none')}</li>}>
                {(c) => <ConsentEntry caseId={props.caseId} consent={c} data={d()} onError={setError} />}
              </For>
            </ul>
            <Show
              when={adding()}
              fallback={
                <button type="button" class="button" onClick={() => setAdding(true)} data-testid="consent-add">
                  {t('consent.record')}
                </button>
              }
            >
              <ConsentFields caseId={props.caseId} agencies={d().agencies} onDone={() => setAdding(false)} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
