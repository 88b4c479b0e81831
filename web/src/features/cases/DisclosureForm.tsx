import { For, Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { checked, field, optional, useForm } from '../../lib/form';
import { addDays, atTimeOf, dateInputValue, startOfDay } from '../../lib/dates';
import { Alert } from '../../components/Alert';
import { ChoiceGroup, OptionsField, SelectField, TextField } from '../../components/Field';
import { consentMessage } from '../consent/ConsentFields';
import type { ConsentPurpose } from '../../../../src/shared/vocabulary';
import { FormActions } from '../../components/FormActions';
import { LegalBasisFields } from './LegalBasisFields';
import { CASE_QUERIES, LEGAL_BASES, SECTIONS, getActiveAgencies, getDirectory, type Section } from './api';
import { DISCLOSURE_RECIPIENT_ROLES } from '../../../../src/shared/roles';
import { CONSENT_FOR_PURPOSE } from '../../../../src/shared/purposes';
import { getActivePurposes, purposeLabel } from '../purposes/api';

const FIELDS = [
  'agencyId',
  'userId',
  'purposeId',
  'purposeWords',
  'sections',
  'legalBasis',
  'expiresAt',
  'consentId',
  'consentPurpose',
] as const;
const RECIPIENTS = ['agency', 'user'] as const;
const DEFAULT_DAYS = 30;

/**
 * Coordinator: grants sections of the case to an agency or a named colleague, for a purpose, on a
 * legal basis, until a date (30 days from today unless changed; at most a year).
 */
export function DisclosureForm(props: { caseId: string; onDone: () => void }) {
  const [to, setTo] = createSignal<(typeof RECIPIENTS)[number]>('agency');
  const purposes = createAsync(() => getActivePurposes());
  const [purposeId, setPurposeId] = createSignal('');
  // On consent, only the consent's purposes that can serve the purpose chosen (shared/purposes.ts).
  const consentPurposes = (given: ConsentPurpose[]) => {
    const listed = purposes()?.find((p) => p.id === purposeId());
    return listed ? given.filter((p) => CONSENT_FOR_PURPOSE[listed.code].includes(p)) : given;
  };
  const agencies = createAsync(() => getActiveAgencies());
  const people = createAsync(() => getDirectory(DISCLOSURE_RECIPIENT_ROLES));
  const now = new Date();
  const form = useForm({
    name: `disclose-${props.caseId}`,
    fields: FIELDS,
    refresh: CASE_QUERIES,
    message: consentMessage,
    clear: true,
    submit: (data, keyed) => {
      const day = startOfDay(field(data, 'expiresAt'));
      return trpc.cases.disclose.mutate(
        {
          caseId: props.caseId,
          ...(to() === 'agency' ? { agencyId: field(data, 'agencyId') } : { userId: field(data, 'userId') }),
          purposeId: field(data, 'purposeId'),
          ...(optional(data, 'purposeWords') ? { purposeWords: optional(data, 'purposeWords') } : {}),
          sections: checked(data, 'sections') as Section[],
          legalBasis: field(data, 'legalBasis') as (typeof LEGAL_BASES)[number],
          ...(field(data, 'legalBasis') === 'consent'
            ? { consentId: field(data, 'consentId'), consentPurpose: field(data, 'consentPurpose') as ConsentPurpose }
            : {}),
          // The hour the form opened, not of this try: a retry must send the same request as the first try.
          expiresAt: day ? atTimeOf(day, now) : new Date(Number.NaN),
        },
        keyed,
      );
    },
    onDone: () => props.onDone(),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="disclosure-form">
      <h3 class="h3">{t('team.add')}</h3>
      <Alert kind="error" message={form.errors().banner} />
      <ChoiceGroup
        label={t('team.recipientKind')}
        name="recipient"
        type="radio"
        options={RECIPIENTS}
        labelOf={(r) => (r === 'agency' ? t('team.toAgency') : t('team.toUser'))}
        checked={(r) => r === to()}
        onChange={(r, on) => on && setTo(r)}
      />
      <div class="form-grid">
        <Show
          when={to() === 'agency'}
          fallback={
            <OptionsField
              label={t('team.user')}
              name="userId"
              required
              options={people()}
              idOf={(u) => u.id}
              labelOf={(u) => (u.agency ? `${u.displayName} (${u.agency.name})` : u.displayName)}
              placeholder={t('common.choose')}
              error={form.errors().fields.userId}
            />
          }
        >
          <OptionsField
            label={t('team.agency')}
            name="agencyId"
            required
            options={agencies()}
            idOf={(a) => a.id}
            labelOf={(a) => `${a.name} (${tKey('agencyKinds', a.kind)})`}
            placeholder={t('common.choose')}
            error={form.errors().fields.agencyId}
          />
        </Show>
        <SelectField
          label={t('purposes.purpose')}
          name="purposeId"
          required
          onChange={(e) => setPurposeId(e.currentTarget.value)}
          error={form.errors().fields.purposeId}
        >
          <option value="">{t('common.choose')}</option>
          <For each={purposes()}>{(p) => <option value={p.id}>{purposeLabel(p)}</option>}</For>
        </SelectField>
        <TextField
          label={t('purposes.words')}
          name="purposeWords"
          minLength={3}
          maxLength={300}
          hint={t('purposes.wordsHint')}
          error={form.errors().fields.purposeWords}
        />
        <LegalBasisFields
          label={t('team.legalBasis')}
          bases={LEGAL_BASES}
          error={(name) => form.errors().fields[name]}
          caseId={props.caseId}
          consent={{
            label: t('consent.disclosureConsent'),
            purposes: { label: t('consent.disclosurePurpose'), allowed: consentPurposes },
          }}
        />
        <TextField
          label={t('team.expiresAt')}
          name="expiresAt"
          type="date"
          required
          min={dateInputValue(addDays(now, 1))}
          max={dateInputValue(addDays(now, 365))}
          value={dateInputValue(addDays(now, DEFAULT_DAYS))}
          hint={t('team.expiresHint')}
          // The server says "too small" or "too big"; for a date, the range itself is clearer.
          error={form.errors().fields.expiresAt ? t('team.expiresInvalid') : undefined}
        />
      </div>
      <ChoiceGroup
        label={t('team.sections')}
        name="sections"
        type="checkbox"
        options={SECTIONS}
        labelOf={(s) => tKey('sections', s)}
        error={form.errors().fields.sections}
        required
        testId="disclosure-sections"
      />
      <FormActions form={form} label={t('team.disclose')} />
    </form>
  );
}
