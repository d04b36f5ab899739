/**
 * Everything a respondent reads on a survey page that the survey itself does not say:
 * buttons, scale end labels, validation messages, and the pages around the form.
 * Finnish, Swedish, English and Polish; any other survey language falls back to English.
 */
import type { UiLanguage } from './index.ts';

export type ConditionOp = 'eq' | 'neq' | 'lte' | 'gte' | 'in' | 'answered';
type ScaleEnds = { low: string; high: string };

export interface SurveyStrings {
  required: string;
  requiredNote: string;
  submit: string;
  languageNav: string;
  errorTitlePrefix: string;
  errorSummaryTitle: string;
  errorRequired: string;
  errorRange: (min: number, max: number) => string;
  errorOption: string;
  errorTooLong: (max: number) => string;
  errorEmpty: string;
  errorInvalid: string;
  textLimit: (max: number) => string;
  multiHint: string;
  dontKnow: string;
  /** End labels shown with the numbers, so a scale never relies on position or colour alone. */
  ends: { nps: ScaleEnds; csat: ScaleEnds; agreement: ScaleEnds; rating: ScaleEnds };
  /** "(answer if …)" shown when JavaScript cannot hide a conditional question. */
  condition: (op: ConditionOp, question: string, value: string) => string;
  notFoundTitle: string;
  notFoundBody: string;
  endedTitle: string;
  endedBody: string;
  alreadyTitle: string;
  alreadyBody: string;
  thanksTitle: string;
  thanksBody: string;
  failedTitle: string;
  failedBody: string;
  /** The form came back before it could be stored (sent very fast, or the page was open for over a day): answers kept, one more press stores them. */
  confirmBody: string;
}

const fi: SurveyStrings = {
  required: '(pakollinen)',
  requiredNote: 'Pakolliset kysymykset on merkitty tekstillä (pakollinen). Muihin voit vastata, jos haluat.',
  submit: 'Lähetä vastaukset',
  languageNav: 'Kieli',
  errorTitlePrefix: 'Virhe: ',
  errorSummaryTitle: 'Tarkista vastauksesi',
  errorRequired: 'Vastaa tähän kysymykseen.',
  errorRange: (min, max) => `Valitse luku väliltä ${min}–${max}.`,
  errorOption: 'Valitse jokin annetuista vaihtoehdoista.',
  errorTooLong: (max) => `Vastaus on liian pitkä (enintään ${max} merkkiä).`,
  errorEmpty: 'Vastaa vähintään yhteen kysymykseen.',
  errorInvalid: 'Tarkista tämä vastaus.',
  textLimit: (max) => `Enintään ${max} merkkiä.`,
  multiHint: 'Voit valita useamman vaihtoehdon.',
  dontKnow: 'En osaa sanoa / ei kokemusta',
  ends: {
    nps: { low: 'En lainkaan todennäköisesti', high: 'Erittäin todennäköisesti' },
    csat: { low: 'Erittäin tyytymätön', high: 'Erittäin tyytyväinen' },
    agreement: { low: 'Täysin eri mieltä', high: 'Täysin samaa mieltä' },
    rating: { low: 'Heikoin', high: 'Paras' },
  },
  condition: (op, q, v) => {
    if (op === 'answered') return `Vastaa, jos vastasit kysymykseen ”${q}”.`;
    const relation = { eq: `oli ${v}`, neq: `ei ollut ${v}`, lte: `oli ${v} tai vähemmän`, gte: `oli ${v} tai enemmän`, in: `oli jokin näistä: ${v}` }[op];
    return `Vastaa, jos vastauksesi kysymykseen ”${q}” ${relation}.`;
  },
  notFoundTitle: 'Kyselyä ei löytynyt',
  notFoundBody: 'Tarkista linkki. Jos kopioit sen viestistä, varmista, että koko osoite tuli mukaan.',
  endedTitle: 'Kysely on päättynyt',
  endedBody: 'Tähän kyselyyn ei voi enää vastata. Kiitos mielenkiinnostasi!',
  alreadyTitle: 'Olet jo vastannut',
  alreadyBody: 'Vastauksesi on jo tallennettu. Kiitos, että vastasit!',
  thanksTitle: 'Kiitos vastauksestasi!',
  thanksBody: 'Vastauksesi on tallennettu. Palautteesi auttaa meitä parantamaan palveluamme.',
  failedTitle: 'Jotain meni vikaan',
  failedBody: 'Vastaustasi ei voitu tallentaa. Yritä hetken kuluttua uudelleen.',
  confirmBody: 'Tarkista vielä vastauksesi ja vahvista ne painamalla uudelleen ”Lähetä vastaukset”.',
};

