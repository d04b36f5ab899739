/**
 * Texts of /app/segments (NPS across segments with the chi-square test in words) and
 * /app/benchmarks (the organisation's percentile among the benchmark's organisations) in
 * Finnish, Swedish, English and Polish. Counts take each language's plural forms (plural.ts);
 * numbers come in already written in the reader's language.
 */
import type { SegmentDimension } from '../segments/service.ts';
import type { BenchmarkMetric } from '../benchmarks/benchmarks.ts';
import type { UiLanguage } from './index.ts';
import { plural, type PluralForms } from './plural.ts';

export interface SegmentStrings {
  title: string;
  intro: string;
  byLabel: string;
  byPrompt: string;
  dimensions: Record<SegmentDimension, string>;
  show: string;
  invalidBy: string;
  /** "NPS by unit". */
  caption: (dimension: string) => string;
  group: string;
  answers: string;
  nps: string;
  interval: string;
  /** "The segments differ: χ² = 12.3, df = 2, p = 0.002". */
  differ: (chi2: string, dof: string, p: string) => string;
  /** "No clear difference (p = 0.41)". */
  noDifference: (p: string) => string;
  approximate: string;
  /** A group under the minimum group size: its figures are not shown. */
  tooFew: (minimum: number) => string;
  /** "2 groups have fewer than 5 answers and are left out of the test." */
  suppressed: (groups: number, minimum: number) => string;
  /** Too few groups with enough answers to compare. */
  cannotCompare: (minimum: number) => string;
  oneCategory: string;
  withoutGroup: (n: number) => string;
}

export interface BenchmarkStrings {
  title: string;
  intro: string;
  metrics: Record<BenchmarkMetric, string>;
  empty: string;
  noIndustry: string;
  noFigures: string;
  /** "Your NPS from 9 Sep 2026 to 7 Dec 2026: 40 (from 30 answers)." — the filter bar's days. */
  own: (metric: string, from: string, to: string, value: string, answers: number) => string;
  noAnswers: (metric: string, from: string, to: string) => string;
  tooFewAnswers: (from: string, to: string, minimum: number) => string;
  /** Why the page has a period but no unit or channel filter. */
  wholeOrganisation: string;
  /** "This puts you at the 80th percentile of 120 organisations (benchmark for Q3 2025)." */
  at: (percentile: number, organisations: number | null, period: string) => string;
  below: (percentile: number, organisations: number | null, period: string) => string;
  above: (percentile: number, organisations: number | null, period: string) => string;
  source: (source: string) => string;
  /** Before links to the measure's other benchmark periods. */
  otherPeriods: string;
  /** A period in the address that the measure has no benchmark for; the latest is shown instead. */
  unknownPeriod: string;
  /** "2025", "Q3 2025", "July 2025". */
  period: (year: number, quarter: number | null, month: number | null) => string;
}

const monthName = (language: UiLanguage, month: number, form: 'long' = 'long') =>
  new Intl.DateTimeFormat({ fi: 'fi-FI', sv: 'sv-SE', en: 'en-GB', pl: 'pl-PL' }[language], { month: form, timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 15)));
const count = (language: UiLanguage, forms: PluralForms) => (n: number) => plural(language, n, forms);

const englishOrdinal = new Intl.PluralRules('en-GB', { type: 'ordinal' });
const englishSuffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

