import { onCleanup } from 'solid-js';
import { action, json, useSubmission } from '@solidjs/router';
import { appCodeOf, formErrors, type FormErrors } from './errors';
import { submissionKey, type Keyed } from './submission';

export interface FormOptions<T> {
  /** The action's name: unique among the forms on the page at once (`note-${caseId}`). */
  name: string;
  /** The fields the form shows: a refusal's words go beside them, the other fields' to the banner. */
  fields?: readonly string[] | (() => readonly string[]);
  /** The words for a field's problem key (and the field, when shown), when the form has its own (default: lib/errors' fieldMessage). */
  message?: (key: string, field?: string) => string;
  /** The queries to read again after a success; when left out, every query on the page is. */
  refresh?: string | string[];
  /** Empties the form after a success, ready for the next record (needs `ref={form.ref}` on the form). */
  clear?: boolean;
  /**
   * The work, with the submitted fields. `keyed` carries the submission's idempotency key (lib/submission.ts):
   * pass it to the mutation that creates a record, and to no other call of the same submission.
   */
  submit: (data: FormData, keyed: Keyed) => Promise<T>;
  /** After a success, once the form is emptied: close it, tell the page. */
  onDone?: (value: T) => void;
}

/**
 * What one submission runs: the work under the form's idempotency key (the same on every try until
 * one succeeds, a new one after), then `clear` and `onDone`. The answer is never empty, so the
 * submission keeps it (done) until cleared; with `refresh`, it names the queries to read again.
 */
export function submitter<T>(options: FormOptions<T>, form: () => HTMLFormElement | undefined) {
  const once = submissionKey();
  return async (data: FormData) => {
    const value = await once((keyed) => options.submit(data, keyed));
    if (options.clear) form()?.reset();
    options.onDone?.(value);
    const answer = { value };
    return options.refresh ? json(answer, { revalidate: options.refresh }) : answer;
  };
}

/**
 * A form that writes: `<form ref={form.ref} action={form.action} method="post">`. While it is sent,
 * `pending()`; after a success, `done()` until `reset()` or the form goes away; after a refusal,
 * `errors()` splits it between the fields (`errors().fields.name`) and the banner.
 */
export function useForm<T>(options: FormOptions<T>) {
  let element: HTMLFormElement | undefined;
  const run = action(
    submitter(options, () => element),
    options.name,
  );
  const submission = useSubmission(run);
  onCleanup(() => submission.clear());
  const shown = () => (typeof options.fields === 'function' ? options.fields() : (options.fields ?? []));
  return {
    action: run,
    ref: (el: HTMLFormElement) => (element = el),
    pending: () => !!submission.pending,
    done: () => !!submission.result,
    errors: (): FormErrors => formErrors(submission.error, shown(), options.message),
    /** The app's code of the last refusal (e.g. STEP_UP_REQUIRED), for a form that answers one itself. */
    refusal: () => (submission.error ? appCodeOf(submission.error) : null),
    reset: () => submission.clear(),
    /** Submits the form as its submit button would (the browser checks the fields first). */
    requestSubmit: () => element?.requestSubmit(),
  };
}

/** A submitted field's trimmed text. */
export const field = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
/** An optional submitted field: left out when empty. */
export const optional = (data: FormData, name: string) => field(data, name) || undefined;
/** Every checked value of a checkbox group. */
export const checked = (data: FormData, name: string) => data.getAll(name).map(String);