const sv: SurveyStrings = {
  required: '(obligatorisk)',
  requiredNote: 'Obligatoriska frågor är märkta med (obligatorisk). Övriga kan du besvara om du vill.',
  submit: 'Skicka svaren',
  languageNav: 'Språk',
  errorTitlePrefix: 'Fel: ',
  errorSummaryTitle: 'Kontrollera dina svar',
  errorRequired: 'Svara på den här frågan.',
  errorRange: (min, max) => `Välj ett tal från ${min} till ${max}.`,
  errorOption: 'Välj ett av de givna alternativen.',
  errorTooLong: (max) => `Svaret är för långt (högst ${max} tecken).`,
  errorEmpty: 'Svara på minst en fråga.',
  errorInvalid: 'Kontrollera det här svaret.',
  textLimit: (max) => `Högst ${max} tecken.`,
  multiHint: 'Du kan välja flera alternativ.',
  dontKnow: 'Vet inte / ingen erfarenhet',
  ends: {
    nps: { low: 'Inte alls troligt', high: 'Mycket troligt' },
    csat: { low: 'Mycket missnöjd', high: 'Mycket nöjd' },
    agreement: { low: 'Instämmer inte alls', high: 'Instämmer helt' },
    rating: { low: 'Sämst', high: 'Bäst' },
  },
  condition: (op, q, v) => {
    if (op === 'answered') return `Svara om du har svarat på frågan ”${q}”.`;
    const relation = { eq: `var ${v}`, neq: `inte var ${v}`, lte: `var ${v} eller lägre`, gte: `var ${v} eller högre`, in: `var något av: ${v}` }[op];
    return `Svara om ditt svar på frågan ”${q}” ${relation}.`;
  },
  notFoundTitle: 'Enkäten hittades inte',
  notFoundBody: 'Kontrollera länken. Om du kopierade den från ett meddelande, se till att hela adressen kom med.',
  endedTitle: 'Enkäten har avslutats',
  endedBody: 'Det går inte längre att svara på den här enkäten. Tack för ditt intresse!',
  alreadyTitle: 'Du har redan svarat',
  alreadyBody: 'Dina svar har redan sparats. Tack för att du svarade!',
  thanksTitle: 'Tack för ditt svar!',
  thanksBody: 'Dina svar har sparats. Din feedback hjälper oss att förbättra vår service.',
  failedTitle: 'Något gick fel',
  failedBody: 'Dina svar kunde inte sparas. Försök igen om en stund.',
  confirmBody: 'Kontrollera dina svar och bekräfta dem genom att trycka på ”Skicka svaren” en gång till.',
};

const en: SurveyStrings = {
  required: '(required)',
  requiredNote: 'Required questions are marked (required). You can answer the others if you wish.',
  submit: 'Send answers',
  languageNav: 'Language',
  errorTitlePrefix: 'Error: ',
  errorSummaryTitle: 'Please check your answers',
  errorRequired: 'Please answer this question.',
  errorRange: (min, max) => `Choose a number from ${min} to ${max}.`,
  errorOption: 'Choose one of the options given.',
  errorTooLong: (max) => `The answer is too long (at most ${max} characters).`,
  errorEmpty: 'Please answer at least one question.',
  errorInvalid: 'Please check this answer.',
  textLimit: (max) => `Up to ${max} characters.`,
  multiHint: 'You can choose more than one.',
  dontKnow: "Don't know / no experience",
  ends: {
    nps: { low: 'Not at all likely', high: 'Extremely likely' },
    csat: { low: 'Very dissatisfied', high: 'Very satisfied' },
    agreement: { low: 'Strongly disagree', high: 'Strongly agree' },
    rating: { low: 'Lowest', high: 'Highest' },
  },
  condition: (op, q, v) => {
    if (op === 'answered') return `Answer if you answered “${q}”.`;
    const relation = { eq: `was ${v}`, neq: `was not ${v}`, lte: `was ${v} or less`, gte: `was ${v} or more`, in: `was one of: ${v}` }[op];
    return `Answer if your answer to “${q}” ${relation}.`;
  },
  notFoundTitle: 'Survey not found',
  notFoundBody: 'Please check the link. If you copied it from a message, make sure the whole address was included.',
  endedTitle: 'This survey has ended',
  endedBody: 'This survey no longer accepts answers. Thank you for your interest!',
  alreadyTitle: 'You have already answered',
  alreadyBody: 'Your answers were saved earlier. Thank you for taking part!',
  thanksTitle: 'Thank you for your answers!',
  thanksBody: 'Your answers have been saved. Your feedback helps us improve our service.',
  failedTitle: 'Something went wrong',
  failedBody: 'Your answers could not be saved. Please try again in a moment.',
  confirmBody: 'Please check your answers and confirm them by pressing “Send answers” once more.',
};