const segmentTexts: Record<UiLanguage, SegmentStrings> = {
  fi: {
    title: 'Segmentit',
    intro: 'Vertaa NPS:ää ryhmien välillä. Khiin neliö -testi kertoo, eroavatko suosittelijoiden, passiivisten ja arvostelijoiden osuudet ryhmien välillä enemmän kuin sattuma selittäisi.',
    byLabel: 'Ryhmittele', byPrompt: 'Valitse ryhmittely',
    dimensions: { segment: 'Asiakassegmentti', unit: 'Yksikkö', channel: 'Kanava', language: 'Vastauskieli', touchpoint: 'Kosketuspiste', journey: 'Palvelupolku' },
    show: 'Näytä',
    invalidBy: 'Valitse ryhmittely luettelosta.',
    caption: (d) => `NPS ryhmittäin: ${d}`,
    group: 'Ryhmä', answers: 'Vastauksia', nps: 'NPS', interval: '95 %:n luottamusväli',
    differ: (chi2, dof, p) => `Ryhmät eroavat: χ² = ${chi2}, vapausasteet = ${dof}, p = ${p}`,
    noDifference: (p) => `Ei selvää eroa (p = ${p})`,
    approximate: 'Monen ryhmän vastausmäärät ovat pieniä, joten p-arvo on vain likimääräinen.',
    tooFew: (m) => `Alle ${m} vastausta, ei näytetä`,
    suppressed: (g, m) => plural('fi', g, { one: `# ryhmässä on alle ${m} vastausta, joten se jätetään testin ulkopuolelle.`, other: `# ryhmässä on alle ${m} vastausta, joten ne jätetään testin ulkopuolelle.` }),
    cannotCompare: (m) => `Vertailuun tarvitaan vähintään kaksi ryhmää, joissa kussakin on vähintään ${m} vastausta. Valitse toinen ryhmittely.`,
    oneCategory: 'Kaikki vastaukset kuuluvat samaan NPS-luokkaan, joten ryhmien välillä ei ole eroa testattavaksi.',
    withoutGroup: count('fi', { one: '# vastauksella ei ole ryhmää.', other: '# vastauksella ei ole ryhmää.' }),
  },
  sv: {
    title: 'Segment',
    intro: 'Jämför NPS mellan grupper. Chi-två-testet visar om andelarna promotorer, passiva och kritiker skiljer sig mellan grupperna mer än slumpen förklarar.',
    byLabel: 'Gruppera efter', byPrompt: 'Välj gruppering',
    dimensions: { segment: 'Kundsegment', unit: 'Enhet', channel: 'Kanal', language: 'Svarsspråk', touchpoint: 'Kontaktpunkt', journey: 'Kundresa' },
    show: 'Visa',
    invalidBy: 'Välj en gruppering i listan.',
    caption: (d) => `NPS per grupp: ${d}`,
    group: 'Grupp', answers: 'Svar', nps: 'NPS', interval: '95 % konfidensintervall',
    differ: (chi2, dof, p) => `Grupperna skiljer sig: χ² = ${chi2}, frihetsgrader = ${dof}, p = ${p}`,
    noDifference: (p) => `Ingen tydlig skillnad (p = ${p})`,
    approximate: 'Flera grupper har få svar, så p-värdet är bara ungefärligt.',
    tooFew: (m) => `Färre än ${m} svar, visas inte`,
    suppressed: (g, m) => plural('sv', g, { one: `# grupp har färre än ${m} svar och lämnas utanför testet.`, other: `# grupper har färre än ${m} svar och lämnas utanför testet.` }),
    cannotCompare: (m) => `Jämförelsen kräver minst två grupper med minst ${m} svar vardera. Välj en annan gruppering.`,
    oneCategory: 'Alla svar hör till samma NPS-kategori, så det finns ingen skillnad mellan grupperna att testa.',
    withoutGroup: count('sv', { one: '# svar saknar grupp.', other: '# svar saknar grupp.' }),
  },
  en: {
    title: 'Segments',
    intro: 'Compare NPS across groups. The chi-square test tells whether the shares of promoters, passives and detractors differ between the groups by more than chance would explain.',
    byLabel: 'Group by', byPrompt: 'Choose a grouping',
    dimensions: { segment: 'Customer segment', unit: 'Unit', channel: 'Channel', language: 'Answer language', touchpoint: 'Touchpoint', journey: 'Journey' },
    show: 'Show',
    invalidBy: 'Choose a grouping from the list.',
    caption: (d) => `NPS by group: ${d}`,
    group: 'Group', answers: 'Answers', nps: 'NPS', interval: '95 % interval',
    differ: (chi2, dof, p) => `The segments differ: χ² = ${chi2}, df = ${dof}, p = ${p}`,
    noDifference: (p) => `No clear difference (p = ${p})`,
    approximate: 'Several groups have few answers, so the p-value is only approximate.',
    tooFew: (m) => `Fewer than ${m} answers, not shown`,
    suppressed: (g, m) => plural('en', g, { one: `# group has fewer than ${m} answers and is left out of the test.`, other: `# groups have fewer than ${m} answers and are left out of the test.` }),
    cannotCompare: (m) => `The comparison needs at least two groups with ${m} or more answers each. Choose another grouping.`,
    oneCategory: 'Every answer is in the same NPS category, so there is no difference between the groups to test.',
    withoutGroup: count('en', { one: '# answer has no group.', other: '# answers have no group.' }),
  },
  pl: {
    title: 'Segmenty',
    intro: 'Porównaj NPS między grupami. Test chi-kwadrat pokazuje, czy udziały promotorów, pasywnych i krytyków różnią się między grupami bardziej, niż wyjaśniałby to przypadek.',
    byLabel: 'Grupuj według', byPrompt: 'Wybierz grupowanie',
    dimensions: { segment: 'Segment klientów', unit: 'Jednostka', channel: 'Kanał', language: 'Język odpowiedzi', touchpoint: 'Punkt styku', journey: 'Ścieżka klienta' },
    show: 'Pokaż',
    invalidBy: 'Wybierz grupowanie z listy.',
    caption: (d) => `NPS według grup: ${d}`,
    group: 'Grupa', answers: 'Odpowiedzi', nps: 'NPS', interval: 'Przedział ufności 95 %',
    differ: (chi2, dof, p) => `Grupy się różnią: χ² = ${chi2}, stopnie swobody = ${dof}, p = ${p}`,
    noDifference: (p) => `Brak wyraźnej różnicy (p = ${p})`,
    approximate: 'Kilka grup ma mało odpowiedzi, więc wartość p jest tylko przybliżona.',
    tooFew: (m) => `Mniej niż ${m} odpowiedzi, nie pokazano`,
    suppressed: (g, m) => plural('pl', g, {
      one: `# grupa ma mniej niż ${m} odpowiedzi i jest pominięta w teście.`,
      few: `# grupy mają mniej niż ${m} odpowiedzi i są pominięte w teście.`,
      many: `# grup ma mniej niż ${m} odpowiedzi i są pominięte w teście.`,
      other: `# grupy ma mniej niż ${m} odpowiedzi i są pominięte w teście.`,
    }),
    cannotCompare: (m) => `Porównanie wymaga co najmniej dwóch grup, z których każda ma co najmniej ${m} odpowiedzi. Wybierz inne grupowanie.`,
    oneCategory: 'Wszystkie odpowiedzi należą do tej samej kategorii NPS, więc nie ma różnicy między grupami do zbadania.',
    withoutGroup: count('pl', { one: '# odpowiedź nie ma grupy.', few: '# odpowiedzi nie mają grupy.', many: '# odpowiedzi nie ma grupy.', other: '# odpowiedzi nie ma grupy.' }),
  },
};

