import { Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { tKey, t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { OptionsField, TextAreaField } from '../../components/Field';
import { getConsents, type Consent } from '../consent/api';
import type { ConsentPurpose, LegalBasis } from '../../../../src/shared/vocabulary';

interface Props {
  /** The words of the basis select (each form says what the basis is for). */
  label: string;
  bases: readonly LegalBasis[];
  /** A field's problem, by its name (`legalBasis`, `consentId`, `consentPurpose`, `justification`). */
  error: (name: string) => string | undefined;
  /** On consent: the case whose live consents may serve; asked only once consent is chosen. */
  caseId?: string;
  consent?: {
    label: string;
    /** Which of the live consents may serve (all of them unless said). */
    serves?: (c: Consent) => boolean;
    /** Said instead of the choice when none serves. */
    none?: string;
    /** When given, the consent purpose this serves is asked too, among those of the consent this allows. */
    purposes?: { label: string; allowed: (given: ConsentPurpose[]) => ConsentPurpose[] };
  };
  /** On any basis but consent: the words that justify going on without it. */
  justification?: { label: string; hint: string };
}

/**
 * The legal basis of a disclosure, a proposed disclosure or a transfer: the basis, and on consent the
 * live consent it rests on (and which of its purposes), or on another basis the words that justify it.
 * Fields named `legalBasis`, `consentId`, `consentPurpose`, `justification`, for the form's useForm.
 */
export function LegalBasisFields(props: Props) {
  const [basis, setBasis] = createSignal('');
  const [consentId, setConsentId] = createSignal('');
  const onConsent = () => basis() === 'consent' && props.consent !== undefined && props.caseId !== undefined;
  const consents = createAsync(async () =>
    onConsent() ? (await getConsents(props.caseId!)).items.filter((c) => c.status === 'live' && (props.consent?.serves?.(c) ?? true)) : [],
  );
  const purposes = () => {
    const given = (consents()?.find((c) => c.id === consentId())?.purposes ?? []) as ConsentPurpose[];
    return props.consent?.purposes?.allowed(given) ?? given;
  };
  return (
    <>
      <OptionsField
        label={props.label}
        name="legalBasis"
        required
        options={props.bases}
        labelOf={(b) => tKey('legalBases', b)}
        placeholder={t('common.choose')}
        onChange={setBasis}
        error={props.error('legalBasis')}
      />
      <Show when={onConsent() && props.consent}>
        {(consent) => (
          <Show when={!consent().none || (consents()?.length ?? 0) > 0} fallback={<p class="muted small">{consent().none}</p>}>
            <OptionsField
              label={consent().label}
              name="consentId"
              required
              options={consents()}
              idOf={(c) => c.id}
              labelOf={(c) => `${formatDate(c.givenAt)} → ${formatDate(c.expiresAt)}`}
              placeholder={t('common.choose')}
              onChange={setConsentId}
              error={props.error('consentId')}
            />
            <Show when={consent().purposes}>
              {(p) => (
                <OptionsField
                  label={p().label}
                  name="consentPurpose"
                  required
                  options={purposes()}
                  labelOf={(v) => tKey('consent.purposeOf', v)}
                  placeholder={t('common.choose')}
                  error={props.error('consentPurpose')}
                />
              )}
            </Show>
          </Show>
        )}
      </Show>
      <Show when={basis() !== '' && basis() !== 'consent' && props.justification}>
        {(words) => (
          <TextAreaField
            label={words().label}
            name="justification"
            required
            minLength={10}
            maxLength={2000}
            rows={3}
            hint={words().hint}
            error={props.error('justification')}
          />
        )}
      </Show>
    </>
  );
}
