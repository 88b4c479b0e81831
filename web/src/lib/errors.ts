import { t, tKey } from '../i18n';
import { formatDateTime } from './format';
import { isClientError } from './trpc';

/** The app error code of anything a call threw; "NETWORK" when no server answered. */
export function appCodeOf(err: unknown): string {
  if (isClientError(err)) return err.data?.appCode ?? 'NETWORK';
  return 'INTERNAL';
}

const ISO_DATE = /^\d{4}-\d\d-\d\dT/;

/** The translated message for an error code, with its safe facts (a lock's end) formatted. */
export function errorMessage(err: unknown): string {
  const info = isClientError(err) ? err.data?.info : null;
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries(info ?? {})) args[k] = typeof v === 'string' && ISO_DATE.test(v) ? formatDateTime(v) : String(v);
  return tKey('errors', appCodeOf(err), t('errors.INTERNAL'), args);
}

/** A field's problem key (a zod code, or an app code like EMAIL_TAKEN), translated. */
export const fieldMessage = (key: string) => tKey('validation', key, tKey('errors', key, t('validation.invalid')));

/**
 * The form's own check failed before anything was sent (lib/form.ts): each field's problem key, and
 * the words naming the field (its label) for a field the form does not show an error beside.
 */
export class FormInvalid extends Error {
  constructor(
    readonly fields: Record<string, string>,
    readonly labels: Record<string, string> = {},
  ) {
    super('FORM_INVALID');
  }
}

export interface FormErrors {
  /** What to announce above the form; null when everything is said at the fields. */
  banner: string | null;
  /** Field name to translated message, only for fields the form shows. */
  fields: Record<string, string>;
}

/**
 * Splits an error between the form's fields and its banner; fields the form lacks go to the banner.
 * A nested path (`weekendDays.0`, an item of a list) goes to its field when the form shows that.
 * `message` words a field's problem key, given the field (a form may have its own words for some).
 */
export function formErrors(
  err: unknown,
  shown: readonly string[],
  message: (key: string, field?: string) => string = fieldMessage,
): FormErrors {
  if (err === undefined || err === null) return { banner: null, fields: {} };
  const local = err instanceof FormInvalid ? err : null;
  const raw = local ? local.fields : isClientError(err) ? (err.data?.fields ?? {}) : {};
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [path, key] of Object.entries(raw)) {
    const name = shown.includes(path) ? path : shown.find((f) => path.startsWith(`${f}.`));
    if (name) fields[name] ??= message(key, name);
    else {
      const label = local?.labels[path];
      elsewhere.push(label ? `${label}: ${message(key, path)}` : message(key));
    }
  }
  if (Object.keys(fields).length === 0) return { banner: [errorMessage(err), ...elsewhere].join(' '), fields };
  return { banner: [t('errors.BAD_INPUT'), ...elsewhere].join(' '), fields };
}
