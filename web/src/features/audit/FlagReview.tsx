import { t } from '../../i18n';
import { field, useForm } from '../../lib/form';
import { fieldMessage } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { Alert } from '../../components/Alert';
import { ChoiceGroup, TextAreaField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';

const DECISIONS = ['reviewed', 'escalated'] as const;

/**
 * The auditor's review of an open flag: reviewed or escalated, with a note either way. The note is
 * not `required` in the page: the server's refusal says why in the reader's language.
 */
export function FlagReview(props: { id: string }) {
  const form = useForm({
    name: `flag-review-${props.id}`,
    fields: ['status', 'note'],
    message: (key) => (key === 'too_small' ? t('flag.form.noteRequired') : fieldMessage(key)),
    refresh: ['auditFlag', 'auditFlags'],
    submit: (data) =>
      trpc.audit.reviewFlag.mutate({
        id: props.id,
        status: field(data, 'status') === 'escalated' ? 'escalated' : 'reviewed',
        note: field(data, 'note'),
      }),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form card" data-testid="flag-review-form">
      <h3>{t('flag.form.title')}</h3>
      <Alert kind="error" message={form.errors().banner} />
      <ChoiceGroup
        label={t('flag.form.decision')}
        name="status"
        type="radio"
        options={DECISIONS}
        labelOf={(d) => t(`flag.form.${d}`)}
        checked={(d) => d === 'reviewed'}
        error={form.errors().fields.status}
      />
      <TextAreaField
        label={t('flag.note')}
        name="note"
        rows={4}
        maxLength={4000}
        hint={t('flag.form.noteHint')}
        error={form.errors().fields.note}
      />
      <SubmitButton form={form} label={t('flag.form.submit')} testId="flag-review-submit" />
    </form>
  );
}
