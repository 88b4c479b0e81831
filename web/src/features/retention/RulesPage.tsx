import { For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { RequireRole } from '../../components/Shell';
import { getRules, type RetentionRule } from './api';

/** One rule's form: months and legal reference, each refusal beside its field. */
function RuleForm(props: { rule: RetentionRule }) {
  const type = () => props.rule.recordType;
  const form = useForm({
    name: `retention.setRule.${props.rule.recordType}`,
    fields: ['months', 'legalReference'],
    refresh: getRules.key,
    submit: (data) =>
      trpc.retention.setRule.mutate({
        recordType: type(),
        months: Number(field(data, 'months')),
        legalReference: field(data, 'legalReference'),
      }),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form card" novalidate data-testid={`rule-${type()}`}>
      <h2>{tKey('retention.recordTypes', type())}</h2>
      <Alert kind="error" message={form.errors().banner} />
      <Alert kind="success" message={form.confirmed() ? t('retention.rules.saved') : null} />
      <p class="muted">
        {props.rule.isDefault ? t('retention.rules.isDefault') : t('retention.rules.changed', { at: formatDate(props.rule.updatedAt) })}
      </p>
      <TextField
        label={t('retention.rules.months')}
        name="months"
        type="number"
        required
        min={1}
        max={120}
        step={1}
        value={props.rule.months}
        hint={t('retention.rules.monthsHint')}
        error={form.errors().fields.months}
      />
      <TextField
        label={t('retention.rules.legalReference')}
        name="legalReference"
        required
        minLength={3}
        maxLength={300}
        value={props.rule.legalReference}
        hint={t('retention.rules.legalReferenceHint')}
        error={form.errors().fields.legalReference}
      />
      <SubmitButton form={form} label={t('common.save')} />
    </form>
  );
}

/** Admin › Retention rules: for each kind of record, how long it is kept and under which law. */
export default function RulesPage() {
  const rules = createAsync(() => getRules());
  return (
    <section aria-labelledby="rules-title">
      <h1 id="rules-title">{t('retention.rules.title')}</h1>
      <p class="lead">{t('retention.rules.intro')}</p>
      <p>{t('retention.intro')}</p>
      <RequireRole roles={['admin']}>
        <Show when={rules()}>{(list) => <For each={list()}>{(rule) => <RuleForm rule={rule} />}</For>}</Show>
      </RequireRole>
    </section>
  );
}
