/**
 * Texts of the journey map and the touchpoint / question pages in Finnish, Swedish, English
 * and Polish. Filter labels, channel, phase and band names come from dashboard.ts.
 */
import type { UiLanguage } from './index.ts';

type MetricKey = 'nps' | 'csat' | 'ces' | 'likert';
type Direction = 'up' | 'down' | 'flat';
type Dim = 'unit' | 'channel' | 'segment' | 'employee';

export interface JourneyPageStrings {
  mapTitle: string;
  mapIntro: string;
  metric: string;
  statement: string;
  metricNames: Record<MetricKey, string>;
  /** What a change is counted in ('' for NPS points where the metric name says it). */
  unitOf: Record<MetricKey, string>;
  comparePersonas: string;
  journeysHeading: string;
  personaColumn: (persona: string) => string;
  wholeSlice: string;
  previousPeriod: (from: string, to: string) => string;
  mapLegend: (minGroupSize: number) => string;
  noStages: string;
  noTouchpoints: string;
  noStatementsTitle: string;
  noStatementsBody: string;
  tableOf: (journey: string) => string;
  value: string;
  changeHeading: string;
  pValue: string;
  noChange: string;
  changeSentence: (direction: Direction, signed: string, unit: string, significant: boolean, p: string) => string;
  breadcrumb: string;
  touchpointIntro: string;
  questionIntro: string;
  notFound: string;
  trendOf: (metric: string) => string;
  trendPoint: (month: string, value: string, low: string, high: string, n: string) => string;
  distribution: string;
  distributionOf: (metric: string) => string;
  distributionDesc: (n: string) => string;
  distributionBar: (score: string, count: string, share: string) => string;
  score: string;
  share: string;
  likertHeading: string;
  likertIntro: string;
  likertDesc: (statements: number) => string;
  likertRow: (statement: string, disagree: string, neutral: string, agree: string, dontKnow: string) => string;
  noLikert: string;
  disagree: string;
  neutral: string;
  agree: string;
  dontKnow: string;
  breakdowns: string;
  breakdownLegend: (minGroupSize: number) => string;
  byDimension: Record<Dim, string>;
  dimensionName: Record<Dim, string>;
  breakdownCaption: (dimension: string, metric: string) => string;
  none: string;
  verbatims: string;
  verbatimsIntro: string;
  noVerbatims: string;
  sentimentLabel: string;
  sentiments: Record<'positive' | 'neutral' | 'negative', string>;
  topics: string;
  cases: string;
  casesCaption: (touchpoint: string) => string;
  noCases: string;
  caseTitle: string;
  caseStatus: string;
  casePriority: string;
  caseOpened: string;
  statuses: Record<string, string>;
  priorities: Record<string, string>;
}

