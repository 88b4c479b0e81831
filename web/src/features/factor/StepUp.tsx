import { ft } from '../../i18n/factor';
import { trpc } from '../../lib/trpc';
import { useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';

/**
 * Asked when an action answers STEP_UP_REQUIRED: a fresh code (auth.stepUp), then `onDone` retries
 * the action. `onCancel` gives up.
 */
export function StepUp(props: { onDone: () => void; onCancel: () => void }) {
  const form = useForm({
    name: 'stepUp',
    fields: ['code'],
    refresh: [],
    submit: (data) => trpc.auth.stepUp.mutate({ code: String(data.get('code') ?? '').trim() }),
    onDone: () => props.onDone(),
  });
  return (
    <section class="card" aria-labelledby="step-up-title" data-testid="step-up">
      <h2 id="step-up-title">{ft('stepUpTitle')}</h2>
      <p>{ft('stepUpIntro')}</p>
      <Alert kind="error" message={form.errors().banner} />
      <form ref={form.ref} action={form.action} method="post" class="form" data-testid="step-up-form">
        <TextField label={ft('code')} name="code" autocomplete="one-time-code" required maxLength={40} error={form.errors().fields.code} />
        <FormActions form={form} label={ft('stepUpSubmit')} onCancel={() => props.onCancel()} />
      </form>
    </section>
  );
}
