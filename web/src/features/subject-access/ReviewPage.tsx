import { Show, createResource, createSignal } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { LOCALE_NAMES, t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { field, useForm } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { CheckboxField, OptionsField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { SUBJECT_ACCESS_METHODS, type SubjectAccessMethod, type SubjectAccessRequester } from '../../../../src/shared/subject-access';
import { SUBJECT_ACCESS_QUERIES, downloadJson, getRequest, type SubjectAccessView } from './api';
import { DocumentView } from './DocumentView';
import { ReviewChoice, decisionsOf } from './ReviewControls';
import { wordsOf } from './words';
import '../print/print.css';
import './subject-access.css';

function ReleaseForm(props: { view: SubjectAccessView }) {
  const r = () => props.view.request;
  // Not `method`: a control of that name would hide the form's own `method` from the router.
  const form = useForm({
    name: `subject-access-release-${r().id}`,
    fields: ['releaseMethod'],
    refresh: SUBJECT_ACCESS_QUERIES,
    submit: (data) =>
      trpc.subjectAccess.release.mutate({
        personId: r().personId,
        id: r().id,
        version: r().version,
        method: field(data, 'releaseMethod') as SubjectAccessMethod,
      }),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form card no-print" data-testid="sa-release">
      <h2>{t('subjectAccess.release')}</h2>
      <p class="muted">{t('subjectAccess.releaseHint')}</p>
      <Alert kind="error" message={form.errors().banner} />
      <OptionsField
        label={t('subjectAccess.method')}
        name="releaseMethod"
        options={SUBJECT_ACCESS_METHODS}
        labelOf={(m) => t(`subjectAccess.methodOf.${m}`)}
        placeholder={t('common.choose')}
        required
        error={form.errors().fields.releaseMethod}
      />
      <FormActions form={form} label={t('subjectAccess.release')} testId="sa-release-submit" />
    </form>
  );
}

/** Printing and the JSON file, once released. */
function Released(props: { view: SubjectAccessView }) {
  const r = () => props.view.request;
  const [failed, setFailed] = createSignal<string | null>(null);
  const download = () => downloadJson(r().personId, r().id).catch((err) => setFailed(errorMessage(err)));
  return (
    <div class="card no-print" data-testid="sa-released">
      <p>
        {t('subjectAccess.releasedOn', {
          at: formatDateTime(r().releasedAt),
          name: r().releasedBy ?? '',
          method: t(`subjectAccess.methodOf.${(r().releaseMethod ?? 'sent') as SubjectAccessMethod}`),
        })}
      </p>
      <p class="muted">{props.view.unchanged ? t('subjectAccess.unchanged') : t('subjectAccess.changedSince')}</p>
      <Alert kind="error" message={failed()} />
      <p class="print-tools">
        <A class="button" href={`/people/${r().personId}/subject-access/${r().id}/print`} data-testid="sa-print-link">
          {t('subjectAccess.print')}
        </A>
        <button type="button" class="button ghost" onClick={download} data-testid="sa-download">
          {t('subjectAccess.download')}
        </button>
      </p>
    </div>
  );
}

/** One request: the document as it will be printed, each item for review with its decision; then release. */
function Review(props: { view: SubjectAccessView }) {
  const r = () => props.view.request;
  const locked = () => r().status === 'released';
  const [words] = createResource(() => r().language, wordsOf);
  const form = useForm({
    name: `subject-access-review-${r().id}`,
    refresh: SUBJECT_ACCESS_QUERIES,
    submit: (data) =>
      trpc.subjectAccess.review.mutate({
        personId: r().personId,
        id: r().id,
        version: r().version,
        decisions: decisionsOf(data),
        staffNames: data.get('staffNames') === 'on',
      }),
  });
  return (
    <>
      <p>
        {LOCALE_NAMES[r().language]} · {t(`subjectAccess.requesterOf.${r().requestedBy as SubjectAccessRequester}`)}
        {r().requesterName ? ` (${r().requesterName})` : ''} ·{' '}
        {t('subjectAccess.preparedOn', { at: formatDateTime(r().createdAt), name: r().preparedBy ?? '' })}
      </p>
      <Show
        when={locked()}
        fallback={
          <p data-testid="sa-pending">
            {props.view.pending.length
              ? t('subjectAccess.pending', { count: String(props.view.pending.length) })
              : t('subjectAccess.allDecided')}
          </p>
        }
      >
        <Released view={props.view} />
      </Show>
      <Show when={words()}>
        {(w) => (
          <form ref={form.ref} action={form.action} method="post" class="form" data-testid="sa-review">
            <h2>{t('subjectAccess.preview')}</h2>
            <Alert kind="error" message={form.errors().banner} />
            <Alert kind="success" message={form.confirmed() ? t('subjectAccess.saved') : null} />
            <Show when={!locked()}>
              <div class="no-print">
                <CheckboxField
                  label={t('subjectAccess.staffNames')}
                  hint={t('subjectAccess.staffNamesHint')}
                  name="staffNames"
                  checked={props.view.document.staffNamed}
                  data-testid="sa-staff-names"
                />
              </div>
            </Show>
            <div class="print-sheet sa-sheet">
              <DocumentView
                w={w()}
                document={props.view.document}
                control={locked() ? undefined : (item) => <ReviewChoice item={item} locked={locked()} />}
              />
            </div>
            <Show when={!locked()}>
              <FormActions form={form} label={t('subjectAccess.saveDecisions')} testId="sa-save-decisions" />
            </Show>
          </form>
        )}
      </Show>
      <Show when={!locked()}>
        <ReleaseForm view={props.view} />
      </Show>
    </>
  );
}

/** A subject-access request (coordinator). Each load is audited as a view of the person's record. */
export default function ReviewPage() {
  const params = useParams<{ personId: string; id: string }>();
  const view = createAsync(() => getRequest(params.personId, params.id));
  return (
    <section class="sa-page" aria-labelledby="sa-title">
      <p class="no-print">
        <A href={`/people/${params.personId}/subject-access`}>{t('subjectAccess.back')}</A>
      </p>
      <h1 id="sa-title">{t('subjectAccess.reviewTitle')}</h1>
      <Show when={view()}>{(v) => <Review view={v()} />}</Show>
    </section>
  );
}