const en: JourneyPageStrings = {
  mapTitle: 'Journey map',
  mapIntro: 'Every journey’s stages and touchpoints, coloured by the metric you choose. Each cell prints its value, the number of answers and the change against the previous period of the same length.',
  metric: 'Metric',
  statement: 'Statement',
  metricNames: { nps: 'NPS', csat: 'CSAT (top-2-box)', ces: 'CES (mean, 1–7)', likert: 'Agree (Likert)' },
  unitOf: { nps: 'NPS points', csat: 'percentage points', ces: 'scale points', likert: 'percentage points' },
  comparePersonas: 'Compare personas side by side',
  journeysHeading: 'Journeys',
  personaColumn: (p) => `Persona: ${p}`,
  wholeSlice: 'All touchpoints shown',
  previousPeriod: (from, to) => `compared with ${from} – ${to}`,
  mapLegend: (min) => `Colours are bands (critical, fair, good, excellent) and every band is also written out. ▲ ▼ ▶ show the change against the previous period; * marks a change that is statistically significant (p < 0.05). Groups of fewer than ${min} answers show no figure.`,
  noStages: 'This journey has no stages yet.',
  noTouchpoints: 'No touchpoints in this stage.',
  noStatementsTitle: 'No Likert statements',
  noStatementsBody: 'None of your surveys asks a Likert statement yet. Choose another metric.',
  tableOf: (j) => `${j}: touchpoints as a table`,
  value: 'Value',
  changeHeading: 'Change vs previous period',
  pValue: 'p',
  noChange: 'no comparison',
  changeSentence: (direction, signed, unit, significant, p) =>
    `${direction === 'up' ? 'Up' : direction === 'down' ? 'Down' : 'Unchanged'} ${signed} ${unit} on the previous period, ${significant ? 'statistically significant' : 'not statistically significant'} (p = ${p})`,
  breadcrumb: 'You are here',
  touchpointIntro: 'One touchpoint in detail: trend, distribution of scores, statements, breakdowns, the customers’ words and the cases opened here.',
  questionIntro: 'One question in detail, across every touchpoint where it is asked.',
  notFound: 'Not found — it may have been removed, or it belongs to another organisation.',
  trendOf: (m) => `${m} by month`,
  trendPoint: (month, value, low, high, n) => `${month}: ${value} (95 % CI ${low} … ${high}, n = ${n})`,
  distribution: 'Distribution of scores',
  distributionOf: (m) => `Distribution of scores: ${m}`,
  distributionDesc: (n) => `Share of the ${n} answers at each score; don’t know, when asked, is shown last as a share of all answers.`,
  distributionBar: (score, count, share) => `${score}: ${count} answers (${share})`,
  score: 'Score',
  share: 'Share',
  likertHeading: 'Statements (Likert 1–7)',
  likertIntro: 'Disagree (1–3), neutral (4) and agree (5–7) as shares of the answers on the scale; don’t know is shown apart, as a share of all answers.',
  likertDesc: (k) => `Diverging bars of ${k} statement(s): disagree to the left, agree to the right of the neutral middle.`,
  likertRow: (st, d, n, a, dk) => `${st}: disagree ${d}, neutral ${n}, agree ${a}; don’t know ${dk}`,
  noLikert: 'No statements were answered here in this period (or too few answers to show).',
  disagree: 'Disagree',
  neutral: 'Neutral',
  agree: 'Agree',
  dontKnow: 'Don’t know',
  breakdowns: 'Breakdowns',
  breakdownLegend: (min) => `Groups of fewer than ${min} answers show no figure; figures of a person are hidden below that size.`,
  byDimension: { unit: 'By unit', channel: 'By channel', segment: 'By segment', employee: 'By employee' },
  dimensionName: { unit: 'Unit', channel: 'Channel', segment: 'Segment', employee: 'Employee' },
  breakdownCaption: (d, m) => `${m}: ${d.toLowerCase()}`,
  none: '(none)',
  verbatims: 'What customers said',
  verbatimsIntro: 'The latest open answers, with personal data (e-mail, phone, personal identity codes, account and card numbers) removed.',
  noVerbatims: 'No open answers in this period, or too few answers to show them.',
  sentimentLabel: 'Sentiment',
  sentiments: { positive: 'positive', neutral: 'neutral', negative: 'negative' },
  topics: 'Topics',
  cases: 'Cases',
  casesCaption: (tp) => `Latest cases at ${tp}`,
  noCases: 'No cases opened here.',
  caseTitle: 'Case',
  caseStatus: 'Status',
  casePriority: 'Priority',
  caseOpened: 'Opened',
  statuses: { new: 'new', in_progress: 'in progress', waiting_customer: 'waiting for customer', resolved: 'resolved', closed: 'closed' },
  priorities: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
};