const pl: SurveyStrings = {
  required: '(wymagane)',
  requiredNote: 'Pytania wymagające odpowiedzi są oznaczone jako (wymagane). Na pozostałe możesz odpowiedzieć, jeśli chcesz.',
  submit: 'Wyślij odpowiedzi',
  languageNav: 'Język',
  errorTitlePrefix: 'Błąd: ',
  errorSummaryTitle: 'Sprawdź swoje odpowiedzi',
  errorRequired: 'Odpowiedz na to pytanie.',
  errorRange: (min, max) => `Wybierz liczbę od ${min} do ${max}.`,
  errorOption: 'Wybierz jedną z podanych odpowiedzi.',
  errorTooLong: (max) => `Odpowiedź jest za długa (maksymalnie ${max} znaków).`,
  errorEmpty: 'Odpowiedz na co najmniej jedno pytanie.',
  errorInvalid: 'Sprawdź tę odpowiedź.',
  textLimit: (max) => `Maksymalnie ${max} znaków.`,
  multiHint: 'Możesz wybrać kilka odpowiedzi.',
  dontKnow: 'Nie wiem / brak doświadczenia',
  ends: {
    nps: { low: 'Zdecydowanie nie', high: 'Zdecydowanie tak' },
    csat: { low: 'Bardzo niezadowolony(-a)', high: 'Bardzo zadowolony(-a)' },
    agreement: { low: 'Zdecydowanie się nie zgadzam', high: 'Zdecydowanie się zgadzam' },
    rating: { low: 'Najniższa ocena', high: 'Najwyższa ocena' },
  },
  condition: (op, q, v) => {
    if (op === 'answered') return `Odpowiedz, jeśli udzielono odpowiedzi na pytanie „${q}”.`;
    const relation = { eq: `to ${v}`, neq: `to nie ${v}`, lte: `to ${v} lub mniej`, gte: `to ${v} lub więcej`, in: `to jedna z: ${v}` }[op];
    return `Odpowiedz, jeśli Twoja odpowiedź na pytanie „${q}” ${relation}.`;
  },
  notFoundTitle: 'Nie znaleziono ankiety',
  notFoundBody: 'Sprawdź link. Jeśli został skopiowany z wiadomości, upewnij się, że skopiowano cały adres.',
  endedTitle: 'Ankieta została zakończona',
  endedBody: 'Ta ankieta nie przyjmuje już odpowiedzi. Dziękujemy za zainteresowanie!',
  alreadyTitle: 'Odpowiedź została już wysłana',
  alreadyBody: 'Twoje odpowiedzi zostały już zapisane. Dziękujemy za udział!',
  thanksTitle: 'Dziękujemy za odpowiedź!',
  thanksBody: 'Twoje odpowiedzi zostały zapisane. Twoja opinia pomaga nam ulepszać nasze usługi.',
  failedTitle: 'Coś poszło nie tak',
  failedBody: 'Nie udało się zapisać odpowiedzi. Spróbuj ponownie za chwilę.',
  confirmBody: 'Sprawdź odpowiedzi i potwierdź je, naciskając jeszcze raz „Wyślij odpowiedzi”.',
};

export const surveyStrings: Record<UiLanguage, SurveyStrings> = { fi, sv, en, pl };

/** Strings for a page in `language`, and the language they are actually in (for `lang` attributes). */
export function stringsFor(language: string): { strings: SurveyStrings; language: UiLanguage } {
  const known = (Object.keys(surveyStrings) as UiLanguage[]).find((l) => l === language);
  return known ? { strings: surveyStrings[known], language: known } : { strings: en, language: 'en' };
}