const organisations: Record<UiLanguage, PluralForms> = {
  fi: { one: '# organisaation', other: '# organisaation' },
  sv: { one: '# organisation', other: '# organisationer' },
  en: { one: '# organisation', other: '# organisations' },
  pl: { one: '# organizacji', other: '# organizacji' },
};
const answersOf: Record<UiLanguage, PluralForms> = {
  fi: { one: '# vastauksesta', other: '# vastauksesta' },
  sv: { one: '# svar', other: '# svar' },
  en: { one: '# answer', other: '# answers' },
  pl: { one: '# odpowiedzi', other: '# odpowiedzi' },
};

const benchmarkTexts: Record<UiLanguage, BenchmarkStrings> = {
  fi: {
    title: 'Vertailutiedot',
    intro: 'Organisaatiosi tulos verrattuna toimialan vertailutietoihin: monennellako persentiilillä olet vertailun organisaatioiden joukossa.',
    metrics: { nps: 'NPS (suositteluhalukkuus)', csat: 'Asiakastyytyväisyys (CSAT, tyytyväisten osuus)', ces: 'Asioinnin vaivattomuus (CES)' },
    empty: 'Vertailutietoja ei ole vielä tuotu. Analyytikko tai ylläpitäjä voi tuoda toimialan vertailutiedot CSV-tiedostona, jonka jälkeen tulokset näkyvät tässä.',
    noIndustry: 'Organisaation toimialaa ei ole asetettu, joten vertailua ei voi tehdä. Ylläpitäjä voi asettaa toimialan organisaation asetuksiin.',
    noFigures: 'Tälle mittarille ei ole vertailutietoja.',
    own: (m, f, t, v, n) => `${m} ${f}–${t}: ${v} (${plural('fi', n, answersOf.fi)}).`,
    noAnswers: (m, f, t) => `${m}: ei vastauksia ajalla ${f}–${t}.`,
    tooFewAnswers: (f, t, min) => `Ajalla ${f}–${t} on alle ${min} vastausta, joten tulosta ei näytetä.`,
    wholeOrganisation: 'Vertailutiedot vertaavat kokonaisia organisaatioita, joten lukuja ei rajata yksikköön tai kanavaan: ne lasketaan kaikista valitun jakson vastauksista, jotka saat nähdä.',
    at: (pc, n, p) => `Olet ${pc}. persentiilillä ${n === null ? 'vertailun organisaatioiden' : plural('fi', n, organisations.fi)} joukossa (vertailu ${p}).`,
    below: (pc, n, p) => `Olet alle ${pc}. persentiilin ${n === null ? 'vertailun organisaatioiden' : plural('fi', n, organisations.fi)} joukossa (vertailu ${p}).`,
    above: (pc, n, p) => `Olet yli ${pc}. persentiilin ${n === null ? 'vertailun organisaatioiden' : plural('fi', n, organisations.fi)} joukossa (vertailu ${p}).`,
    source: (s) => `Lähde: ${s}`,
    otherPeriods: 'Muut vertailukaudet:',
    unknownPeriod: 'Valitulle kaudelle ei ole vertailutietoja, joten näytetään uusin kausi.',
    period: (y, q, m) => (q ? `${q}. neljännes ${y}` : m ? `${monthName('fi', m)} ${y}` : `vuosi ${y}`),
  },
  sv: {
    title: 'Jämförelsetal',
    intro: 'Organisationens resultat jämfört med branschens jämförelsetal: vilken percentil ni hamnar på bland jämförelsens organisationer.',
    metrics: { nps: 'NPS (rekommendationsvilja)', csat: 'Kundnöjdhet (CSAT, andel nöjda)', ces: 'Kundansträngning (CES)' },
    empty: 'Inga jämförelsetal har importerats ännu. En analytiker eller administratör kan importera branschens jämförelsetal som en CSV-fil, sedan visas resultaten här.',
    noIndustry: 'Organisationens bransch är inte angiven, så ingen jämförelse kan göras. En administratör kan ange branschen i organisationens inställningar.',
    noFigures: 'Det finns inga jämförelsetal för det här måttet.',
    own: (m, f, t, v, n) => `${m}, ${f}–${t}: ${v} (${plural('sv', n, answersOf.sv)}).`,
    noAnswers: (m, f, t) => `${m}: inga svar mellan ${f} och ${t}.`,
    tooFewAnswers: (f, t, min) => `Mellan ${f} och ${t} finns färre än ${min} svar, så resultatet visas inte.`,
    wholeOrganisation: 'Jämförelsetalen jämför hela organisationer, så siffrorna avgränsas inte till en enhet eller kanal: de räknar alla svar du får se under den valda perioden.',
    at: (pc, n, p) => `Ni ligger på ${pc}:e percentilen bland ${n === null ? 'jämförelsens organisationer' : plural('sv', n, organisations.sv)} (jämförelse för ${p}).`,
    below: (pc, n, p) => `Ni ligger under ${pc}:e percentilen bland ${n === null ? 'jämförelsens organisationer' : plural('sv', n, organisations.sv)} (jämförelse för ${p}).`,
    above: (pc, n, p) => `Ni ligger över ${pc}:e percentilen bland ${n === null ? 'jämförelsens organisationer' : plural('sv', n, organisations.sv)} (jämförelse för ${p}).`,
    source: (s) => `Källa: ${s}`,
    otherPeriods: 'Andra jämförelseperioder:',
    unknownPeriod: 'Det finns inga jämförelsetal för den valda perioden, så den senaste visas.',
    period: (y, q, m) => (q ? `kvartal ${q} ${y}` : m ? `${monthName('sv', m)} ${y}` : `år ${y}`),
  },
  en: {
    title: 'Benchmarks',
    intro: 'Your organisation’s results against the industry benchmark: the percentile at which you stand among the benchmark’s organisations.',
    metrics: { nps: 'NPS (likelihood to recommend)', csat: 'Customer satisfaction (CSAT, share satisfied)', ces: 'Customer effort (CES)' },
    empty: 'No benchmark has been imported yet. An analyst or administrator can import the industry’s figures as a CSV file; the comparison then appears here.',
    noIndustry: 'The organisation’s industry is not set, so there is nothing to compare with. An administrator can set it in the organisation’s settings.',
    noFigures: 'There are no benchmark figures for this measure.',
    own: (m, f, t, v, n) => `Your ${m} from ${f} to ${t}: ${v} (from ${plural('en', n, answersOf.en)}).`,
    noAnswers: (m, f, t) => `Your ${m}: no answers from ${f} to ${t}.`,
    tooFewAnswers: (f, t, min) => `Fewer than ${min} answers from ${f} to ${t}, so the result is not shown.`,
    wholeOrganisation: 'Benchmarks compare whole organisations, so these figures are not narrowed to a unit or channel: they count all the answers you may see in the chosen period.',
    at: (pc, n, p) => `This puts you at the ${pc}${englishSuffix[englishOrdinal.select(pc)]} percentile of ${n === null ? 'the benchmark’s organisations' : plural('en', n, organisations.en)} (benchmark for ${p}).`,
    below: (pc, n, p) => `This is below the ${pc}${englishSuffix[englishOrdinal.select(pc)]} percentile of ${n === null ? 'the benchmark’s organisations' : plural('en', n, organisations.en)} (benchmark for ${p}).`,
    above: (pc, n, p) => `This is above the ${pc}${englishSuffix[englishOrdinal.select(pc)]} percentile of ${n === null ? 'the benchmark’s organisations' : plural('en', n, organisations.en)} (benchmark for ${p}).`,
    source: (s) => `Source: ${s}`,
    otherPeriods: 'Other benchmark periods:',
    unknownPeriod: 'There is no benchmark for the chosen period, so the latest one is shown.',
    period: (y, q, m) => (q ? `Q${q} ${y}` : m ? `${monthName('en', m)} ${y}` : String(y)),
  },
  pl: {
    title: 'Benchmarki',
    intro: 'Wyniki organizacji na tle benchmarku branżowego: na którym percentylu jesteście wśród organizacji z benchmarku.',
    metrics: { nps: 'NPS (skłonność do polecenia)', csat: 'Zadowolenie klientów (CSAT, odsetek zadowolonych)', ces: 'Wysiłek klienta (CES)' },
    empty: 'Nie zaimportowano jeszcze żadnego benchmarku. Analityk lub administrator może zaimportować dane branżowe z pliku CSV; porównanie pojawi się wtedy tutaj.',
    noIndustry: 'Branża organizacji nie jest ustawiona, więc nie ma z czym porównać. Administrator może ją ustawić w ustawieniach organizacji.',
    noFigures: 'Brak danych benchmarkowych dla tego wskaźnika.',
    own: (m, f, t, v, n) => `${m} od ${f} do ${t}: ${v} (z ${plural('pl', n, answersOf.pl)}).`,
    noAnswers: (m, f, t) => `${m}: brak odpowiedzi od ${f} do ${t}.`,
    tooFewAnswers: (f, t, min) => `Od ${f} do ${t} jest mniej niż ${min} odpowiedzi, więc wynik nie jest pokazany.`,
    wholeOrganisation: 'Benchmarki porównują całe organizacje, więc te wyniki nie są zawężane do jednostki ani kanału: obejmują wszystkie odpowiedzi z wybranego okresu, które możesz zobaczyć.',
    at: (pc, n, p) => `To ${pc}. percentyl wśród ${n === null ? 'organizacji z benchmarku' : plural('pl', n, organisations.pl)} (benchmark za ${p}).`,
    below: (pc, n, p) => `To poniżej ${pc}. percentyla wśród ${n === null ? 'organizacji z benchmarku' : plural('pl', n, organisations.pl)} (benchmark za ${p}).`,
    above: (pc, n, p) => `To powyżej ${pc}. percentyla wśród ${n === null ? 'organizacji z benchmarku' : plural('pl', n, organisations.pl)} (benchmark za ${p}).`,
    source: (s) => `Źródło: ${s}`,
    otherPeriods: 'Inne okresy benchmarku:',
    unknownPeriod: 'Brak benchmarku dla wybranego okresu, więc pokazano najnowszy.',
    period: (y, q, m) => (q ? `${['I', 'II', 'III', 'IV'][q - 1]} kwartał ${y}` : m ? `${monthName('pl', m)} ${y}` : `rok ${y}`),
  },
};

export const segmentText = (language: UiLanguage): SegmentStrings => segmentTexts[language];
export const benchmarkText = (language: UiLanguage): BenchmarkStrings => benchmarkTexts[language];
