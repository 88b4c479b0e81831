import type { Dictionary } from './en';
import type { Locale } from '../../../src/shared/vocabulary';

/**
 * The words of the app's areas (referrals, cases, meetings, … : the dictionaries under i18n/<area>/)
 * in one language. In the sources en.ts, ar.ts and fr.ts spread them in, so there is nothing more to
 * fetch and this answers nothing. The web build (web/split-dictionaries.ts) takes them out of the
 * language's first chunk and answers them from here instead: the sign-in page needs none of them.
 */
export async function areasOf(_locale: Locale): Promise<Partial<Dictionary>> {
  return {};
}
