import { For, onCleanup } from 'solid-js';
import { action, json, useSubmission } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { submissionKey } from '../../lib/submission';
import { formErrors } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { AGENCY_KINDS, getAgencies, type Agency, type AgencyKind } from './api';

const FIELDS = ['name', 'kind'] as const;

/** Adds an agency, or renames / re-kinds `agency`. */
export function AgencyForm(props: { agency?: Agency; onDone: (saved: Agency) => void; onCancel?: () => void }) {
  let form: HTMLFormElement | undefined;
  const once = submissionKey();
  const save = action(
    async (data: FormData | URLSearchParams) => {
      const name = String(data.get('name') ?? '');
      const kind = String(data.get('kind') ?? '') as AgencyKind;
      const saved = props.agency
        ? await trpc.agencies.update.mutate({ id: props.agency.id, name, kind })
        : await once((keyed) => trpc.agencies.create.mutate({ name, kind }, keyed));
      if (!props.agency) form?.reset();
      props.onDone(saved);
      return json(saved, { revalidate: getAgencies.key });
    },
    `agency-${props.agency?.id ?? 'new'}`,
  );
  const submission = useSubmission(save);
  onCleanup(() => submission.clear());
  const errors = () => formErrors(submission.error, FIELDS);
  return (
    <form ref={form} action={save} method="post" class="form inline-form" data-testid={props.agency ? 'agency-edit-form' : 'agency-create-form'}>
      <Alert kind="error" message={errors().banner} />
      <div class="form-row">
        <TextField
          label={t('agencies.name')}
          name="name"
          required
          minLength={2}
          maxLength={160}
          value={props.agency?.name ?? ''}
          error={errors().fields.name}
        />
        <SelectField label={t('agencies.kind')} name="kind" required error={errors().fields.kind}>
          <For each={AGENCY_KINDS}>
            {(kind) => (
              <option value={kind} selected={(props.agency?.kind ?? 'ngo') === kind}>
                {tKey('agencyKinds', kind)}
              </option>
            )}
          </For>
        </SelectField>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={submission.pending}>
            {props.agency ? t('common.save') : t('common.create')}
          </button>
          {props.onCancel && (
            <button type="button" class="button ghost" onClick={() => props.onCancel?.()}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
