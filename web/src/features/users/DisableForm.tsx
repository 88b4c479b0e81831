import { For, Show } from 'solid-js';
import { ht } from '../../i18n/handover';
import { trpc } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { handoverMessage } from './HandoverForm';
import { getCaseload, getUsers, type Caseload } from './api';

/**
 * Disables the account. With work still assigned, the admin names the coordinator who confirmed they
 * will pick it up (the server refuses without one, and records who it was).
 */
export function DisableForm(props: { user: { id: string }; left: number; receivers: Caseload['receivers']; onDone: () => void }) {
  const form = useForm({
    name: `disable-${props.user.id}`,
    fields: ['pickUpConfirmedBy'],
    message: handoverMessage,
    refresh: [getUsers.key, getCaseload.key],
    submit: (data) => {
      const pickUp = field(data, 'pickUpConfirmedBy');
      return trpc.users.disable.mutate({ id: props.user.id, ...(pickUp ? { pickUpConfirmedBy: pickUp } : {}) });
    },
    onDone: () => props.onDone(),
  });
  const coordinators = () => props.receivers.filter((r) => r.role === 'coordinator');
  return (
    <form ref={form.ref} action={form.action} method="post" class="form" data-testid="disable-form">
      <h3 class="h4">{ht('disableTitle')}</h3>
      <p>{props.left ? ht('disableLeft') : ht('disableEmpty')}</p>
      <Alert kind="error" message={form.errors().banner} />
      <Show when={props.left > 0}>
        <SelectField label={ht('pickUp')} name="pickUpConfirmedBy" required error={form.errors().fields.pickUpConfirmedBy}>
          <option value="">{ht('choose')}</option>
          <For each={coordinators()}>{(c) => <option value={c.id}>{c.displayName}</option>}</For>
        </SelectField>
      </Show>
      <SubmitButton form={form} label={ht('disable')} look="danger" testId="disable-submit" />
    </form>
  );
}
