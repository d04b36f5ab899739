/** Texts of the board report, the praise wall and the feedback pages in Finnish, Swedish, English and Polish. */
import type { UiLanguage } from './index.ts';

export interface BoardReportStrings {
  locale: string;
  title: string;
  subtitle: (organisation: string, month: string) => string;
  generated: string;
  headlines: string;
  metricNames: { nps: string; csat: string; ces: string };
  previousMonth: string;
  change: string;
  significant: string;
  notSignificant: string;
  answers: string;
  interval: string;
  trend: (metric: string) => string;
  journeys: string;
  journey: string;
  stage: string;
  drivers: string;
  driversOf: (survey: string, n: number, r2: string) => string;
  driver: string;
  importance: string;
  performance: string;
  noData: string;
  topics: string;
  topic: string;
  mentions: string;
  negativeShare: string;
  cases: string;
  caseFigures: {
    cases: string; open: string; overdue: string; medianHoursToFirstAction: string; withinSlaShare: string; reopenRate: string;
    detractorsFollowedUp: string; recovered: string; recoveryRate: string;
  };
  actionPlans: string;
  plan: string;
  status: string;
  starts: string;
  before: string;
  after: string;
  notStarted: string;
  hidden: string;
  emailSubject: (organisation: string, month: string) => string;
  emailBody: (organisation: string, month: string) => string;
}

const fi: BoardReportStrings = {
  locale: 'fi-FI',
  title: 'Hallituksen asiakaskokemusraportti',
  subtitle: (o, m) => `${o} · ${m}`,
  generated: 'Laadittu',
  headlines: 'Päämittarit',
  metricNames: { nps: 'NPS', csat: 'CSAT (tyytyväiset, %)', ces: 'CES (keskiarvo 1–7)' },
  previousMonth: 'Edellinen kuukausi',
  change: 'Muutos',
  significant: 'tilastollisesti merkitsevä',
  notSignificant: 'ei merkitsevä',
  answers: 'vastausta',
  interval: '95 %:n luottamusväli',
  trend: (m) => `${m}: 12 kuukauden kehitys`,
  journeys: 'Asiakaspolku vaiheittain',
  journey: 'Polku',
  stage: 'Vaihe',
  drivers: 'Tärkeimmät suositteluun vaikuttavat tekijät',
  driversOf: (s, n, r2) => `${s}: ${n} vastaajaa, selitysaste R² ${r2}`,
  driver: 'Tekijä',
  importance: 'Painoarvo',
  performance: 'Taso',
  noData: 'Ei riittävästi aineistoa',
  topics: 'Avointen vastausten aiheet',
  topic: 'Aihe',
  mentions: 'Mainintoja',
  negativeShare: 'Kielteisiä',
  cases: 'Palautteisiin reagointi',
  caseFigures: {
    cases: 'Tapauksia', open: 'Avoinna', overdue: 'Myöhässä', medianHoursToFirstAction: 'Ensimmäinen toimenpide (mediaani, h)',
    withinSlaShare: 'Ratkaistu määräajassa', reopenRate: 'Uudelleen avattuja', detractorsFollowedUp: 'Arvostelijoita seurattu',
    recovered: 'Palautettuja arvostelijoita', recoveryRate: 'Palautusaste',
  },
  actionPlans: 'Kehitystoimenpiteet',
  plan: 'Toimenpide',
  status: 'Tila',
  starts: 'Alkaa',
  before: 'Ennen',
  after: 'Jälkeen',
  notStarted: 'ei alkanut',
  hidden: 'piilotettu (liian vähän vastauksia)',
  emailSubject: (o, m) => `Asiakaskokemusraportti ${m} – ${o}`,
  emailBody: (o, m) => `Liitteenä ${o}:n asiakaskokemusraportti kuukaudelta ${m}.`,
};

const sv: BoardReportStrings = {
  ...fi,
  locale: 'sv-SE',
  title: 'Styrelsens kundupplevelserapport',
  generated: 'Skapad',
  headlines: 'Nyckeltal',
  metricNames: { nps: 'NPS', csat: 'CSAT (nöjda, %)', ces: 'CES (medel 1–7)' },
  previousMonth: 'Föregående månad',
  change: 'Förändring',
  significant: 'statistiskt signifikant',
  notSignificant: 'inte signifikant',
  answers: 'svar',
  interval: '95 % konfidensintervall',
  trend: (m) => `${m}: utveckling över 12 månader`,
  journeys: 'Kundresan steg för steg',
  journey: 'Resa',
  stage: 'Steg',
  drivers: 'Viktigaste drivkrafterna för rekommendation',
  driversOf: (s, n, r2) => `${s}: ${n} svarande, förklaringsgrad R² ${r2}`,
  driver: 'Faktor',
  importance: 'Vikt',
  performance: 'Nivå',
  noData: 'För lite data',
  topics: 'Ämnen i fritextsvaren',
  topic: 'Ämne',
  mentions: 'Omnämnanden',
  negativeShare: 'Negativa',
  cases: 'Uppföljning av feedback',
  caseFigures: {
    cases: 'Ärenden', open: 'Öppna', overdue: 'Försenade', medianHoursToFirstAction: 'Första åtgärd (median, h)',
    withinSlaShare: 'Lösta i tid', reopenRate: 'Återöppnade', detractorsFollowedUp: 'Kritiker följda upp',
    recovered: 'Återvunna kritiker', recoveryRate: 'Återvinningsgrad',
  },
  actionPlans: 'Förbättringsåtgärder',
  plan: 'Åtgärd',
  status: 'Status',
  starts: 'Startar',
  before: 'Före',
  after: 'Efter',
  notStarted: 'inte startad',
  hidden: 'dold (för få svar)',
  emailSubject: (o, m) => `Kundupplevelserapport ${m} – ${o}`,
  emailBody: (o, m) => `Bifogat finns ${o}s kundupplevelserapport för ${m}.`,
};

