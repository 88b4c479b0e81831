import { z } from 'zod';

/** C0 and C1 control characters but tab and line breaks: PostgreSQL refuses NUL, and none belong in typed text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Half a surrogate pair: not Unicode at all, and it cannot be stored as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** One character a reader can see: not a space, control, format character (direction mark, joiner) or lone mark. */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{M}\p{Z}]/u;

/**
 * Text a person types, trimmed. Refused as `invalid` when it holds control characters or broken
 * UTF-16, and as `required` when nothing in it is visible (only direction marks or joiners, say).
 * Chain the lengths after it: `text().min(2).max(160)`.
 */
export const text = () =>
  z
    .string()
    .trim()
    .refine((s) => !CONTROL.test(s) && !LONE_SURROGATE.test(s), { message: 'invalid', abort: true })
    .refine((s) => s === '' || VISIBLE.test(s), { message: 'required', abort: true });
