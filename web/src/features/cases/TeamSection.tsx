import { For, Show, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { formatDate, formatList } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { DisclosureForm } from './DisclosureForm';
import { field, useCaseForm } from './caseForm';
import type { Disclosure } from './api';

const STATUS_CLASS = { live: 'ok', expired: 'muted', revoked: 'danger' } as const;

/** Ends a live disclosure at once, with the reason for the record. */
function Revoke(props: { disclosure: Disclosure }) {
  const [open, setOpen] = createSignal(false);
  const { submit, submission, errors } = useCaseForm(`revoke-${props.disclosure.id}`, ['reason'], (data) =>
    trpc.cases.revokeDisclosure.mutate({ id: props.disclosure.id, reason: field(data, 'reason') }),
  );
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="button small danger" onClick={() => setOpen(true)} data-testid="revoke">
          {t('team.revoke')}
        </button>
      }
    >
      <form action={submit} method="post" class="form compact" data-testid="revoke-form">
        <Alert kind="error" message={errors().banner} />
        <TextField label={t('team.revokeReason')} name="reason" required minLength={3} maxLength={500} error={errors().fields.reason} />
        <div class="form-actions">
          <button type="submit" class="button small danger" disabled={submission.pending}>
            {t('team.revoke')}
          </button>
          <button type="button" class="button small ghost" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Show>
  );
}

/** The case team: every disclosure of the case, and (coordinator) adding and revoking them. */
export function TeamSection(props: { caseId: string; team: Disclosure[]; manage: boolean }) {
  const [adding, setAdding] = createSignal(false);
  const [added, setAdded] = createSignal(false);
  return (
    <section class="card" aria-labelledby="team-title" data-testid="team-section">
      <h2 id="team-title">{t('team.title')}</h2>
      <p class="muted">{t('team.intro')}</p>
      <Alert kind="success" message={added() ? t('team.disclosed') : null} />
      <ul class="disclosures" data-testid="disclosures">
        <For each={props.team} fallback={<li class="muted">{t('team.empty')}</li>}>
          {(d) => (
            <li class="disclosure" classList={{ ended: d.status !== 'live' }} data-testid="disclosure" data-status={d.status}>
              <p class="disclosure-head">
                <bdi class="strong">{d.agency?.name ?? d.user?.displayName ?? t('common.none')}</bdi>
                <span class={`badge ${STATUS_CLASS[d.status]}`}>{tKey('disclosureStatuses', d.status)}</span>
              </p>
              <dl class="facts compact">
                <dt>{t('team.purpose')}</dt>
                <dd dir="auto">{d.purpose}</dd>
                <dt>{t('team.sections')}</dt>
                <dd>{formatList(d.sections.map((s) => tKey('sections', s)))}</dd>
                <dt>{t('team.legalBasis')}</dt>
                <dd>{tKey('legalBases', d.legalBasis)}</dd>
                <dt>{t('team.expires')}</dt>
                <dd>{formatDate(d.expiresAt)}</dd>
              </dl>
              <Show when={d.revokeReason}>
                {(r) => (
                  <p class="muted small">
                    {t('team.revokedBecause')} <bdi>{r()}</bdi>
                  </p>
                )}
              </Show>
              <Show when={props.manage && d.status === 'live'}>
                <Revoke disclosure={d} />
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.manage}>
        <Show
          when={adding()}
          fallback={
            <button type="button" class="button" onClick={() => (setAdding(true), setAdded(false))} data-testid="add-disclosure">
              {t('team.add')}
            </button>
          }
        >
          <DisclosureForm caseId={props.caseId} onDone={() => (setAdding(false), setAdded(true))} />
        </Show>
      </Show>
    </section>
  );
}
