import { Show } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { useMe } from '../../components/me';
import { getReferral, type Referral } from '../referrals/api';
import { HistoryToggle } from './ChangeTable';
import { CorrectPerson } from './CorrectPerson';
import { CorrectReferral } from './CorrectReferral';

/**
 * A referral's corrections and history of changes. Its referrer (a social worker) and the
 * coordinator correct its facts and the person's names and birth; whoever sees the referral sees its
 * history; the person's history goes to the coordinator (a referrer has no access to the record).
 */
export function ReferralChanges(props: { referral: Referral }) {
  const me = useMe();
  const r = () => props.referral;
  const coordinator = () => me().role === 'coordinator';
  const mayCorrect = () => coordinator() || (me().role === 'social_worker' && r().referrer.id === me().id);
  const refresh = [getReferral.key];
  const load = async () => [
    { key: 'referral', heading: t('screen.title'), rows: await trpc.referrals.history.query({ id: r().id }) },
    ...(coordinator()
      ? [{ key: 'person', heading: t('screen.person'), rows: await trpc.people.history.query({ id: r().person.id }) }]
      : []),
  ];
  return (
    <section class="card" aria-labelledby="referral-changes-title" data-testid="referral-changes">
      <h2 id="referral-changes-title">{t('changes.history')}</h2>
      <Show when={mayCorrect()}>
        <div class="actions">
          <CorrectReferral referral={r()} refresh={refresh} />
          <CorrectPerson person={r().person} refresh={refresh} full={coordinator()} />
        </div>
      </Show>
      <HistoryToggle testId="referral-history" load={load} />
    </section>
  );
}
