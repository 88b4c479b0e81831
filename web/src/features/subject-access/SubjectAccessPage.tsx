import { For, Show } from 'solid-js';
import { A, createAsync, useNavigate, useParams } from '@solidjs/router';
import { LOCALE_NAMES, LOCALES, t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, optional, useForm } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { ChoiceGroup, OptionsField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { PersonName } from '../../components/PersonName';
import { getPerson } from '../cases/api';
import { SUBJECT_ACCESS_REQUESTERS, type SubjectAccessRequester } from '../../../../src/shared/subject-access';
import type { Locale } from '../../../../src/shared/vocabulary';
import { getRequests, type SubjectAccessRequest } from './api';
import './subject-access.css';

/** Who asked and in which language: the document is written in the person's language, not the coordinator's. */
function PrepareForm(props: { personId: string }) {
  const navigate = useNavigate();
  const form = useForm({
    name: `subject-access-${props.personId}`,
    fields: ['language', 'requestedBy', 'requesterName'],
    refresh: ['subjectAccess.list'],
    submit: (data, keyed) =>
      trpc.subjectAccess.prepare.mutate(
        {
          personId: props.personId,
          language: field(data, 'language') as Locale,
          requestedBy: field(data, 'requestedBy') as SubjectAccessRequester,
          requesterName: optional(data, 'requesterName'),
        },
        keyed,
      ),
    onDone: (made) => navigate(`/people/${props.personId}/subject-access/${made.id}`),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form card" data-testid="sa-prepare">
      <h2>{t('subjectAccess.prepare')}</h2>
      <Alert kind="error" message={form.errors().banner} />
      <OptionsField
        label={t('subjectAccess.language')}
        name="language"
        options={LOCALES}
        labelOf={(l) => LOCALE_NAMES[l]}
        placeholder={t('common.choose')}
        required
        error={form.errors().fields.language}
      />
      <ChoiceGroup
        label={t('subjectAccess.requestedBy')}
        name="requestedBy"
        type="radio"
        options={SUBJECT_ACCESS_REQUESTERS}
        labelOf={(r) => t(`subjectAccess.requesterOf.${r}`)}
        checked={(r) => r === 'person'}
        error={form.errors().fields.requestedBy}
      />
      <TextField label={t('subjectAccess.requesterName')} name="requesterName" maxLength={200} error={form.errors().fields.requesterName} />
      <FormActions form={form} label={t('subjectAccess.prepare')} testId="sa-prepare-submit" />
    </form>
  );
}

function RequestRow(props: { personId: string; r: SubjectAccessRequest }) {
  return (
    <li class="sa-request" data-testid="sa-request">
      <A href={`/people/${props.personId}/subject-access/${props.r.id}`}>{t(`subjectAccess.statusOf.${props.r.status}`)}</A>
      <span>
        {' · '}
        {LOCALE_NAMES[props.r.language]} · {t(`subjectAccess.requesterOf.${props.r.requestedBy as SubjectAccessRequester}`)}
        {props.r.requesterName ? ` (${props.r.requesterName})` : ''}
      </span>
      <span class="muted block small">
        {t('subjectAccess.preparedOn', { at: formatDateTime(props.r.createdAt), name: props.r.preparedBy ?? '' })}
        <Show when={props.r.releasedAt}>
          {' · '}
          {t('subjectAccess.releasedOn', {
            at: formatDateTime(props.r.releasedAt),
            name: props.r.releasedBy ?? '',
            method: t(`subjectAccess.methodOf.${(props.r.releaseMethod ?? 'sent') as 'sent'}`),
          })}
        </Show>
      </span>
    </li>
  );
}

/** A person's subject-access requests (coordinator): prepare one, open one to review, release or print it. */
export default function SubjectAccessPage() {
  const params = useParams<{ personId: string }>();
  const person = createAsync(() => getPerson(params.personId));
  const requests = createAsync(() => getRequests(params.personId));
  return (
    <section class="sa-page" aria-labelledby="sa-title">
      <h1 id="sa-title">
        {t('subjectAccess.title')}
        <Show when={person()}>
          {(p) => (
            <>
              {': '}
              <PersonName person={p()} />
            </>
          )}
        </Show>
      </h1>
      <p class="muted">{t('subjectAccess.intro')}</p>
      <PrepareForm personId={params.personId} />
      <section class="card">
        <h2>{t('subjectAccess.requests')}</h2>
        <ul class="sa-requests">
          <For each={requests()} fallback={<li class="muted">{t('subjectAccess.none')}</li>}>
            {(r) => <RequestRow personId={params.personId} r={r} />}
          </For>
        </ul>
      </section>
    </section>
  );
}
