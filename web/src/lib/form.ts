import { createSignal, onCleanup } from 'solid-js';
import { action, json, useSubmission } from '@solidjs/router';
import { FormInvalid, appCodeOf, fieldMessage, formErrors, type FormErrors } from './errors';
import { submissionKey, type Keyed } from './submission';
import { actionCount, actionStarted } from './notice';

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
export function submitter<T>(options: FormOptions<T>, form: () => HTMLFormElement | undefined, onStart?: (action: number) => void) {
  const once = submissionKey();
  return async (data: FormData) => {
    // A new action: the confirmations and errors of earlier ones leave the screen (lib/notice.ts).
    const started = actionStarted();
    onStart?.(started);
    const element = form();
    if (element) checkFields(element);
    const value = await once((keyed) => options.submit(data, keyed));
    if (options.clear) form()?.reset();
    options.onDone?.(value);
    const answer = { value };
    return options.refresh ? json(answer, { revalidate: options.refresh }) : answer;
  };
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isControl = (el: Element): el is Control =>
  el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

/** The problem key (as the server's, translated under `validation.`) for what the browser found wrong. */
function problemOf(control: Control): string {
  const v = control.validity;
  // A choice left empty asks to choose; a box left empty asks for it.
  if (v.valueMissing) return control instanceof HTMLSelectElement || control.type === 'radio' ? 'invalid_value' : 'required';
  if (v.tooShort) return 'too_small';
  if (v.tooLong) return 'too_big';
  if (v.rangeUnderflow || v.rangeOverflow) return control.type === 'date' ? 'date_out_of_range' : 'invalid';
  if (v.typeMismatch || v.patternMismatch || v.badInput) return 'invalid_format';
  return 'invalid';
}

/**
 * The form's own check before anything is sent, in place of the browser's bubbles (the kit's forms are
 * `novalidate`, so the messages are the app's, in the interface language, beside the field): throws
 * FormInvalid naming each field that fails its constraints (required, lengths, formats, ranges) and
 * moves the focus to the first of them.
 */
export function checkFields(form: HTMLFormElement) {
  const fields: Record<string, string> = {};
  const labels: Record<string, string> = {};
  let first: Control | undefined;
  for (const el of Array.from(form.elements)) {
    if (!isControl(el) || !el.name || !el.willValidate || el.validity.valid) continue;
    if (fields[el.name]) continue;
    fields[el.name] = problemOf(el);
    const legend = el.closest('fieldset')?.querySelector('legend')?.textContent;
    const label = el.type === 'radio' || el.type === 'checkbox' ? legend : el.labels?.[0]?.textContent;
    if (label) labels[el.name] = label.trim();
    first ??= el;
  }
  for (const group of Array.from(form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-choose-one]'))) {
    const name = group.dataset.chooseOne!;
    if (fields[name] || group.querySelector('input:checked')) continue;
    fields[name] = 'chooseOne';
    const legend = group.querySelector('legend')?.textContent;
    if (legend) labels[name] = legend.trim();
    first ??= group.querySelector('input') ?? undefined;
  }
  if (!first) return;
  first.focus();
  throw new FormInvalid(fields, labels);
}

/**
 * A form that writes: `<form ref={form.ref} action={form.action} method="post">`. While it is sent,
 * `pending()`; after a success, `done()` until `reset()` or the form goes away, and `confirmed()` (for
 * the confirmation's words) until the next action anywhere on the page; after a refusal, `errors()`
 * splits it between the fields (`errors().fields.name`) and the banner, until the next action.
 */
export function useForm<T>(options: FormOptions<T>) {
  let element: HTMLFormElement | undefined;
  // The number of this form's last action: its confirmation and its error are shown while it is the latest.
  const [started, setStarted] = createSignal(-1);
  const run = action(
    submitter(options, () => element, setStarted),
    options.name,
  );
  const latest = () => started() === actionCount();
  const submission = useSubmission(run);
  onCleanup(() => submission.clear());
  const shown = () => (typeof options.fields === 'function' ? options.fields() : (options.fields ?? []));
  // Fields edited since the last refusal: their old error is no longer shown (the next submission checks again).
  const [edited, setEdited] = createSignal<ReadonlySet<string>>(new Set());
  const onEdit = (e: Event) => {
    const name = (e.target as Partial<Control> | null)?.name;
    if (name && submission.error && !edited().has(name)) setEdited(new Set([...edited(), name]));
  };
  // A list of boxes the server found too short had none ticked: say so ("Choose at least one"), not "Too short".
  const boxes = (name?: string) => !!name && !!element?.querySelector(`input[type=checkbox][name="${CSS.escape(name)}"]`);
  const message = (key: string, name?: string) =>
    key === 'too_small' && boxes(name) ? fieldMessage('chooseOne') : (options.message ?? fieldMessage)(key, name);
  const errors = (): FormErrors => {
    // An old refusal does not stay on screen once another action has started (this form's or another's).
    const all = formErrors(latest() ? submission.error : undefined, shown(), message);
    const fields = Object.fromEntries(Object.entries(all.fields).filter(([name]) => !edited().has(name)));
    return { banner: all.banner, fields };
  };
  return {
    action: run,
    ref: (el: HTMLFormElement) => {
      element = el;
      // The app's own messages beside the fields, never the browser's bubbles (checkFields runs on submit).
      el.noValidate = true;
      el.addEventListener('input', onEdit);
      el.addEventListener('change', onEdit);
      el.addEventListener('submit', () => setEdited(new Set<string>()), { capture: true });
    },
    pending: () => !!submission.pending,
    done: () => !!submission.result,
    /** The success is the latest action: show its confirmation (a later attempt, even a failed one, hides it). */
    confirmed: () => !!submission.result && latest(),
    errors,
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
