/**
 * Languages Kaiku speaks to people. Respondents get their language from the invitation or
 * contact, then Accept-Language, then the survey default; dashboard users from their profile.
 */
import { LANGUAGES, type Language } from '../vocabulary.ts';

export const uiLanguages = LANGUAGES;
export type UiLanguage = Language;

export const languageNames: Record<string, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English', pl: 'Polski' };

/** Picks the best of `available` for an Accept-Language header (q-values honoured), or undefined. */
export function fromAcceptLanguage(header: string | undefined, available: readonly string[]): string | undefined {
  if (!header) return undefined;
  const ranked = header.split(',').map((part, index) => {
    const [tag, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
  }).filter((r) => r.lang && !Number.isNaN(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((r) => available.includes(r.lang))?.lang;
}

/** First candidate that is available, else the fallback. */
export function chooseLanguage(candidates: Array<string | null | undefined>, available: readonly string[], fallback: string): string {
  return candidates.find((c): c is string => typeof c === 'string' && available.includes(c)) ?? fallback;
}

const locales: Record<string, string> = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-GB', pl: 'pl-PL' };
export const localeOf = (language: string) => locales[language] ?? 'en-GB';

/** A p-value to three decimals in the language's digits, "< 0,001" below that. */
export const formatP = (p: number, language: string): string =>
  (p < 0.001 ? `< ${formatNumber(0.001, language, 3)}` : formatNumber(p, language, 3));

export function formatNumber(value: number | null | undefined, language: string, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * A date in `language`, on the calendar of `timeZone`: the organisation's zone for an instant
 * (a case opened, a comment sent); 'UTC' for a calendar day already fixed (`YYYY-MM-DDT12:00:00Z`).
 * The zone is required, so no page can show Helsinki time to an organisation in Warsaw.
 * Calendar arithmetic in a zone (days, months, local times) is in ./calendar.ts.
 */
export function formatDate(value: Date | string, language: string, timeZone: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone, ...options }).format(new Date(value));
}
