import { Show, createSignal } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { RequireRole } from '../../components/Shell';
import { ConcernSection, UrgencyField } from './ConcernSection';
import { ConsentSection } from './ConsentSection';
import { PersonSection, yearOf, type Person } from './PersonSection';
import { REFERRAL_FIELDS, referralInput } from './referralInput';
import { getMyReferrals } from './api';
import { CASE_WORKER_ROLES } from '../../../../src/shared/roles';
import { useDraft } from '../../lib/draft';
import { errorMessage } from '../../lib/errors';
import { DraftStatus } from '../drafts/DraftStatus';
import { useRestoreDraft } from '../drafts/restore';
import { getListItems } from '../lists/api';

const thisYear = new Date().getFullYear();

function ReferralForm() {
  const [chosen, setChosen] = createSignal<Person | null>(null);
  // The municipality's cohorts and concern categories (the live ones are offered).
  const items = createAsync(() => getListItems());
  const [birthYear, setBirthYear] = createSignal('');
  const year = () => chosen()?.birthYear ?? yearOf(birthYear());
  // Whoever turns 18 this year still counts as a minor: the server errs the same way.
  const minor = () => {
    const y = year();
    return y !== undefined && y !== null && thisYear - y <= 18;
  };

  let element: HTMLFormElement | undefined;
  // What is typed is kept on the server for its author until the referral is sent (lib/draft.ts).
  const draft = useDraft({ kind: 'referral', form: () => element });
  const opened = useRestoreDraft({ form: () => element, adopt: draft.adopt, fits: (d) => d.kind === 'referral' });
  const form = useForm({
    name: 'referral.create',
    fields: REFERRAL_FIELDS,
    refresh: getMyReferrals.key,
    submit: (data, keyed) => trpc.referrals.create.mutate(referralInput(data, chosen()?.id, items()), keyed),
    onDone: () => draft.sent(),
  });
  // Every field, the category boxes too (at least one: ConcernSection's required group), is checked by the form kit.
  const errors = () => form.errors();
  const again = () => {
    form.reset();
    setChosen(null);
    setBirthYear('');
  };

  return (
    <Show
      when={!form.done()}
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
      <form
        ref={(el) => {
          element = el;
          form.ref(el);
        }}
        action={form.action}
        method="post"
        class="form referral-form"
        onSubmit={() => draft.onSubmit()}
        onInput={draft.onInput}
        data-testid="referral-form"
      >
        <Alert kind="error" message={errors().banner} />
        <Alert kind="error" message={opened.error() ? errorMessage(opened.error()) : null} />
        <UrgencyField error={errors().fields.urgency} />
        <PersonSection chosen={chosen()} onChoose={setChosen} birthYear={birthYear()} onBirthYear={setBirthYear} errors={errors().fields} />
        <ConcernSection cohort={chosen()?.cohort} items={items()} errors={errors().fields} />
        <ConsentSection minor={minor()} errors={errors().fields} />
        <DraftStatus status={draft.status()} restored={opened.restored()} />
        <FormActions form={form} label={t('referral.submit')} pendingLabel={t('referral.submitting')} />
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
