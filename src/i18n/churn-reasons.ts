/**
 * A churn reason in words ("3 complaints", "no effort answer", "Tenure years: 5") in Finnish,
 * Swedish, English and Polish: the experience features by phrase, with plural forms for counts;
 * the organisation's own operational keys (tenureYears, contract_type) by their words.
 */
import type { UiLanguage } from './index.ts';
import { plural, type PluralForms } from './plural.ts';

type Counted = 'complaints' | 'openCases' | 'negativeTexts';
type Scored = 'nps' | 'csat' | 'ces';

interface ReasonStrings {
  counts: Record<Counted, PluralForms>;
  /** "NPS answer 3". */
  scores: Record<Scored, (v: string) => string>;
  /** The feature when the contact has no value. */
  none: Record<Scored | 'npsChange', string>;
  npsChange: { up: (v: string) => string; down: (v: string) => string; same: string };
  /** An operational key with no value: "Tenure years not known". */
  unknown: (name: string) => string;
}

const texts: Record<UiLanguage, ReasonStrings> = {
  fi: {
    counts: {
      complaints: { one: '# reklamaatio', other: '# reklamaatiota' },
      openCases: { one: '# avoin tapaus', other: '# avointa tapausta' },
      negativeTexts: { one: '# kielteinen kommentti', other: '# kielteistä kommenttia' },
    },
    scores: { nps: (v) => `NPS-vastaus ${v}`, csat: (v) => `tyytyväisyys ${v}/5`, ces: (v) => `vaivattomuus ${v}/7` },
    none: { nps: 'ei NPS-vastausta', csat: 'ei tyytyväisyysvastausta', ces: 'ei vaivattomuusvastausta', npsChange: 'ei aiempaa NPS-vastausta' },
    npsChange: { up: (v) => `NPS-vastaus noussut ${v}`, down: (v) => `NPS-vastaus laskenut ${v}`, same: 'NPS-vastaus ennallaan' },
    unknown: (name) => `${name}: ei tiedossa`,
  },
  sv: {
    counts: {
      complaints: { one: '# reklamation', other: '# reklamationer' },
      openCases: { one: '# öppet ärende', other: '# öppna ärenden' },
      negativeTexts: { one: '# negativ kommentar', other: '# negativa kommentarer' },
    },
    scores: { nps: (v) => `NPS-svar ${v}`, csat: (v) => `nöjdhet ${v}/5`, ces: (v) => `enkelhet ${v}/7` },
    none: { nps: 'inget NPS-svar', csat: 'inget nöjdhetssvar', ces: 'inget svar om ansträngning', npsChange: 'inget tidigare NPS-svar' },
    npsChange: { up: (v) => `NPS-svaret upp ${v}`, down: (v) => `NPS-svaret ned ${v}`, same: 'NPS-svaret oförändrat' },
    unknown: (name) => `${name}: okänt`,
  },
  en: {
    counts: {
      complaints: { one: '# complaint', other: '# complaints' },
      openCases: { one: '# open case', other: '# open cases' },
      negativeTexts: { one: '# negative comment', other: '# negative comments' },
    },
    scores: { nps: (v) => `NPS answer ${v}`, csat: (v) => `satisfaction ${v} of 5`, ces: (v) => `ease ${v} of 7` },
    none: { nps: 'no NPS answer', csat: 'no satisfaction answer', ces: 'no effort answer', npsChange: 'no earlier NPS answer' },
    npsChange: { up: (v) => `NPS answer up ${v}`, down: (v) => `NPS answer down ${v}`, same: 'NPS answer unchanged' },
    unknown: (name) => `${name}: not known`,
  },
  pl: {
    counts: {
      complaints: { one: '# reklamacja', few: '# reklamacje', many: '# reklamacji', other: '# reklamacji' },
      openCases: { one: '# otwarta sprawa', few: '# otwarte sprawy', many: '# otwartych spraw', other: '# otwartej sprawy' },
      negativeTexts: { one: '# negatywny komentarz', few: '# negatywne komentarze', many: '# negatywnych komentarzy', other: '# negatywnego komentarza' },
    },
    scores: { nps: (v) => `odpowiedź NPS ${v}`, csat: (v) => `zadowolenie ${v}/5`, ces: (v) => `łatwość ${v}/7` },
    none: { nps: 'brak odpowiedzi NPS', csat: 'brak oceny zadowolenia', ces: 'brak oceny wysiłku', npsChange: 'brak wcześniejszej odpowiedzi NPS' },
    npsChange: { up: (v) => `odpowiedź NPS wyższa o ${v}`, down: (v) => `odpowiedź NPS niższa o ${v}`, same: 'odpowiedź NPS bez zmian' },
    unknown: (name) => `${name}: brak danych`,
  },
};

/** An operational key in words: "tenureYears" and "tenure_years" → "Tenure years". */
export function keyInWords(key: string): string {
  const words = key.replace(/([a-z\d])([A-Z])/g, '$1 $2').replace(/[_\-.]+/g, ' ').trim().toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

/** The reason in words; `format` writes a number in the reader's language. */
export function churnReasonWords(language: UiLanguage, reason: { feature: string; value: number | string | null }, format: (n: number) => string): string {
  const s = texts[language];
  const { feature, value } = reason;
  const n = typeof value === 'number' ? value : null;
  switch (feature) {
    case 'complaints': case 'openCases': case 'negativeTexts':
      return plural(language, n ?? 0, s.counts[feature], format);
    case 'nps': case 'csat': case 'ces':
      return n === null ? s.none[feature] : s.scores[feature](format(n));
    case 'npsChange':
      if (n === null) return s.none.npsChange;
      return n === 0 ? s.npsChange.same : n > 0 ? s.npsChange.up(format(n)) : s.npsChange.down(format(-n));
    default: {
      const name = keyInWords(feature);
      if (value === null) return s.unknown(name);
      return `${name}: ${typeof value === 'number' ? format(value) : value}`;
    }
  }
}
