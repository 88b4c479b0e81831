import { ft } from '../../i18n/factor';
import { trpc } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { getFactorResets, getUsers, type User } from './api';

/** An admin asks for an account's second factor to be reset, saying why; a second person confirms. */
export function FactorResetForm(props: { user: User; onDone: () => void; onCancel: () => void }) {
  const form = useForm({
    name: `factor-reset-${props.user.id}`,
    fields: ['reason'],
    refresh: [getUsers.key, getFactorResets.key],
    submit: (data) => trpc.users.requestFactorReset.mutate({ id: props.user.id, reason: field(data, 'reason') }),
    onDone: () => props.onDone(),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form" data-testid="factor-reset-form">
      <p>{ft('resets.requestConfirm')}</p>
      <Alert kind="error" message={form.errors().banner} />
      <TextAreaField
        label={ft('resets.reason')}
        name="reason"
        required
        minLength={10}
        maxLength={500}
        rows={3}
        hint={ft('resets.reasonHint')}
        error={form.errors().fields.reason}
      />
      <FormActions form={form} label={ft('resets.send')} onCancel={() => props.onCancel()} />
    </form>
  );
}
