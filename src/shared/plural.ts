/**
 * Counted messages. Arabic has six plural forms (CLDR: zero, one, two, few 3–10, many 11–99, other
 * 100+…): "صُدِّر 1 حدثًا" is wrong, "صُدِّر حدث واحد" right. A dictionary gives the forms its language
 * needs, `other` always; the form is chosen by `Intl.PluralRules` for the count.
 */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

const rules = new Map<string, Intl.PluralRules>();

/** The form of `forms` for `count` in `locale`, falling back to `other` when the form is not given. */
export function pluralForm(forms: PluralForms, count: number, locale: string): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return forms[rule.select(count) as keyof PluralForms] ?? forms.other;
}

/** Declares a dictionary entry as counted, so every language may give the forms it needs. */
export const plural = (forms: PluralForms): PluralForms => forms;
