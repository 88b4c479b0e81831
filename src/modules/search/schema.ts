import { z } from 'zod';
import { text } from '../../lib/text.js';
import { BirthYear } from '../people/schema.js';
import { asciiDigits } from '../../shared/digits.js';

/**
 * One search box: a name in either script (with an optional birth year), a case reference
 * (the municipality's code, a dash, digits: "TUN-2026"), or a birth year alone ("1994").
 */
export const SearchInput = z.object({
  query: text().min(2).max(160).transform(asciiDigits),
  birthYear: BirthYear.optional(),
});
export type SearchInput = z.infer<typeof SearchInput>;

/** What the query is read as. A reference starts with the code (a letter first) then a dash; a year is four digits. */
export type SearchKind = 'name' | 'reference' | 'year';

export function kindOf(query: string): SearchKind {
  if (/^\d{4}$/.test(query)) return 'year';
  if (/^[A-Za-z][A-Za-z0-9]{1,11}-[0-9-]*$/.test(query)) return 'reference';
  return 'name';
}
