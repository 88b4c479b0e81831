import { z } from 'zod';

/** C0 and C1 control characters but tab and line breaks: PostgreSQL refuses NUL, and none belong in typed text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
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

const EARLIEST = new Date('1900-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T23:59:59Z');

/**
 * A moment a person or filter gives. JavaScript dates reach the year 275760, which PostgreSQL and
 * Prisma cannot store or compare; anything outside 1900–9999 is refused as `date_out_of_range`.
 */
export const instant = () => z.date().min(EARLIEST, { message: 'date_out_of_range' }).max(LATEST, { message: 'date_out_of_range' });

/**
 * `s` as literal text inside a LIKE/ILIKE pattern: Prisma's `contains` and `startsWith` pass their value
 * into the pattern as it is, so a "%" or "_" typed in a search box would match anything.
 */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
