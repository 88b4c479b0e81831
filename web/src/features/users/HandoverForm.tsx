import { For, Show } from 'solid-js';
import { tKey } from '../../i18n';
import { ht } from '../../i18n/handover';
import { trpc } from '../../lib/trpc';
import { fieldMessage } from '../../lib/errors';
import { field, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { mayReceive } from '../../../../src/shared/handover';
import { getCaseload, getCaseloads, type Caseload, type CaseloadItem } from './api';

type Receiver = Caseload['receivers'][number];

/** A refusal's field key in words: the handover's own, else the common ones. */
export const handoverMessage = (key: string) => {
  const own = ht(`refusals.${key}` as 'refusals.HANDOVER_INELIGIBLE');
  return typeof own === 'string' ? own : fieldMessage(key);
};

/** The colleagues who may take every one of `items` (the server checks again). */
export const receiversFor = (receivers: readonly Receiver[], items: readonly CaseloadItem[]) =>
  receivers.filter((r) => items.every((i) => mayReceive(i.kind, r, i)));

/**
 * Hands `items` (all of them when `all`) to the colleague chosen; a refusal (an ineligible or
 * disabled receiver) shows beside the choice and nothing moves.
 */
export function HandoverForm(props: { userId: string; items: CaseloadItem[]; receivers: Receiver[]; all?: boolean; testId?: string }) {
  const form = useForm({
    name: props.all ? `handover-all-${props.userId}` : `handover-${props.items[0]?.id}`,
    fields: ['toUserId'],
    message: handoverMessage,
    // The caseload and the list of those holding work; not the users list: reading it again makes new rows, which would close this panel.
    refresh: [getCaseload.key, getCaseloads.key],
    submit: (data) =>
      trpc.users.handover.mutate({
        userId: props.userId,
        toUserId: field(data, 'toUserId'),
        items: props.all ? undefined : props.items.map((i) => ({ kind: i.kind, id: i.id })),
      }),
  });
  const choices = () => receiversFor(props.receivers, props.items);
  return (
    <form ref={form.ref} action={form.action} method="post" class="form inline" data-testid={props.testId}>
      <Alert kind="error" message={form.errors().banner} />
      <Show when={choices().length > 0} fallback={<p class="muted">{ht('nobody')}</p>}>
        <SelectField label={props.all ? ht('handAll') : ht('receiver')} name="toUserId" required error={form.errors().fields.toUserId}>
          <option value="">{ht('choose')}</option>
          <For each={choices()}>{(r) => <option value={r.id}>{`${r.displayName} (${tKey('roles', r.role)})`}</option>}</For>
        </SelectField>
        <SubmitButton form={form} label={props.all ? ht('handAllButton') : ht('handOne')} pendingLabel={ht('handing')} small={!props.all} />
      </Show>
    </form>
  );
}
