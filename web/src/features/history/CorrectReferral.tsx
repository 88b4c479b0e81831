import { Show, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { checked, field, optional, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { ChoiceGroup, OptionsField, TextAreaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Opener } from '../../components/Toggle';
import {
  COHORTS,
  CONCERN_CATEGORIES,
  SOURCES,
  URGENCIES,
  type Cohort,
  type ConcernCategory,
  type Referral,
  type Source,
  type Urgency,
} from '../referrals/api';
import { Conflict } from './Conflict';
import { theirsOf } from './values';
import { createNotice } from '../../lib/notice';

const FIELDS = ['cohort', 'source', 'urgency', 'concernCategories', 'concernCorrection'] as const;

/**
 * Corrects a referral's facts (its referrer or the coordinator). The concern is never rewritten:
 * what was wrong in it goes in a correction, a new entry of the referral's history.
 */
export function CorrectReferral(props: { referral: Referral; refresh: string[] }) {
  const r = () => props.referral;
  const [open, setOpen] = createSignal(false);
  const [saved, setSaved] = createNotice<boolean>();
  const [conflict, setConflict] = createSignal<{ theirs: Record<string, unknown> | null; yours: Record<string, unknown> } | null>(null);
  const form = useForm({
    name: `correct-referral-${r().id}`,
    fields: FIELDS,
    refresh: props.refresh,
    submit: async (data) => {
      const yours = {
        cohort: field(data, 'cohort') as Cohort,
        source: field(data, 'source') as Source,
        urgency: field(data, 'urgency') as Urgency,
        concernCategories: checked(data, 'concernCategories') as ConcernCategory[],
        concernCorrection: optional(data, 'concernCorrection'),
      };
      setConflict(null);
      try {
        return await trpc.referrals.correct.mutate({ id: r().id, version: r().version, ...yours });
      } catch (err) {
        setConflict({ theirs: theirsOf(err), yours });
        throw err;
      }
    },
    onDone: () => (setOpen(false), setSaved(true)),
  });
  return (
    <>
      <Alert kind="success" message={saved() ? t('changes.saved') : null} />
      <Opener
        open={open()}
        onOpen={() => (setOpen(true), setSaved(false))}
        label={t('changes.correctReferral')}
        class="button small"
        testId="correct-referral"
      >
        <form ref={form.ref} action={form.action} method="post" class="form compact" data-testid="correct-referral-form">
          <h3 class="h3">{t('changes.correctReferral')}</h3>
          <Alert kind="error" message={form.errors().banner} />
          <Show when={conflict()?.theirs}>
            <Conflict theirs={conflict()!.theirs} yours={conflict()!.yours} />
          </Show>
          <OptionsField
            label={t('changes.fields.urgency')}
            name="urgency"
            required
            options={URGENCIES}
            labelOf={(v) => tKey('urgencies', v)}
            selected={r().urgency}
            error={form.errors().fields.urgency}
          />
          <OptionsField
            label={t('changes.fields.cohort')}
            name="cohort"
            required
            options={COHORTS}
            labelOf={(v) => tKey('cohorts', v)}
            selected={r().cohort}
            error={form.errors().fields.cohort}
          />
          <OptionsField
            label={t('changes.fields.source')}
            name="source"
            required
            options={SOURCES}
            labelOf={(v) => tKey('sources', v)}
            selected={r().source}
            error={form.errors().fields.source}
          />
          <ChoiceGroup
            label={t('changes.fields.concernCategories')}
            name="concernCategories"
            type="checkbox"
            options={CONCERN_CATEGORIES}
            labelOf={(v) => tKey('concernCategories', v)}
            checked={(v) => r().concernCategories.includes(v)}
            error={form.errors().fields.concernCategories}
          />
          <TextAreaField
            label={t('changes.concernCorrection')}
            hint={t('changes.concernCorrectionHint')}
            name="concernCorrection"
            rows={3}
            maxLength={2000}
            dir="auto"
            error={form.errors().fields.concernCorrection}
          />
          <FormActions form={form} label={t('changes.save')} small onCancel={() => (setOpen(false), setConflict(null), form.reset())} />
        </form>
      </Opener>
    </>
  );
}
