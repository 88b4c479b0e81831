import { Show, createSignal } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { ChoiceGroup, TextAreaField } from '../../components/Field';
import { RequireRole } from '../../components/Shell';
import { ProposalFacts } from './InboxPage';
import { getMatches, getProposal, getTransferInbox, transferMessage } from './api';

const NEW = 'new';

/** Accepts: the person is one of the city's own (from the match) or a new record; the case opens here. */
function AcceptForm(props: { id: string }) {
  const matches = createAsync(() => getMatches(props.id));
  const [opened, setOpened] = createSignal<{ caseId: string; reference: string } | null>(null);
  const form = useForm({
    name: `transfer-accept-${props.id}`,
    fields: ['personId'],
    message: transferMessage,
    refresh: [getProposal.key, getTransferInbox.key],
    submit: (data, keyed) => {
      const chosen = field(data, 'personId');
      return trpc.transfers.accept.mutate({ id: props.id, personId: chosen === NEW ? null : chosen }, keyed);
    },
    onDone: (v) => setOpened({ caseId: v.caseId, reference: v.reference }),
  });
  const options = () => [...(matches() ?? []).map((m) => m.person.id), NEW];
  const person = (id: string) => matches()?.find((m) => m.person.id === id);
  return (
    <Show
      when={opened()}
      fallback={
        <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="transfer-accept-form">
          <Alert kind="error" message={form.errors().banner} />
          <p class="muted small">{t('transfers.proposal.personHint')}</p>
          <ChoiceGroup
            label={t('transfers.proposal.person')}
            name="personId"
            type="radio"
            required
            options={options()}
            labelOf={(id) => {
              const m = person(id);
              return m
                ? `${m.person.nameArabic ?? m.person.nameLatin ?? ''}${m.person.birthYear ? ` (${m.person.birthYear})` : ''}`
                : t('transfers.proposal.newPerson');
            }}
            checked={(id) => id === NEW && (matches() ?? []).length === 0}
            error={form.errors().fields.personId}
          />
          <FormActions form={form} label={t('transfers.proposal.accept')} testId="transfer-accept" />
        </form>
      }
    >
      {(o) => (
        <div class="subsection">
          <Alert kind="success" message={t('transfers.proposal.accepted', { reference: o().reference })} />
          <A href={`/cases/${o().caseId}`} class="button primary" data-testid="transfer-new-case">
            {t('transfers.proposal.openCase')}
          </A>
        </div>
      )}
    </Show>
  );
}

/** Declines with the reason the sending city reads. */
function DeclineForm(props: { id: string; onDone: () => void }) {
  const form = useForm({
    name: `transfer-decline-${props.id}`,
    fields: ['reason'],
    message: transferMessage,
    refresh: [getProposal.key, getTransferInbox.key],
    submit: (data) => trpc.transfers.decline.mutate({ id: props.id, reason: field(data, 'reason') }),
    onDone: () => props.onDone(),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="transfer-decline-form">
      <Alert kind="error" message={form.errors().banner} />
      <TextAreaField
        label={t('transfers.proposal.declineReason')}
        name="reason"
        required
        minLength={10}
        maxLength={2000}
        rows={3}
        error={form.errors().fields.reason}
      />
      <FormActions
        form={form}
        label={t('transfers.proposal.confirmDecline')}
        look="danger"
        testId="transfer-decline-submit"
        onCancel={props.onDone}
      />
    </form>
  );
}

function Proposal() {
  const params = useParams();
  const proposal = createAsync(() => getProposal(params.id!));
  const [declining, setDeclining] = createSignal(false);
  return (
    <Show when={proposal()}>
      {(p) => (
        <div class="card" data-testid="transfer-proposal" data-status={p().status}>
          <ProposalFacts item={p()} />
          <Show when={p().receivingCaseId}>
            {(id) => (
              <A href={`/cases/${id()}`} data-testid="transfer-new-case">
                {t('transfers.theirCase', { reference: p().receivingReference ?? '' })}
              </A>
            )}
          </Show>
          <Show when={p().status === 'proposed'}>
            <Show
              when={declining()}
              fallback={
                <>
                  <AcceptForm id={p().id} />
                  <button type="button" class="button danger" onClick={() => setDeclining(true)} data-testid="transfer-decline">
                    {t('transfers.proposal.decline')}
                  </button>
                </>
              }
            >
              <DeclineForm id={p().id} onDone={() => setDeclining(false)} />
            </Show>
          </Show>
        </div>
      )}
    </Show>
  );
}

/** A receiving coordinator's view of one proposal: what they need to decide, the match, accept or decline. */
export default function ProposalPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('transfers.proposal.title')}</h1>
      <RequireRole roles={['coordinator']}>
        <Proposal />
      </RequireRole>
    </section>
  );
}
