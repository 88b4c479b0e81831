import { Match, Show, Switch, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc, type Inputs } from '../../lib/trpc';
import { checked, field, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { ChoiceGroup, OptionsField, TextAreaField } from '../../components/Field';
import { CLOSE_REASONS, getQueue, getReferral, type CloseReason } from './api';
import { getActiveAgencies } from '../cases/api';
import { getReferralOnward } from '../onward/api';

type Screen = Inputs['referrals']['screen'];
const DECISIONS = ['accept', 'signpost', 'close'] as const;
const FIELDS = ['agencyId', 'summary', 'closeReason', 'reason'] as const;

/**
 * The screening decision on a submitted referral: accept (opens a case), signpost (an onward referral to
 * an agency of the directory, told only the words written here and, if ticked, the name), or close with a minute.
 */
export function ScreenForm(props: { referralId: string }) {
  const [decision, setDecision] = createSignal<(typeof DECISIONS)[number]>('accept');
  const agencies = createAsync(() => (decision() === 'signpost' ? getActiveAgencies() : Promise.resolve([])));
  const form = useForm({
    name: `screen-${props.referralId}`,
    fields: FIELDS,
    refresh: [getReferral.key, getQueue.key, getReferralOnward.key],
    submit: (data, keyed) => {
      const id = props.referralId;
      const input: Screen =
        decision() === 'accept'
          ? { id, decision: 'accept' }
          : decision() === 'signpost'
            ? {
                id,
                decision: 'signpost',
                agencyId: field(data, 'agencyId'),
                summary: field(data, 'summary'),
                shareName: checked(data, 'share').includes('name'),
                reason: field(data, 'reason'),
              }
            : { id, decision: 'close', closeReason: field(data, 'closeReason') as CloseReason, reason: field(data, 'reason') };
      return trpc.referrals.screen.mutate(input, keyed);
    },
  });

  return (
    // Once decided, the page shows the decision (and the case it opened) from the refreshed referral.
    <Show when={!form.done()}>
      <form ref={form.ref} action={form.action} method="post" class="form card" data-testid="screen-form">
        <h2>{t('screen.decisionTitle')}</h2>
        <Alert kind="error" message={form.errors().banner} />
        <ChoiceGroup
          label={t('screen.decisionTitle')}
          legendHidden
          name="decision"
          type="radio"
          options={DECISIONS}
          labelOf={(d) => t(`screen.${d}`)}
          checked={(d) => d === decision()}
          onChange={(d, on) => on && setDecision(d)}
          testId="decision"
        />
        <Switch>
          <Match when={decision() === 'signpost'}>
            <OptionsField
              label={t('onward.signpost.agency')}
              name="agencyId"
              required
              options={agencies()}
              idOf={(a) => a.id}
              labelOf={(a) => `${a.name} (${tKey('agencyKinds', a.kind)})`}
              placeholder={t('common.choose')}
              error={form.errors().fields.agencyId}
            />
            <TextAreaField
              label={t('onward.signpost.summary')}
              name="summary"
              required
              minLength={10}
              maxLength={4000}
              rows={3}
              hint={t('onward.summaryHint')}
              error={form.errors().fields.summary}
            />
            <ChoiceGroup
              label={t('onward.shares')}
              name="share"
              type="checkbox"
              options={['name'] as const}
              labelOf={() => t('onward.signpost.shareName')}
              checked={() => true}
            />
          </Match>
          <Match when={decision() === 'close'}>
            <OptionsField
              label={t('screen.closeReason')}
              name="closeReason"
              required
              options={CLOSE_REASONS}
              labelOf={(r) => tKey('closeReasons', r)}
              placeholder={t('common.choose')}
              error={form.errors().fields.closeReason}
            />
          </Match>
        </Switch>
        <Show when={decision() !== 'accept'}>
          <TextAreaField
            label={decision() === 'close' ? t('screen.minute') : t('screen.reason')}
            name="reason"
            required
            minLength={10}
            maxLength={2000}
            rows={3}
            hint={t('screen.reasonHint')}
            error={form.errors().fields.reason}
          />
        </Show>
        <FormActions form={form} label={t('screen.decide')} pendingLabel={t('screen.deciding')} testId="decide" />
      </form>
    </Show>
  );
}
