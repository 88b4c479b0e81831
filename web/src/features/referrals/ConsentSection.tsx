import { Show, createEffect, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { dateInputValue } from '../../lib/dates';
import { ChoiceGroup, OptionsField, TextAreaField, TextField } from '../../components/Field';
import { LEGAL_BASES_WITHOUT_CONSENT } from './api';

const CONSENT = ['given', 'notGiven'] as const;
const BY = ['person', 'guardian'] as const;

/**
 * Consent: given (by the person, or a guardian for a minor; when; for what), or not given, with the
 * legal basis and justification for going on without it. `minor`: the person may be under 18.
 */
export function ConsentSection(props: { minor: boolean; errors: Record<string, string | undefined> }) {
  const [given, setGiven] = createSignal(true);
  const [by, setBy] = createSignal<(typeof BY)[number]>('person');
  // A minor's consent comes from a guardian: the choice follows the birth year until the user picks.
  createEffect(() => setBy(props.minor ? 'guardian' : 'person'));
  const today = dateInputValue(new Date());
  return (
    <section class="card form" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('referral.consentTitle')}</h2>
      <ChoiceGroup
        label={t('referral.consentQuestion')}
        name="consent.given"
        type="radio"
        options={CONSENT}
        labelOf={(v) => (v === 'given' ? t('referral.consentGiven') : t('referral.consentNotGiven'))}
        checked={(v) => (v === 'given') === given()}
        onChange={(v, on) => on && setGiven(v === 'given')}
        testId="consent-given"
      />
      <Show
        when={given()}
        fallback={
          <div class="form">
            <OptionsField
              label={t('referral.legalBasis')}
              name="consent.legalBasis"
              required
              options={LEGAL_BASES_WITHOUT_CONSENT}
              labelOf={(b) => tKey('legalBases', b)}
              placeholder={t('common.choose')}
              error={props.errors['consent.legalBasis']}
            />
            <TextAreaField
              label={t('referral.justification')}
              name="consent.justification"
              required
              minLength={20}
              maxLength={2000}
              rows={3}
              hint={t('referral.justificationHint')}
              error={props.errors['consent.justification']}
            />
          </div>
        }
      >
        <div class="form">
          <ChoiceGroup
            label={t('referral.consentBy')}
            name="consent.by"
            type="radio"
            options={BY}
            labelOf={(v) => tKey('consentBy', v)}
            checked={(v) => v === by()}
            onChange={(v, on) => on && setBy(v)}
            hint={props.minor ? t('referral.consentByMinor') : undefined}
            error={props.errors['consent.by']}
          />
          <TextField
            label={t('referral.consentAt')}
            name="consent.at"
            type="date"
            required
            max={today}
            value={today}
            error={props.errors['consent.at']}
          />
          <TextAreaField
            label={t('referral.consentScope')}
            name="consent.scope"
            required
            minLength={3}
            maxLength={500}
            rows={2}
            hint={t('referral.consentScopeHint')}
            error={props.errors['consent.scope']}
          />
        </div>
      </Show>
    </section>
  );
}