const fi: JourneyPageStrings = {
  mapTitle: 'Polkukartta',
  mapIntro: 'Jokaisen palvelupolun vaiheet ja kohtaamispisteet valitsemasi mittarin mukaan väritettyinä. Jokaisessa solussa on arvo, vastausten määrä ja muutos edelliseen yhtä pitkään jaksoon.',
  metric: 'Mittari',
  statement: 'Väittämä',
  metricNames: { nps: 'NPS', csat: 'CSAT (kaksi parasta)', ces: 'CES (keskiarvo, 1–7)', likert: 'Samaa mieltä (Likert)' },
  unitOf: { nps: 'NPS-pistettä', csat: 'prosenttiyksikköä', ces: 'asteikon pistettä', likert: 'prosenttiyksikköä' },
  comparePersonas: 'Vertaa persoonia rinnakkain',
  journeysHeading: 'Palvelupolut',
  personaColumn: (p) => `Persoona: ${p}`,
  wholeSlice: 'Kaikki näytetyt kohtaamispisteet',
  previousPeriod: (from, to) => `verrattuna jaksoon ${from} – ${to}`,
  mapLegend: (min) => `Värit ovat tasoja (kriittinen, kohtalainen, hyvä, erinomainen), ja taso on myös kirjoitettu näkyviin. ▲ ▼ ▶ kertovat muutoksen edelliseen jaksoon; * merkitsee tilastollisesti merkitsevää muutosta (p < 0,05). Alle ${min} vastauksen ryhmistä ei näytetä lukua.`,
  noStages: 'Tällä polulla ei ole vielä vaiheita.',
  noTouchpoints: 'Tässä vaiheessa ei ole kohtaamispisteitä.',
  noStatementsTitle: 'Ei Likert-väittämiä',
  noStatementsBody: 'Mikään kyselyistänne ei vielä kysy Likert-väittämää. Valitse toinen mittari.',
  tableOf: (j) => `${j}: kohtaamispisteet taulukkona`,
  value: 'Arvo',
  changeHeading: 'Muutos edelliseen jaksoon',
  pValue: 'p-arvo',
  noChange: 'ei vertailua',
  changeSentence: (direction, signed, unit, significant, p) =>
    `${direction === 'up' ? 'Nousua' : direction === 'down' ? 'Laskua' : 'Ei muutosta'} ${signed} ${unit} edelliseen jaksoon, ${significant ? 'tilastollisesti merkitsevä' : 'ei tilastollisesti merkitsevä'} (p = ${p})`,
  breadcrumb: 'Olet tässä',
  touchpointIntro: 'Yksi kohtaamispiste tarkemmin: kehitys, pisteiden jakauma, väittämät, erittelyt, asiakkaiden sanat ja täällä avatut tapaukset.',
  questionIntro: 'Yksi kysymys tarkemmin kaikissa kohtaamispisteissä, joissa sitä kysytään.',
  notFound: 'Ei löytynyt – se on ehkä poistettu tai kuuluu toiselle organisaatiolle.',
  trendOf: (m) => `${m} kuukausittain`,
  trendPoint: (month, value, low, high, n) => `${month}: ${value} (95 %:n lv. ${low} … ${high}, n = ${n})`,
  distribution: 'Pisteiden jakauma',
  distributionOf: (m) => `Pisteiden jakauma: ${m}`,
  distributionDesc: (n) => `Kunkin pistemäärän osuus ${n} vastauksesta; en osaa sanoa -vastaukset näytetään viimeisenä osuutena kaikista vastauksista.`,
  distributionBar: (score, count, share) => `${score}: ${count} vastausta (${share})`,
  score: 'Pisteet',
  share: 'Osuus',
  likertHeading: 'Väittämät (Likert 1–7)',
  likertIntro: 'Eri mieltä (1–3), neutraali (4) ja samaa mieltä (5–7) osuuksina asteikolla vastanneista; en osaa sanoa näytetään erikseen osuutena kaikista vastauksista.',
  likertDesc: (k) => `Hajaantuvat palkit, ${k} väittämää: eri mieltä vasemmalla, samaa mieltä oikealla neutraalin keskikohdan molemmin puolin.`,
  likertRow: (st, d, n, a, dk) => `${st}: eri mieltä ${d}, neutraali ${n}, samaa mieltä ${a}; en osaa sanoa ${dk}`,
  noLikert: 'Täällä ei vastattu väittämiin tällä jaksolla (tai vastauksia on liian vähän näytettäväksi).',
  disagree: 'Eri mieltä',
  neutral: 'Neutraali',
  agree: 'Samaa mieltä',
  dontKnow: 'En osaa sanoa',
  breakdowns: 'Erittelyt',
  breakdownLegend: (min) => `Alle ${min} vastauksen ryhmistä ei näytetä lukua; henkilön luvut piilotetaan tätä pienemmissä ryhmissä.`,
  byDimension: { unit: 'Yksiköittäin', channel: 'Kanavittain', segment: 'Segmenteittäin', employee: 'Työntekijöittäin' },
  dimensionName: { unit: 'Yksikkö', channel: 'Kanava', segment: 'Segmentti', employee: 'Työntekijä' },
  breakdownCaption: (d, m) => `${m}: ${d.toLowerCase()}`,
  none: '(ei mitään)',
  verbatims: 'Mitä asiakkaat sanoivat',
  verbatimsIntro: 'Uusimmat avoimet vastaukset, joista henkilötiedot (sähköposti, puhelinnumero, henkilötunnus, tili- ja korttinumerot) on poistettu.',
  noVerbatims: 'Ei avoimia vastauksia tällä jaksolla, tai vastauksia on liian vähän näytettäväksi.',
  sentimentLabel: 'Sävy',
  sentiments: { positive: 'myönteinen', neutral: 'neutraali', negative: 'kielteinen' },
  topics: 'Aiheet',
  cases: 'Tapaukset',
  casesCaption: (tp) => `Uusimmat tapaukset: ${tp}`,
  noCases: 'Täällä ei ole avattu tapauksia.',
  caseTitle: 'Tapaus',
  caseStatus: 'Tila',
  casePriority: 'Kiireellisyys',
  caseOpened: 'Avattu',
  statuses: { new: 'uusi', in_progress: 'työn alla', waiting_customer: 'odottaa asiakasta', resolved: 'ratkaistu', closed: 'suljettu' },
  priorities: { low: 'matala', normal: 'normaali', high: 'korkea', urgent: 'kiireellinen' },
};

