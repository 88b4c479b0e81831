import { Show, createSignal, onCleanup } from 'solid-js';
import { A, action, json, useSubmission } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { submissionKey } from '../../lib/submission';
import { formErrors } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { RequireRole } from '../../components/Shell';
import { ConcernSection, UrgencyField } from './ConcernSection';
import { ConsentSection } from './ConsentSection';
import { PersonSection, yearOf, type Person } from './PersonSection';
import { REFERRAL_FIELDS, referralInput } from './referralInput';
import { getMyReferrals } from './api';
import { CASE_WORKER_ROLES } from '../../../../src/shared/roles';

const thisYear = new Date().getFullYear();

function ReferralForm() {
  const [chosen, setChosen] = createSignal<Person | null>(null);
  const [birthYear, setBirthYear] = createSignal('');
  const [noCategory, setNoCategory] = createSignal(false);
  const year = () => chosen()?.birthYear ?? yearOf(birthYear());
  // Whoever turns 18 this year still counts as a minor: the server errs the same way.
  const minor = () => {
    const y = year();
    return y !== undefined && y !== null && thisYear - y <= 18;
  };

  const once = submissionKey();
  const send = action(async (data: FormData | URLSearchParams) => {
    const created = await once((keyed) => trpc.referrals.create.mutate(referralInput(data as FormData, chosen()?.id), keyed));
    return json({ id: created.id }, { revalidate: getMyReferrals.key });
  }, 'referral.create');
  const submission = useSubmission(send);
  onCleanup(() => submission.clear());
  const errors = () => {
    const e = formErrors(submission.error, REFERRAL_FIELDS);
    return noCategory() ? { ...e, fields: { ...e.fields, concernCategories: t('validation.chooseOne') } } : e;
  };
  // One box of a group cannot be "required" in HTML: at least one category is checked here.
  const check = (e: SubmitEvent) => {
    const none = new FormData(e.currentTarget as HTMLFormElement).getAll('concernCategories').length === 0;
    setNoCategory(none);
    if (none) e.preventDefault();
  };
  const again = () => {
    submission.clear();
    setChosen(null);
    setBirthYear('');
  };

  return (
    <Show
      when={!submission.result}
      fallback={
        <section class="card narrow" aria-labelledby="sent-title" data-testid="referral-sent">
          <h2 id="sent-title">{t('referral.sentTitle')}</h2>
          <Alert kind="success" message={t('referral.sent')} />
          <p class="links">
            <A class="button primary" href="/referrals/mine">
              {t('referral.toMine')}
            </A>
            <button type="button" class="button" onClick={again}>
              {t('referral.another')}
            </button>
          </p>
        </section>
      }
    >
      <form action={send} method="post" class="form referral-form" onSubmit={check} data-testid="referral-form">
        <Alert kind="error" message={errors().banner} />
        <UrgencyField error={errors().fields.urgency} />
        <PersonSection chosen={chosen()} onChoose={setChosen} birthYear={birthYear()} onBirthYear={setBirthYear} errors={errors().fields} />
        <ConcernSection cohort={chosen()?.cohort} errors={errors().fields} />
        <ConsentSection minor={minor()} errors={errors().fields} />
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={submission.pending}>
            {submission.pending ? t('referral.submitting') : t('referral.submit')}
          </button>
        </div>
      </form>
    </Show>
  );
}

/** Social worker, coordinator, practitioner › New referral. */
export default function NewReferralPage() {
  return (
    <section aria-labelledby="referral-title">
      <h1 id="referral-title">{t('referral.title')}</h1>
      <p class="lead">{t('referral.intro')}</p>
      <RequireRole roles={CASE_WORKER_ROLES}>
        <ReferralForm />
      </RequireRole>
    </section>
  );
}
