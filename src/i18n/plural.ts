/**
 * Plural forms by the CLDR rules of each language (Intl.PluralRules): English, Finnish and
 * Swedish have one/other; Polish has one (1), few (2–4, 22–24, …), many (0, 5–21, 25–31, …)
 * and other (fractions). A text picks its form with `plural(language, n, forms)`; a form the
 * language does not use may be left out (`other` is the fallback).
 */
import { localeOf } from './index.ts';

export interface PluralForms { one: string; other: string; few?: string; many?: string }

const rules = new Map<string, Intl.PluralRules>();
function rulesOf(language: string): Intl.PluralRules {
  let r = rules.get(language);
  if (!r) rules.set(language, r = new Intl.PluralRules(localeOf(language)));
  return r;
}

/** The form of `forms` that `n` takes in `language` (`#` in a form is replaced by n as written by `format`). */
export function plural(language: string, n: number, forms: PluralForms, format: (n: number) => string = String): string {
  const category = rulesOf(language).select(n) as keyof PluralForms;
  return (forms[category] ?? forms.other).replaceAll('#', format(n));
}