const sv: JourneyPageStrings = {
  mapTitle: 'Resekarta',
  mapIntro: 'Varje kundresas steg och kontaktpunkter, färgade efter det mått du väljer. Varje cell visar värdet, antalet svar och förändringen mot föregående lika långa period.',
  metric: 'Mått',
  statement: 'Påstående',
  metricNames: { nps: 'NPS', csat: 'CSAT (två högsta)', ces: 'CES (medelvärde, 1–7)', likert: 'Instämmer (Likert)' },
  unitOf: { nps: 'NPS-poäng', csat: 'procentenheter', ces: 'skalpoäng', likert: 'procentenheter' },
  comparePersonas: 'Jämför personas sida vid sida',
  journeysHeading: 'Kundresor',
  personaColumn: (p) => `Persona: ${p}`,
  wholeSlice: 'Alla visade kontaktpunkter',
  previousPeriod: (from, to) => `jämfört med ${from} – ${to}`,
  mapLegend: (min) => `Färgerna är nivåer (kritisk, godtagbar, bra, utmärkt) och nivån står också i text. ▲ ▼ ▶ visar förändringen mot föregående period; * markerar en statistiskt signifikant förändring (p < 0,05). Grupper med färre än ${min} svar visar ingen siffra.`,
  noStages: 'Den här kundresan har inga steg ännu.',
  noTouchpoints: 'Inga kontaktpunkter i det här steget.',
  noStatementsTitle: 'Inga Likert-påståenden',
  noStatementsBody: 'Ingen av era enkäter ställer ännu ett Likert-påstående. Välj ett annat mått.',
  tableOf: (j) => `${j}: kontaktpunkterna som tabell`,
  value: 'Värde',
  changeHeading: 'Förändring mot föregående period',
  pValue: 'p-värde',
  noChange: 'ingen jämförelse',
  changeSentence: (direction, signed, unit, significant, p) =>
    `${direction === 'up' ? 'Upp' : direction === 'down' ? 'Ned' : 'Oförändrat'} ${signed} ${unit} mot föregående period, ${significant ? 'statistiskt signifikant' : 'inte statistiskt signifikant'} (p = ${p})`,
  breadcrumb: 'Du är här',
  touchpointIntro: 'En kontaktpunkt i detalj: utveckling, poängfördelning, påståenden, uppdelningar, kundernas ord och ärenden som öppnats här.',
  questionIntro: 'En fråga i detalj, över alla kontaktpunkter där den ställs.',
  notFound: 'Hittades inte – den kan ha tagits bort eller tillhöra en annan organisation.',
  trendOf: (m) => `${m} per månad`,
  trendPoint: (month, value, low, high, n) => `${month}: ${value} (95 % KI ${low} … ${high}, n = ${n})`,
  distribution: 'Poängfördelning',
  distributionOf: (m) => `Poängfördelning: ${m}`,
  distributionDesc: (n) => `Andel av de ${n} svaren per poäng; vet inte visas sist som andel av alla svar.`,
  distributionBar: (score, count, share) => `${score}: ${count} svar (${share})`,
  score: 'Poäng',
  share: 'Andel',
  likertHeading: 'Påståenden (Likert 1–7)',
  likertIntro: 'Instämmer inte (1–3), neutral (4) och instämmer (5–7) som andelar av svaren på skalan; vet inte visas separat som andel av alla svar.',
  likertDesc: (k) => `Divergerande staplar för ${k} påstående(n): instämmer inte till vänster, instämmer till höger om den neutrala mitten.`,
  likertRow: (st, d, n, a, dk) => `${st}: instämmer inte ${d}, neutral ${n}, instämmer ${a}; vet inte ${dk}`,
  noLikert: 'Inga påståenden besvarades här under perioden (eller för få svar för att visas).',
  disagree: 'Instämmer inte',
  neutral: 'Neutral',
  agree: 'Instämmer',
  dontKnow: 'Vet inte',
  breakdowns: 'Uppdelningar',
  breakdownLegend: (min) => `Grupper med färre än ${min} svar visar ingen siffra; en persons siffror döljs under den storleken.`,
  byDimension: { unit: 'Per enhet', channel: 'Per kanal', segment: 'Per segment', employee: 'Per medarbetare' },
  dimensionName: { unit: 'Enhet', channel: 'Kanal', segment: 'Segment', employee: 'Medarbetare' },
  breakdownCaption: (d, m) => `${m}: ${d.toLowerCase()}`,
  none: '(ingen)',
  verbatims: 'Vad kunderna sa',
  verbatimsIntro: 'De senaste öppna svaren, med personuppgifter (e-post, telefon, personnummer, konto- och kortnummer) borttagna.',
  noVerbatims: 'Inga öppna svar under perioden, eller för få svar för att visa dem.',
  sentimentLabel: 'Ton',
  sentiments: { positive: 'positiv', neutral: 'neutral', negative: 'negativ' },
  topics: 'Ämnen',
  cases: 'Ärenden',
  casesCaption: (tp) => `Senaste ärenden: ${tp}`,
  noCases: 'Inga ärenden har öppnats här.',
  caseTitle: 'Ärende',
  caseStatus: 'Status',
  casePriority: 'Prioritet',
  caseOpened: 'Öppnat',
  statuses: { new: 'nytt', in_progress: 'pågår', waiting_customer: 'väntar på kunden', resolved: 'löst', closed: 'stängt' },
  priorities: { low: 'låg', normal: 'normal', high: 'hög', urgent: 'brådskande' },
};