const en: BoardReportStrings = {
  ...fi,
  locale: 'en-GB',
  title: 'Customer experience board report',
  generated: 'Generated',
  headlines: 'Headline metrics',
  metricNames: { nps: 'NPS', csat: 'CSAT (satisfied, %)', ces: 'CES (mean 1–7)' },
  previousMonth: 'Previous month',
  change: 'Change',
  significant: 'statistically significant',
  notSignificant: 'not significant',
  answers: 'answers',
  interval: '95 % confidence interval',
  trend: (m) => `${m}: 12-month trend`,
  journeys: 'Customer journey by stage',
  journey: 'Journey',
  stage: 'Stage',
  drivers: 'Top drivers of recommendation',
  driversOf: (s, n, r2) => `${s}: ${n} respondents, R² ${r2}`,
  driver: 'Driver',
  importance: 'Importance',
  performance: 'Performance',
  noData: 'Not enough data',
  topics: 'Topics in open answers',
  topic: 'Topic',
  mentions: 'Mentions',
  negativeShare: 'Negative',
  cases: 'Closing the loop',
  caseFigures: {
    cases: 'Cases', open: 'Open', overdue: 'Overdue', medianHoursToFirstAction: 'Time to first response (median, h)',
    withinSlaShare: 'Resolved within SLA', reopenRate: 'Re-opened', detractorsFollowedUp: 'Detractors followed up',
    recovered: 'Recovered detractors', recoveryRate: 'Recovery rate',
  },
  actionPlans: 'Action plans',
  plan: 'Plan',
  status: 'Status',
  starts: 'Starts',
  before: 'Before',
  after: 'After',
  notStarted: 'not started',
  hidden: 'hidden (too few answers)',
  emailSubject: (o, m) => `Customer experience report ${m} – ${o}`,
  emailBody: (o, m) => `Attached is ${o}'s customer experience report for ${m}.`,
};

const pl: BoardReportStrings = {
  ...fi,
  locale: 'pl-PL',
  title: 'Raport doświadczeń klientów dla zarządu',
  generated: 'Wygenerowano',
  headlines: 'Główne wskaźniki',
  metricNames: { nps: 'NPS', csat: 'CSAT (zadowoleni, %)', ces: 'CES (średnia 1–7)' },
  previousMonth: 'Poprzedni miesiąc',
  change: 'Zmiana',
  significant: 'istotna statystycznie',
  notSignificant: 'nieistotna',
  answers: 'odpowiedzi',
  interval: '95% przedział ufności',
  trend: (m) => `${m}: trend 12 miesięcy`,
  journeys: 'Ścieżka klienta według etapów',
  journey: 'Ścieżka',
  stage: 'Etap',
  drivers: 'Najważniejsze czynniki rekomendacji',
  driversOf: (s, n, r2) => `${s}: ${n} respondentów, R² ${r2}`,
  driver: 'Czynnik',
  importance: 'Waga',
  performance: 'Poziom',
  noData: 'Za mało danych',
  topics: 'Tematy odpowiedzi otwartych',
  topic: 'Temat',
  mentions: 'Wzmianki',
  negativeShare: 'Negatywne',
  cases: 'Zamykanie pętli',
  caseFigures: {
    cases: 'Sprawy', open: 'Otwarte', overdue: 'Po terminie', medianHoursToFirstAction: 'Pierwsza reakcja (mediana, h)',
    withinSlaShare: 'Rozwiązane w terminie', reopenRate: 'Ponownie otwarte', detractorsFollowedUp: 'Krytycy po kontakcie',
    recovered: 'Odzyskani krytycy', recoveryRate: 'Wskaźnik odzyskania',
  },
  actionPlans: 'Plany działań',
  plan: 'Działanie',
  status: 'Status',
  starts: 'Początek',
  before: 'Przed',
  after: 'Po',
  notStarted: 'nie rozpoczęto',
  hidden: 'ukryte (za mało odpowiedzi)',
  emailSubject: (o, m) => `Raport doświadczeń klientów ${m} – ${o}`,
  emailBody: (o, m) => `W załączniku raport doświadczeń klientów (${o}) za ${m}.`,
};

const all: Record<UiLanguage, BoardReportStrings> = { fi, sv, en, pl };

