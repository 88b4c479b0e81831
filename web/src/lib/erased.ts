import type { TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '../../../src/trpc/router';
import { ERASED_TEXT } from '../../../src/shared/erased';

/** A copy of `value` in which every erased text (its record key was destroyed) reads `words`. */
export function showErased<T>(value: T, words: string): T {
  if (value === ERASED_TEXT) return words as T;
  if (Array.isArray(value)) return value.map((v) => showErased(v, words)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, showErased(v, words)])) as T;
  }
  return value;
}

/** The words erased text reads as: the interface's, once the dictionaries are loaded (lib/session.ts sets it). */
let erasedWords = () => '(erased)';
export function setErasedWords(words: () => string) {
  erasedWords = words;
}

/**
 * Every page shows erased free text in the reader's language, not the server's marker. Subject access
 * keeps the marker: its document says "erased" in the person's language (features/subject-access).
 */
export const erasedLink: TRPCLink<AppRouter> =
  () =>
  ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next(value) {
          const result = value.result;
          if (op.path.startsWith('subjectAccess.') || !('data' in result) || (result.type !== undefined && result.type !== 'data')) {
            return observer.next(value);
          }
          observer.next({ ...value, result: { ...result, data: showErased(result.data, erasedWords()) } });
        },
        error: (err) => observer.error(err),
        complete: () => observer.complete(),
      }),
    );
