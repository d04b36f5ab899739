/** Texts of the overview's key-figure tiles (NPS, CSAT, CES) in Finnish, Swedish, English and Polish. */
import type { UiLanguage } from './index.ts';
import { plural, type PluralForms } from './plural.ts';

export type KpiMetric = 'nps' | 'csat' | 'ces';

export interface KpiStrings {
  heading: string;
  names: Record<KpiMetric, string>;
  /** What the figure is, under the name ("share answering 4 or 5 of 5"). */
  means: Record<KpiMetric, string>;
  /** "95 % interval 15 to 31". */
  interval: (low: string, high: string) => string;
  /** The change in the metric's unit, `#` the amount as written: NPS points, percentage points, scale points. */
  units: Record<KpiMetric, PluralForms>;
  up: (amount: string) => string;
  down: (amount: string) => string;
  flat: string;
  significant: (p: string) => string;
  notSignificant: (p: string) => string;
  /** Why there is no change to show. */
  noPrevious: string;
  /** "Compared with 1 Jan – 31 Mar 2026, a period of the same length just before." */
  compared: (from: string, to: string) => string;
}

const fi: KpiStrings = {
  heading: 'Tunnusluvut',
  names: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
  means: { nps: 'suosittelijat miinus arvostelijat, −100…100', csat: 'tyytyväisten osuus (4 tai 5 / 5)', ces: 'vaivattomuuden keskiarvo asteikolla 1–7' },
  interval: (a, b) => `95 %:n luottamusväli ${a}…${b}`,
  units: {
    nps: { one: '# piste', other: '# pistettä' },
    csat: { one: '# prosenttiyksikkö', other: '# prosenttiyksikköä' },
    ces: { one: '# asteikon piste', other: '# asteikon pistettä' },
  },
  up: (x) => `Nousu ${x} edelliseen jaksoon verrattuna`,
  down: (x) => `Lasku ${x} edelliseen jaksoon verrattuna`,
  flat: 'Ei muutosta edelliseen jaksoon verrattuna',
  significant: (p) => `tilastollisesti merkitsevä muutos (p = ${p})`,
  notSignificant: (p) => `ei tilastollisesti merkitsevä (p = ${p})`,
  noPrevious: 'Edelliseltä jaksolta ei ole tarpeeksi vastauksia vertailuun',
  compared: (a, b) => `Verrattu samanpituiseen edelliseen jaksoon ${a}–${b}.`,
};

const sv: KpiStrings = {
  heading: 'Nyckeltal',
  names: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
  means: { nps: 'promotorer minus kritiker, −100…100', csat: 'andel nöjda (4 eller 5 av 5)', ces: 'medelvärde för enkelhet på skalan 1–7' },
  interval: (a, b) => `95 % konfidensintervall ${a} till ${b}`,
  units: {
    nps: { one: '# poäng', other: '# poäng' },
    csat: { one: '# procentenhet', other: '# procentenheter' },
    ces: { one: '# skalsteg', other: '# skalsteg' },
  },
  up: (x) => `Upp ${x} jämfört med föregående period`,
  down: (x) => `Ned ${x} jämfört med föregående period`,
  flat: 'Ingen förändring jämfört med föregående period',
  significant: (p) => `en statistiskt signifikant förändring (p = ${p})`,
  notSignificant: (p) => `inte statistiskt signifikant (p = ${p})`,
  noPrevious: 'För få svar under föregående period för en jämförelse',
  compared: (a, b) => `Jämfört med lika lång period närmast före, ${a}–${b}.`,
};

const en: KpiStrings = {
  heading: 'Key figures',
  names: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
  means: { nps: 'promoters minus detractors, −100 to 100', csat: 'share satisfied (4 or 5 of 5)', ces: 'mean ease on the 1–7 scale' },
  interval: (a, b) => `95 % interval ${a} to ${b}`,
  units: {
    nps: { one: '# point', other: '# points' },
    csat: { one: '# percentage point', other: '# percentage points' },
    ces: { one: '# scale point', other: '# scale points' },
  },
  up: (x) => `Up ${x} from the previous period`,
  down: (x) => `Down ${x} from the previous period`,
  flat: 'No change from the previous period',
  significant: (p) => `a significant change (p = ${p})`,
  notSignificant: (p) => `not a significant change (p = ${p})`,
  noPrevious: 'Too few answers in the previous period to compare with',
  compared: (a, b) => `Compared with the period of the same length just before, ${a} – ${b}.`,
};

const pl: KpiStrings = {
  heading: 'Kluczowe wskaźniki',
  names: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
  means: { nps: 'promotorzy minus krytycy, od −100 do 100', csat: 'odsetek zadowolonych (4 lub 5 z 5)', ces: 'średnia łatwości w skali 1–7' },
  interval: (a, b) => `95% przedział ufności od ${a} do ${b}`,
  units: {
    nps: { one: '# punkt', few: '# punkty', many: '# punktów', other: '# punktu' },
    csat: { one: '# punkt procentowy', few: '# punkty procentowe', many: '# punktów procentowych', other: '# punktu procentowego' },
    ces: { one: '# punkt skali', few: '# punkty skali', many: '# punktów skali', other: '# punktu skali' },
  },
  up: (x) => `Wzrost o ${x} względem poprzedniego okresu`,
  down: (x) => `Spadek o ${x} względem poprzedniego okresu`,
  flat: 'Bez zmian względem poprzedniego okresu',
  significant: (p) => `zmiana istotna statystycznie (p = ${p})`,
  notSignificant: (p) => `zmiana nieistotna statystycznie (p = ${p})`,
  noPrevious: 'Za mało odpowiedzi w poprzednim okresie, by porównać',
  compared: (a, b) => `Porównanie z poprzednim okresem tej samej długości, ${a}–${b}.`,
};

const texts: Record<UiLanguage, KpiStrings> = { fi, sv, en, pl };

export const kpiText = (language: UiLanguage): KpiStrings => texts[language];

/** The amount of a change in the metric's unit, with the language's plural form. */
export const changeAmount = (language: UiLanguage, metric: KpiMetric, amount: number, written: string): string =>
  plural(language, amount, texts[language].units[metric], () => written);
