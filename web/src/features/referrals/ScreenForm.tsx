import { Match, Show, Switch, createSignal, onCleanup } from 'solid-js';
import { action, json, useSubmission } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc, type Inputs } from '../../lib/trpc';
import { submissionKey } from '../../lib/submission';
import { formErrors } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { ChoiceGroup, OptionsField, TextAreaField, TextField } from '../../components/Field';
import { CLOSE_REASONS, getQueue, getReferral, type CloseReason } from './api';

type Screen = Inputs['referrals']['screen'];
const DECISIONS = ['accept', 'signpost', 'close'] as const;
const FIELDS = ['signpostTo', 'closeReason', 'reason'] as const;

/** The screening decision on a submitted referral: accept (opens a case), signpost, or close with a minute. */
export function ScreenForm(props: { referralId: string }) {
  const [decision, setDecision] = createSignal<(typeof DECISIONS)[number]>('accept');
  const once = submissionKey();
  const screen = action(async (data: FormData | URLSearchParams) => {
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const id = props.referralId;
    const input: Screen =
      decision() === 'accept'
        ? { id, decision: 'accept' }
        : decision() === 'signpost'
          ? { id, decision: 'signpost', signpostTo: text('signpostTo'), reason: text('reason') }
          : { id, decision: 'close', closeReason: text('closeReason') as CloseReason, reason: text('reason') };
    const result = await once((keyed) => trpc.referrals.screen.mutate(input, keyed));
    return json(result, { revalidate: [getReferral.key, getQueue.key] });
  }, `screen-${props.referralId}`);
  const submission = useSubmission(screen);
  onCleanup(() => submission.clear());
  const errors = () => formErrors(submission.error, FIELDS);

  return (
    // Once decided, the page shows the decision (and the case it opened) from the refreshed referral.
    <Show when={!submission.result}>
      <form action={screen} method="post" class="form card" data-testid="screen-form">
        <h2>{t('screen.decisionTitle')}</h2>
        <Alert kind="error" message={errors().banner} />
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
            <TextField label={t('screen.signpostTo')} name="signpostTo" required minLength={2} maxLength={200} error={errors().fields.signpostTo} />
          </Match>
          <Match when={decision() === 'close'}>
            <OptionsField
              label={t('screen.closeReason')}
              name="closeReason"
              required
              options={CLOSE_REASONS}
              labelOf={(r) => tKey('closeReasons', r)}
              placeholder={t('common.choose')}
              error={errors().fields.closeReason}
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
            error={errors().fields.reason}
          />
        </Show>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={submission.pending} data-testid="decide">
            {submission.pending ? t('screen.deciding') : t('screen.decide')}
          </button>
        </div>
      </form>
    </Show>
  );
}