const pl: JourneyPageStrings = {
  mapTitle: 'Mapa ścieżek',
  mapIntro: 'Etapy i punkty styku każdej ścieżki klienta, pokolorowane według wybranego wskaźnika. Każda komórka podaje wartość, liczbę odpowiedzi i zmianę względem poprzedniego okresu tej samej długości.',
  metric: 'Wskaźnik',
  statement: 'Stwierdzenie',
  metricNames: { nps: 'NPS', csat: 'CSAT (dwie najwyższe)', ces: 'CES (średnia, 1–7)', likert: 'Zgadzam się (Likert)' },
  unitOf: { nps: 'pkt NPS', csat: 'pkt proc.', ces: 'pkt skali', likert: 'pkt proc.' },
  comparePersonas: 'Porównaj persony obok siebie',
  journeysHeading: 'Ścieżki klienta',
  personaColumn: (p) => `Persona: ${p}`,
  wholeSlice: 'Wszystkie pokazane punkty styku',
  previousPeriod: (from, to) => `w porównaniu z ${from} – ${to}`,
  mapLegend: (min) => `Kolory to poziomy (krytyczny, przeciętny, dobry, doskonały), a poziom jest też wypisany słownie. ▲ ▼ ▶ pokazują zmianę względem poprzedniego okresu; * oznacza zmianę istotną statystycznie (p < 0,05). Grupy z mniej niż ${min} odpowiedziami nie pokazują wartości.`,
  noStages: 'Ta ścieżka nie ma jeszcze etapów.',
  noTouchpoints: 'Brak punktów styku na tym etapie.',
  noStatementsTitle: 'Brak stwierdzeń Likerta',
  noStatementsBody: 'Żadna z ankiet nie zadaje jeszcze stwierdzenia Likerta. Wybierz inny wskaźnik.',
  tableOf: (j) => `${j}: punkty styku jako tabela`,
  value: 'Wartość',
  changeHeading: 'Zmiana względem poprzedniego okresu',
  pValue: 'wartość p',
  noChange: 'brak porównania',
  changeSentence: (direction, signed, unit, significant, p) =>
    `${direction === 'up' ? 'Wzrost' : direction === 'down' ? 'Spadek' : 'Bez zmian'} ${signed} ${unit} względem poprzedniego okresu, ${significant ? 'istotny statystycznie' : 'nieistotny statystycznie'} (p = ${p})`,
  breadcrumb: 'Jesteś tutaj',
  touchpointIntro: 'Jeden punkt styku w szczegółach: trend, rozkład ocen, stwierdzenia, podziały, słowa klientów i otwarte tu sprawy.',
  questionIntro: 'Jedno pytanie w szczegółach, we wszystkich punktach styku, w których jest zadawane.',
  notFound: 'Nie znaleziono – mogło zostać usunięte lub należy do innej organizacji.',
  trendOf: (m) => `${m} według miesięcy`,
  trendPoint: (month, value, low, high, n) => `${month}: ${value} (95 % PU ${low} … ${high}, n = ${n})`,
  distribution: 'Rozkład ocen',
  distributionOf: (m) => `Rozkład ocen: ${m}`,
  distributionDesc: (n) => `Udział każdej oceny wśród ${n} odpowiedzi; „nie wiem” pokazano na końcu jako udział wszystkich odpowiedzi.`,
  distributionBar: (score, count, share) => `${score}: ${count} odpowiedzi (${share})`,
  score: 'Ocena',
  share: 'Udział',
  likertHeading: 'Stwierdzenia (Likert 1–7)',
  likertIntro: 'Nie zgadzam się (1–3), neutralnie (4) i zgadzam się (5–7) jako udziały odpowiedzi na skali; „nie wiem” pokazano osobno jako udział wszystkich odpowiedzi.',
  likertDesc: (k) => `Słupki rozbieżne dla ${k} stwierdzeń: nie zgadzam się po lewej, zgadzam się po prawej od neutralnego środka.`,
  likertRow: (st, d, n, a, dk) => `${st}: nie zgadzam się ${d}, neutralnie ${n}, zgadzam się ${a}; nie wiem ${dk}`,
  noLikert: 'W tym okresie nie odpowiadano tu na stwierdzenia (lub odpowiedzi jest za mało, by je pokazać).',
  disagree: 'Nie zgadzam się',
  neutral: 'Neutralnie',
  agree: 'Zgadzam się',
  dontKnow: 'Nie wiem',
  breakdowns: 'Podziały',
  breakdownLegend: (min) => `Grupy z mniej niż ${min} odpowiedziami nie pokazują wartości; wyniki osoby są wtedy ukryte.`,
  byDimension: { unit: 'Według jednostki', channel: 'Według kanału', segment: 'Według segmentu', employee: 'Według pracownika' },
  dimensionName: { unit: 'Jednostka', channel: 'Kanał', segment: 'Segment', employee: 'Pracownik' },
  breakdownCaption: (d, m) => `${m}: ${d.toLowerCase()}`,
  none: '(brak)',
  verbatims: 'Co mówili klienci',
  verbatimsIntro: 'Najnowsze odpowiedzi otwarte, z usuniętymi danymi osobowymi (e-mail, telefon, numery identyfikacyjne, numery kont i kart).',
  noVerbatims: 'Brak odpowiedzi otwartych w tym okresie lub za mało odpowiedzi, by je pokazać.',
  sentimentLabel: 'Wydźwięk',
  sentiments: { positive: 'pozytywny', neutral: 'neutralny', negative: 'negatywny' },
  topics: 'Tematy',
  cases: 'Sprawy',
  casesCaption: (tp) => `Najnowsze sprawy: ${tp}`,
  noCases: 'Nie otwarto tu żadnych spraw.',
  caseTitle: 'Sprawa',
  caseStatus: 'Status',
  casePriority: 'Priorytet',
  caseOpened: 'Otwarto',
  statuses: { new: 'nowa', in_progress: 'w toku', waiting_customer: 'czeka na klienta', resolved: 'rozwiązana', closed: 'zamknięta' },
  priorities: { low: 'niski', normal: 'normalny', high: 'wysoki', urgent: 'pilny' },
};

export const journeyPageStrings: Record<UiLanguage, JourneyPageStrings> = { fi, sv, en, pl };
export const journeyPageText = (language: UiLanguage): JourneyPageStrings => journeyPageStrings[language];
