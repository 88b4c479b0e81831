import { Show, createSignal } from 'solid-js';
import { locale, t, tKey } from '../../i18n';
import { trpc, type Inputs } from '../../lib/trpc';
import { checked, field, useForm } from '../../lib/form';
import { fieldMessage } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { FormActions } from '../../components/FormActions';
import { ChoiceGroup, OptionsField, TextAreaField, TextField } from '../../components/Field';
import { CASE_QUERIES } from '../cases/api';
import { LegalBasisFields } from '../cases/LegalBasisFields';
import { createAsync } from '@solidjs/router';
import { getListItems, itemLabel, liveItems } from '../lists/api';
import type { InterventionType } from '../../../../src/shared/vocabulary';
import { CASE_SECTIONS, LEGAL_BASES_WITHOUT_CONSENT, getCaseOnward, getReferralOnward, type CaseOnward, type SentOnward } from './api';

type Send = Inputs['onward']['send'];
const FIELDS = ['agencyId', 'summary', 'share', 'intervention.typeItemId', 'intervention', 'disclosure'] as const;
const SHARES = ['name', 'birthYear', 'cohort'] as const;
const DEFAULT_DAYS = 90;

/** The words for a problem of this form: its own first (lib/errors' otherwise). */
export const onwardMessage = (key: string) => tKey('onward.problems', key, fieldMessage(key));

type Purpose = CaseOnward['purposes'][number];
const purposeLabel = (p: Purpose) => ({ ar: p.labelAr, fr: p.labelFr, en: p.labelEn })[locale()];

/** What the form offers: the directory, and (about a case) whether a disclosure may be proposed and for which purposes. */
type Choices = Pick<CaseOnward, 'agencies'> & Partial<Pick<CaseOnward, 'mayDisclose' | 'purposes'>>;

/**
 * Key worker or coordinator: refers the case to an agency of the directory, or sends a declined one again
 * (`resendOf`; a signposted referral's too, `caseId` then naming the referral and `withPlan` false). The
 * words are what the agency is told; the ticked facts go with them. On acceptance, an intervention (and,
 * for a coordinator, a disclosure) is made as proposed here.
 */
