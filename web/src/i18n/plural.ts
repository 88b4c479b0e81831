import type { Flatten } from '@solid-primitives/i18n';
import { fill } from './lookup';
import { type PluralForms, pluralForm } from '../../../src/shared/plural';
import { formatLocale } from '../lib/region';
import type { Dictionary } from './en';
import { t } from './index';

type Flat = Flatten<Dictionary>;
/** The dictionary keys whose entry is counted (declared with `plural(...)`). */
export type PluralKey = { [K in keyof Flat]: Flat[K] extends string ? never : Flat[K] extends PluralForms ? K : never }[keyof Flat];

/**
 * A counted message: the form `Intl.PluralRules` picks for `count` in the current language ("صُدِّر حدث
 * واحد", "صُدِّر حدثان", "صُدِّرت 3 أحداث", "صُدِّر 11 حدثًا"), with `{{ count }}` written in the regional locale.
 */
export function tn(key: PluralKey, count: number, args: Record<string, string> = {}): string {
  const forms = (t as unknown as (k: string) => PluralForms)(key);
  const written = new Intl.NumberFormat(formatLocale()).format(count);
  return fill(pluralForm(forms, count, formatLocale()), { ...args, count: written });
}
