import { For, Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { checked, field, optional, useForm } from '../../lib/form';
import { formatDate, formatList } from '../../lib/format';
import { writeThenRefresh } from '../../lib/mutation';
import { errorMessage } from '../../lib/errors';
import { createNotice } from '../../lib/notice';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { ChoiceGroup, OptionsField } from '../../components/Field';
import { CASE_QUERIES } from '../cases/api';
import { LegalBasisFields } from '../cases/LegalBasisFields';
import { LEGAL_BASES, TRANSFER_SECTIONS, getCaseTransfers, getDestinations, transferMessage, type CaseTransfer } from './api';

const sectionsText = (sections: readonly string[]) =>
  formatList([t('transfers.identity'), ...sections.map((s) => tKey('transfers.sectionOf', s))]);

/** The proposal form: receiving city, sections, legal basis (a live consent covering a transfer, or words). */
function ProposeForm(props: { caseId: string; onDone: () => void }) {
  const cities = createAsync(() => getDestinations());
  const form = useForm({
    name: `transfer-${props.caseId}`,
    fields: ['receivingMunicipalityId', 'sections', 'legalBasis', 'consentId', 'justification'],
    message: transferMessage,
    refresh: [getCaseTransfers.key, ...CASE_QUERIES],
    submit: (data, keyed) =>
      trpc.transfers.propose.mutate(
        {
          caseId: props.caseId,
          receivingMunicipalityId: field(data, 'receivingMunicipalityId'),
          sections: checked(data, 'sections') as (typeof TRANSFER_SECTIONS)[number][],
          legalBasis: field(data, 'legalBasis') as (typeof LEGAL_BASES)[number],
          consentId: optional(data, 'consentId'),
          justification: optional(data, 'justification'),
        },
        keyed,
      ),
    onDone: () => props.onDone(),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="transfer-form">
      <Alert kind="error" message={form.errors().banner} />
      <Show when={cities()?.length === 0}>
        <p class="muted">{t('transfers.noCity')}</p>
      </Show>
      <OptionsField
        label={t('transfers.city')}
        name="receivingMunicipalityId"
        required
        options={cities() ?? []}
        idOf={(c) => c.id}
        labelOf={(c) => c.name}
        placeholder={t('common.choose')}
        error={form.errors().fields.receivingMunicipalityId}
      />
      <ChoiceGroup
        label={t('transfers.sections')}
        name="sections"
        type="checkbox"
        options={TRANSFER_SECTIONS}
        labelOf={(s) => tKey('transfers.sectionOf', s)}
        error={form.errors().fields.sections}
      />
      <p class="muted small">
        {t('transfers.identity')}. {t('transfers.restrictedNever')}
      </p>
      <LegalBasisFields
        label={t('transfers.legalBasis')}
        bases={LEGAL_BASES}
        error={(name) => form.errors().fields[name]}
        caseId={props.caseId}
        consent={{ label: t('transfers.consent'), serves: (c) => c.purposes.includes('transfer'), none: t('transfers.noConsent') }}
        justification={{ label: t('transfers.justification'), hint: t('transfers.justificationHint') }}
      />
      <FormActions form={form} label={t('transfers.submit')} testId="transfer-submit" onCancel={props.onDone} />
    </form>
  );
}

function Entry(props: { item: CaseTransfer; onError: (err: unknown) => void }) {
  const x = () => props.item;
  const withdraw = () => writeThenRefresh(() => trpc.transfers.withdraw.mutate({ id: x().id }), getCaseTransfers.key, props.onError);
  return (
    <li class="onward-entry" data-testid="transfer-entry" data-status={x().status}>
      <p>
        <span class="badge" classList={{ warn: x().status === 'declined', info: x().status === 'proposed' }}>
          {tKey('transfers.status', x().status)}
        </span>{' '}
        <bdi>{t('transfers.to', { city: x().city ?? '', date: formatDate(x().proposedAt) })}</bdi>
      </p>
      <p class="muted small">{sectionsText(x().sections)}</p>
      <p class="muted small">
        {tKey('legalBases', x().legalBasis)}
        <Show when={x().justification}>{(j) => <span class="block prewrap">{t('transfers.why', { text: j() })}</span>}</Show>
      </p>
      <Show when={x().receivingReference}>
        {(ref) => (
          <p class="small" data-testid="transfer-their-case">
            {t('transfers.theirCase', { reference: ref() })}
          </p>
        )}
      </Show>
      <Show when={x().declineReason}>
        {(reason) => (
          <p class="small prewrap" data-testid="transfer-decline-reason">
            {t('transfers.reason', { reason: reason() })}
          </p>
        )}
      </Show>
      <Show when={x().status === 'proposed'}>
        <button type="button" class="button small danger" onClick={withdraw} data-testid="transfer-withdraw">
          {t('transfers.withdraw')}
        </button>
      </Show>
    </li>
  );
}

/** Coordinator, on the case page: the case's transfers to other cities and the action to propose one. */
export function TransferSection(props: { caseId: string; open: boolean }) {
  const items = createAsync(() => getCaseTransfers(props.caseId));
  const [proposing, setProposing] = createSignal(false);
  const [error, setError] = createNotice<unknown>();
  const waiting = () => (items() ?? []).some((x) => x.status === 'proposed');
  return (
    <section class="card" aria-labelledby="transfer-title" data-testid="transfer-section">
      <h2 id="transfer-title">{t('transfers.title')}</h2>
      <p class="muted small">{t('transfers.intro')}</p>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <ol class="onward-list">
        <For each={items()} fallback={<li class="muted">{t('transfers.none')}</li>}>
          {(x) => <Entry item={x} onError={setError} />}
        </For>
      </ol>
      <Show when={props.open && !waiting()}>
        <Show
          when={proposing()}
          fallback={
            <button type="button" class="button" onClick={() => setProposing(true)} data-testid="transfer-open">
              {t('transfers.propose')}
            </button>
          }
        >
          <ProposeForm caseId={props.caseId} onDone={() => setProposing(false)} />
        </Show>
      </Show>
    </section>
  );
}