export const boardReportText = (language: UiLanguage): BoardReportStrings => all[language];

/** The praise wall and the feedback pages (src/pages/loop-pages.ts). */
export interface LoopPageStrings {
  praiseTitle: string;
  praiseIntro: string;
  noPraise: string;
  older: string;
  feedbackTitle: string;
  feedbackIntro: (minGroupSize: number) => string;
  yourFeedback: (name: string, unit: string) => string;
  unitFeedback: (unit: string) => string;
  chooseUnit: string;
  show: string;
  people: string;
  person: string;
  nps: string;
  answers: string;
  month: string;
  hidden: string;
  customersSaid: string;
  noEmployeeRecord: string;
  /** Column headers of the praise wall's download. */
  date: string;
  unit: string;
  touchpoint: string;
  words: string;
}

const loopPages: Record<UiLanguage, LoopPageStrings> = {
  fi: {
    praiseTitle: 'Kiitosseinä', praiseIntro: 'Asiakkaiden kiitokset työntekijöillemme ja yksiköillemme. Henkilötiedot on poistettu.',
    noPraise: 'Ei vielä kiitoksia.', older: 'Vanhemmat',
    feedbackTitle: 'Palaute työstämme', feedbackIntro: (n) => `Henkilökohtaiset luvut näytetään, kun vastauksia on vähintään ${n}.`,
    yourFeedback: (name, unit) => `${name} (${unit})`, unitFeedback: (unit) => `Yksikkö: ${unit}`, chooseUnit: 'Yksikkö', show: 'Näytä',
    people: 'Henkilöt', person: 'Henkilö', nps: 'NPS', answers: 'Vastauksia', month: 'Kuukausi', hidden: 'liian vähän vastauksia',
    customersSaid: 'Asiakkaiden sanoin', noEmployeeRecord: 'Käyttäjätunnukseesi ei ole liitetty työntekijätietoja.',
    date: 'Päivä', unit: 'Yksikkö', touchpoint: 'Kohtaamispiste', words: 'Asiakkaan sanat',
  },
  sv: {
    praiseTitle: 'Berömväggen', praiseIntro: 'Kundernas beröm till våra medarbetare och enheter. Personuppgifter är borttagna.',
    noPraise: 'Inget beröm ännu.', older: 'Äldre',
    feedbackTitle: 'Feedback på vårt arbete', feedbackIntro: (n) => `Personliga siffror visas från ${n} svar.`,
    yourFeedback: (name, unit) => `${name} (${unit})`, unitFeedback: (unit) => `Enhet: ${unit}`, chooseUnit: 'Enhet', show: 'Visa',
    people: 'Medarbetare', person: 'Medarbetare', nps: 'NPS', answers: 'Svar', month: 'Månad', hidden: 'för få svar',
    customersSaid: 'Med kundernas ord', noEmployeeRecord: 'Ditt konto är inte kopplat till någon medarbetare.',
    date: 'Datum', unit: 'Enhet', touchpoint: 'Kontaktpunkt', words: 'Kundens ord',
  },
  en: {
    praiseTitle: 'Praise wall', praiseIntro: 'What customers praised in our people and units. Personal data is removed.',
    noPraise: 'No praise yet.', older: 'Older',
    feedbackTitle: 'Feedback on our work', feedbackIntro: (n) => `Figures of a person show from ${n} answers on.`,
    yourFeedback: (name, unit) => `${name} (${unit})`, unitFeedback: (unit) => `Unit: ${unit}`, chooseUnit: 'Unit', show: 'Show',
    people: 'People', person: 'Person', nps: 'NPS', answers: 'Answers', month: 'Month', hidden: 'too few answers',
    customersSaid: 'In the customers\' words', noEmployeeRecord: 'Your login is not linked to an employee record.',
    date: 'Date', unit: 'Unit', touchpoint: 'Touchpoint', words: 'Customer\'s words',
  },
  pl: {
    praiseTitle: 'Ściana pochwał', praiseIntro: 'Pochwały klientów dla naszych pracowników i zespołów. Dane osobowe zostały usunięte.',
    noPraise: 'Brak pochwał.', older: 'Starsze',
    feedbackTitle: 'Opinie o naszej pracy', feedbackIntro: (n) => `Wyniki osób są pokazywane od ${n} odpowiedzi.`,
    yourFeedback: (name, unit) => `${name} (${unit})`, unitFeedback: (unit) => `Zespół: ${unit}`, chooseUnit: 'Zespół', show: 'Pokaż',
    people: 'Osoby', person: 'Osoba', nps: 'NPS', answers: 'Odpowiedzi', month: 'Miesiąc', hidden: 'za mało odpowiedzi',
    customersSaid: 'Słowami klientów', noEmployeeRecord: 'Twoje konto nie jest powiązane z pracownikiem.',
    date: 'Data', unit: 'Zespół', touchpoint: 'Punkt styku', words: 'Słowa klienta',
  },
};

export const loopPageText = (language: UiLanguage): LoopPageStrings => loopPages[language];
