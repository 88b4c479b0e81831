import { For, Show, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { formatDate, formatList } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Opener } from '../../components/Toggle';
import { DisclosureForm } from './DisclosureForm';
import { CASE_QUERIES, type Disclosure } from './api';
import { purposeLabel } from '../purposes/api';
import { createNotice } from '../../lib/notice';

const STATUS_CLASS = { live: 'ok', expired: 'muted', revoked: 'danger' } as const;

/** Ends a live disclosure at once, with the reason for the record. */
function Revoke(props: { disclosure: Disclosure }) {
  const [open, setOpen] = createSignal(false);
  const form = useForm({
    name: `revoke-${props.disclosure.id}`,
    fields: ['reason'],
    refresh: CASE_QUERIES,
    submit: (data) => trpc.cases.revokeDisclosure.mutate({ id: props.disclosure.id, reason: field(data, 'reason') }),
  });
  return (
    <Opener open={open()} onOpen={() => setOpen(true)} label={t('team.revoke')} class="button small danger" testId="revoke">
      <form ref={form.ref} action={form.action} method="post" class="form compact" data-testid="revoke-form">
        <Alert kind="error" message={form.errors().banner} />
        <TextField
          label={t('team.revokeReason')}
          name="reason"
          required
          minLength={3}
          maxLength={500}
          error={form.errors().fields.reason}
        />
        <FormActions form={form} label={t('team.revoke')} pendingLabel={null} look="danger" small onCancel={() => setOpen(false)} />
      </form>
    </Opener>
  );
}

/** The case team: every disclosure of the case, and (coordinator) adding and revoking them. */
export function TeamSection(props: { caseId: string; team: Disclosure[]; manage: boolean }) {
  const [adding, setAdding] = createSignal(false);
  const [added, setAdded] = createNotice<boolean>();
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
                <dd data-testid="disclosure-purpose">
                  {purposeLabel(d.listedPurpose)}
                  <Show when={d.purpose}>
                    {(words) => (
                      <>
                        {' — '}
                        <bdi>{words()}</bdi>
                      </>
                    )}
                  </Show>
                </dd>
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
                    {t('team.revokedBecause')} <bdi>{tKey('team.ended', r(), r())}</bdi>
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
        <Opener open={adding()} onOpen={() => (setAdding(true), setAdded(false))} label={t('team.add')} testId="add-disclosure">
          <DisclosureForm caseId={props.caseId} onDone={() => (setAdding(false), setAdded(true))} />
        </Opener>
      </Show>
    </section>
  );
}
