import { onCleanup } from 'solid-js';
import { action, json, useSubmission } from '@solidjs/router';
import { formErrors } from '../../lib/errors';
import { getCase, getCases } from './api';

/**
 * A form that changes a case: runs `work` with the submitted fields, then refreshes the case page
 * and the case list. `errors()` splits a refusal between the form's `fields` and its banner.
 */
export function useCaseForm(name: string, fields: readonly string[], work: (data: FormData) => Promise<unknown>) {
  const submit = action(async (data: FormData | URLSearchParams) => {
    await work(data as FormData);
    return json({ ok: true }, { revalidate: [getCase.key, getCases.key] });
  }, name);
  const submission = useSubmission(submit);
  onCleanup(() => submission.clear());
  return { submit, submission, errors: () => formErrors(submission.error, fields) };
}

/** A submitted field's trimmed text. */
export const field = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
