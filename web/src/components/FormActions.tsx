import { Show } from 'solid-js';
import { t } from '../i18n';

interface SubmitProps {
  /** The form's state (lib/form.ts): the button waits while the form is sent. */
  form: { pending: () => boolean };
  label: string;
  /** The words while the form is sent: "Saving…" unless said; null keeps the label. */
  pendingLabel?: string | null;
  /** Primary unless said; "plain" is the outlined button. */
  look?: 'primary' | 'danger' | 'plain';
  small?: boolean;
  wide?: boolean;
  testId?: string;
}

/** A form's submit button, disabled while the form is sent. */
export function SubmitButton(props: SubmitProps) {
  const look = () => (props.look === 'plain' ? '' : ` ${props.look ?? 'primary'}`);
  const words = () => (props.form.pending() && props.pendingLabel !== null ? (props.pendingLabel ?? t('common.saving')) : props.label);
  return (
    <button
      type="submit"
      class={`button${look()}${props.small ? ' small' : ''}${props.wide ? ' wide' : ''}`}
      disabled={props.form.pending()}
      data-testid={props.testId}
    >
      {words()}
    </button>
  );
}

/** The end of a form: its submit button and, given `onCancel`, a cancel button beside it. */
export function FormActions(props: SubmitProps & { onCancel?: (() => void) | undefined }) {
  return (
    <div class="form-actions">
      <SubmitButton {...props} />
      <Show when={props.onCancel}>
        <button type="button" class={props.small ? 'button small ghost' : 'button ghost'} onClick={() => props.onCancel?.()}>
          {t('common.cancel')}
        </button>
      </Show>
    </div>
  );
}