export function OnwardForm(props: { caseId: string; data: Choices; resendOf?: SentOnward; withPlan?: boolean; onDone: () => void }) {
  const [type, setType] = createSignal('');
  // The municipality's live intervention types, in the reader's language: the item goes, with its core code.
  const items = createAsync(() => getListItems());
  const types = () => liveItems(items(), 'intervention_type');
  const [sections, setSections] = createSignal<string[]>([]);
  const form = useForm({
    name: `onward-${props.caseId}-${props.resendOf?.id ?? 'new'}`,
    fields: FIELDS,
    message: onwardMessage,
    refresh: [getCaseOnward.key, getReferralOnward.key, ...CASE_QUERIES],
    submit: (data, keyed) => {
      const shares = checked(data, 'share');
      const input: Omit<Send, 'caseId'> = {
        agencyId: field(data, 'agencyId'),
        summary: field(data, 'summary'),
        shareName: shares.includes('name'),
        shareBirthYear: shares.includes('birthYear'),
        shareCohort: shares.includes('cohort'),
        ...(field(data, 'interventionTypeItemId')
          ? {
              intervention: {
                type: (types().find((i) => i.id === field(data, 'interventionTypeItemId'))?.code ?? '') as InterventionType,
                typeItemId: field(data, 'interventionTypeItemId'),
                title: field(data, 'interventionTitle'),
              },
            }
          : {}),
        ...(checked(data, 'sections').length
          ? {
              disclosure: {
                sections: checked(data, 'sections') as (typeof CASE_SECTIONS)[number][],
                purposeId: field(data, 'purposeId'),
                ...(field(data, 'purposeWords') ? { purposeWords: field(data, 'purposeWords') } : {}),
                legalBasis: field(data, 'legalBasis') as (typeof LEGAL_BASES_WITHOUT_CONSENT)[number],
                days: Number(field(data, 'days')),
              },
            }
          : {}),
      };
      return props.resendOf
        ? trpc.onward.resend.mutate({ id: props.resendOf.id, ...input }, keyed)
        : trpc.onward.send.mutate({ caseId: props.caseId, ...input }, keyed);
    },
    onDone: () => props.onDone(),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form subsection" data-testid="onward-form">
      <h3 class="h3">{props.resendOf ? t('onward.resendTitle') : t('onward.sendTitle')}</h3>
      <Alert kind="error" message={form.errors().banner} />
      <OptionsField
        label={t('onward.agency')}
        name="agencyId"
        required
        options={props.data.agencies}
        idOf={(a) => a.id}
        labelOf={(a) => `${a.name} (${tKey('agencyKinds', a.kind)})`}
        placeholder={t('common.choose')}
        selected={props.resendOf?.agency.id}
        error={form.errors().fields.agencyId}
      />
      <TextAreaField
        label={t('onward.summary')}
        name="summary"
        required
        minLength={10}
        maxLength={4000}
        rows={4}
        hint={t('onward.summaryHint')}
        value={props.resendOf?.summary ?? ''}
        error={form.errors().fields.summary}
      />
      <ChoiceGroup
        label={t('onward.shares')}
        name="share"
        type="checkbox"
        options={SHARES}
        labelOf={(s) => t(`onward.share.${s}`)}
        checked={(s) =>
          props.resendOf
            ? { name: props.resendOf.shareName, birthYear: props.resendOf.shareBirthYear, cohort: props.resendOf.shareCohort }[s]
            : false
        }
        error={form.errors().fields.share}
      />
      <Show when={props.withPlan !== false}>
        <fieldset class="subsection">
          <legend>{t('onward.proposeIntervention')}</legend>
          <div class="form-grid">
            <OptionsField
              label={t('onward.interventionType')}
              name="interventionTypeItemId"
              options={types()}
              idOf={(i) => i.id}
              labelOf={itemLabel}
              placeholder={t('common.none')}
              onChange={setType}
              error={form.errors().fields['intervention.typeItemId']}
            />
            <Show when={type()}>
              <TextField
                label={t('onward.interventionTitle')}
                name="interventionTitle"
                required
                maxLength={200}
                error={form.errors().fields.intervention}
              />
            </Show>
          </div>
        </fieldset>
      </Show>
      <Show when={props.withPlan !== false && props.data.mayDisclose}>
        <fieldset class="subsection">
          <legend>{t('onward.proposeDisclosure')}</legend>
          <ChoiceGroup
            label={t('onward.sections')}
            name="sections"
            type="checkbox"
            options={CASE_SECTIONS}
            labelOf={(s) => tKey('sections', s)}
            onChange={(s, on) => setSections(on ? [...sections(), s] : sections().filter((x) => x !== s))}
          />
          <Show when={sections().length > 0}>
            <div class="form-grid">
              <OptionsField
                label={t('onward.purpose')}
                name="purposeId"
                required
                options={props.data.purposes ?? []}
                idOf={(p) => p.id}
                labelOf={purposeLabel}
                placeholder={t('common.choose')}
                error={form.errors().fields.disclosure}
              />
              <TextField label={t('onward.purposeWords')} name="purposeWords" minLength={3} maxLength={300} />
              <LegalBasisFields
                label={t('onward.legalBasis')}
                bases={LEGAL_BASES_WITHOUT_CONSENT}
                error={(name) => form.errors().fields[name]}
              />
              <TextField label={t('onward.days')} name="days" type="number" required min={1} max={365} value={DEFAULT_DAYS} />
            </div>
          </Show>
        </fieldset>
      </Show>
      <FormActions form={form} label={t('onward.submit')} testId="onward-submit" onCancel={props.onDone} />
    </form>
  );
}
