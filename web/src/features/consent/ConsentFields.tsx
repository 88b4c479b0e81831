import { Show, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { checked, field, optional, useForm } from '../../lib/form';
import { fieldMessage } from '../../lib/errors';
import { dateInputValue, startOfDay } from '../../lib/dates';
import { Alert } from '../../components/Alert';
import { ChoiceGroup, OptionsField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { trpc } from '../../lib/trpc';
import { CASE_QUERIES } from '../cases/api';
import { CONSENT_METHODS, CONSENT_PURPOSES, CONSENT_RELATIONSHIPS, getConsents, type Consent, type Consents } from './api';

const FIELDS = [
  'givenBy',
  'giverName',
  'relationship',
  'purposes',
  'agencyIds',
  'method',
  'formReference',
  'givenAt',
  'expiresAt',
  'scope',
  'renewsId',
] as const;
const GIVERS = ['person', 'guardian'] as const;
const REACH = ['any', 'some'] as const;

/** A consent's own words for its problem keys, the shared ones otherwise. */
export const consentMessage = (key: string) => tKey('consent.errors', key, fieldMessage(key));

const day = (data: FormData, name: string) => startOfDay(field(data, name));

/**
 * Record a consent, or renew `renews` (a new record replacing it). Who gave it, purposes, recipients,
 * how, when and until when; the server checks dates and agencies and answers field by field.
 */
export function ConsentFields(props: { caseId: string; agencies: Consents['agencies']; renews?: Consent; onDone: () => void }) {
  const r = props.renews;
  const [giver, setGiver] = createSignal<(typeof GIVERS)[number]>(r?.givenBy ?? 'person');
  const [reach, setReach] = createSignal<(typeof REACH)[number]>(r && !r.anyPartner ? 'some' : 'any');
  const [method, setMethod] = createSignal<(typeof CONSENT_METHODS)[number]>(r?.method === 'written' ? 'written' : 'verbal');
  const form = useForm({
    name: `consent-${r ? `renew-${r.id}` : 'record'}-${props.caseId}`,
    fields: FIELDS,
    message: consentMessage,
    refresh: [...CASE_QUERIES, getConsents.key],
    clear: true,
    submit: (data, keyed) => {
      const input = {
        caseId: props.caseId,
        givenBy: giver(),
        ...(giver() === 'guardian'
          ? { giverName: field(data, 'giverName'), relationship: field(data, 'relationship') as (typeof CONSENT_RELATIONSHIPS)[number] }
          : {}),
        purposes: checked(data, 'purposes') as (typeof CONSENT_PURPOSES)[number][],
        anyPartner: reach() === 'any',
        agencyIds: reach() === 'some' ? checked(data, 'agencyIds') : [],
        method: method(),
        ...(method() === 'written' ? { formReference: field(data, 'formReference') } : {}),
        givenAt: day(data, 'givenAt') ?? new Date(Number.NaN),
        expiresAt: day(data, 'expiresAt'),
        scope: optional(data, 'scope'),
      };
      return r ? trpc.consent.renew.mutate({ ...input, renewsId: r.id }, keyed) : trpc.consent.record.mutate(input, keyed);
    },
    onDone: () => props.onDone(),
  });
  const err = (name: (typeof FIELDS)[number]) => form.errors().fields[name];
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid={r ? 'consent-renew-form' : 'consent-form'}>
      <h3 class="h3">{r ? t('consent.renewTitle') : t('consent.record')}</h3>
      <Show when={r}>
        <p class="muted small">{t('consent.renewIntro')}</p>
      </Show>
      <Alert kind="error" message={form.errors().banner} />
      <ChoiceGroup
        label={t('consent.givenBy')}
        name="givenBy"
        type="radio"
        options={GIVERS}
        labelOf={(g) => t(`consent.${g}`)}
        checked={(g) => g === giver()}
        onChange={(g, on) => on && setGiver(g)}
        error={err('givenBy')}
      />
      <Show when={giver() === 'guardian'}>
        <div class="form-grid">
          <TextField
            label={t('consent.giverName')}
            name="giverName"
            required
            maxLength={160}
            value={r?.giverName ?? ''}
            error={err('giverName')}
          />
          <OptionsField
            label={t('consent.relationship')}
            name="relationship"
            required
            options={CONSENT_RELATIONSHIPS}
            labelOf={(x) => tKey('consent.relationshipOf', x)}
            placeholder={t('common.choose')}
            selected={r?.relationship ?? undefined}
            error={err('relationship')}
          />
        </div>
      </Show>
      <ChoiceGroup
        label={t('consent.purposes')}
        name="purposes"
        type="checkbox"
        options={CONSENT_PURPOSES}
        labelOf={(p) => tKey('consent.purposeOf', p)}
        checked={(p) => r?.purposes.includes(p) ?? false}
        error={err('purposes')}
        testId="consent-purposes"
      />
      <ChoiceGroup
        label={t('consent.recipients')}
        name="reach"
        type="radio"
        options={REACH}
        labelOf={(x) => (x === 'any' ? t('consent.anyPartner') : t('consent.someAgencies'))}
        checked={(x) => x === reach()}
        onChange={(x, on) => on && setReach(x)}
      />
      <Show when={reach() === 'some'}>
        <ChoiceGroup
          label={t('consent.agencies')}
          name="agencyIds"
          type="checkbox"
          options={props.agencies.map((a) => a.id)}
          labelOf={(id) => props.agencies.find((a) => a.id === id)?.name ?? id}
          checked={(id) => r?.agencyIds.includes(id) ?? false}
          error={err('agencyIds')}
        />
      </Show>
      <ChoiceGroup
        label={t('consent.method')}
        // Not "method": a control of that name would shadow form.method, which the router reads to take the submit.
        name="how"
        type="radio"
        options={CONSENT_METHODS}
        labelOf={(m) => tKey('consent.methodOf', m)}
        checked={(m) => m === method()}
        onChange={(m, on) => on && setMethod(m)}
        error={err('method')}
      />
      <div class="form-grid">
        <Show when={method() === 'written'}>
          <TextField label={t('consent.formReference')} name="formReference" required maxLength={60} error={err('formReference')} />
        </Show>
        <TextField
          label={t('consent.givenAt')}
          name="givenAt"
          type="date"
          required
          value={dateInputValue(new Date())}
          error={err('givenAt')}
        />
        <TextField label={t('consent.expiresAt')} name="expiresAt" type="date" hint={t('consent.expiresHint')} error={err('expiresAt')} />
      </div>
      <TextAreaField label={t('consent.scope')} name="scope" rows={2} maxLength={2000} error={err('scope')} />
      <FormActions form={form} label={t('consent.save')} />
    </form>
  );
}
