/**
 * The demo organisation as plain data: a fictional Finnish water and energy utility with a unit
 * tree, frontline employees, three journeys, surveys, contacts and 20,000 responses. Pure and
 * deterministic: a seeded PRNG and a FIXED reference date (not the clock), so every start on an
 * empty database shows the same figures, and tests can reason about them. `seed.ts` writes it.
 *
 * The responses follow a simple latent model, so the dashboards have something to find:
 *   score = touchpoint base + employee effect + contact effect + segment/language effect
 *           + season (winter bills hurt billing) + noise,
 * with the fault-repair phone line clearly the worst touchpoint, and the strategic survey's NPS
 * built from weighted driver attributes (reliability and price weigh most), so key-driver
 * analysis recovers an ordering.
 */
import { createRandom, randomNormal, type Random } from '../linalg/random.ts';
import type { SubmittedAnswer } from '../responses/validate.ts';
import type { SurveyInput } from '../surveys/schema.ts';
import type { Channel } from '../journeys/service.ts';
import { improvementText, sentimentOfNps, whyText, type DemoLanguage, type TextTopic } from './texts.ts';
import { actionUplift } from './action-plans.ts';
import { LANGUAGES, type Role } from '../vocabulary.ts';

export const DEMO_SEED = 20261101;
/** Responses lie in the DEMO_MONTHS months before this instant; fixed so the data never changes. */
export const DEMO_REFERENCE_DATE = '2026-11-01T00:00:00.000Z';
export const DEMO_MONTHS = 18;
export const DEMO_CONTACT_COUNT = 3_000;
export const DEMO_STRATEGIC_WAVES = 6;
export const DEMO_STRATEGIC_PER_WAVE = 400;
export const DEMO_RESPONSE_COUNT = 20_000;
export const DEMO_PASSWORD = 'kaiku-demo-2026';
export const DEMO_ORG = { name: 'Kaiku Demo Energia Oy', slug: 'kaiku-demo', defaultLanguage: 'fi', timeZone: 'Europe/Helsinki' } as const;
/** The touchpoint made clearly worse than the others: the fault-repair phone queue. */
export const WORST_TOUCHPOINT = 'fault-phone';

export type DemoRole = Role;
export interface DemoUser { email: string; name: string; role: DemoRole; unitKey?: string; employeeKey?: string; language: DemoLanguage }

/** The demo logins; all share DEMO_PASSWORD. */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'demo@kaiku.example', name: 'Demo Admin', role: 'admin', language: 'fi' },
  { email: 'analyst@kaiku.example', name: 'Aino Analyytikko', role: 'analyst', language: 'fi' },
  { email: 'manager@kaiku.example', name: 'Matti Esimies', role: 'unit_manager', unitKey: 'south', language: 'fi' },
  { email: 'frontline@kaiku.example', name: 'Sanna Virtanen', role: 'frontline', employeeKey: 'fault-line-1', language: 'fi' },
  { email: 'viewer@kaiku.example', name: 'Ville Katselija', role: 'viewer', language: 'en' },
];

export interface DemoUnit { key: string; name: string; parentKey: string | null; kind: 'region' | 'branch' | 'team' }
export interface DemoEmployee { key: string; name: string; unitKey: string; externalId: string; effect: number }
export interface DemoTouchpoint { key: string; name: string; channel: Channel; ownerUnitKey: string }
export interface DemoStage { name: string; phase: 'before' | 'during' | 'after'; touchpoints: DemoTouchpoint[] }
export interface DemoJourney { key: string; name: string; persona: string; description: string; stages: DemoStage[] }
export interface DemoSurvey { key: string; input: SurveyInput }
export interface DemoContact {
  externalId: string; name: string; email: string; phone: string; language: DemoLanguage;
  segment: 'household' | 'business' | 'vip'; persona: string; cohort: number; attributes: Record<string, string | number>;
  /** Operational data: plan and tenure, and `churned` where known (absent = not known yet: scored, not trained on). */
  operational: { plan: string; tenureYears: number; churned?: boolean };
  /** Survey consent per channel; a withdrawn consent clears both (src/distribution/dispatch.ts). */
  consent: { surveyEmail: boolean; surveySms: boolean; withdrawnAt: string | null };
}
export interface DemoResponse {
  surveyKey: string;
  touchpointKey: string | null;
  /** Set only when no touchpoint gives the channel. */
  channel: Channel | null;
  employeeKey: string | null;
  contactIndex: number;
  language: DemoLanguage;
  submittedAt: string;
  answers: SubmittedAnswer[];
}
export interface DemoData {
  units: DemoUnit[];
  employees: DemoEmployee[];
  journeys: DemoJourney[];
  surveys: DemoSurvey[];
  contacts: DemoContact[];
  responses: DemoResponse[];
}

const units: DemoUnit[] = [
  { key: 'south', name: 'Etelä-Suomen alue', parentKey: null, kind: 'region' },
  { key: 'south-service', name: 'Asiakaspalvelu Helsinki', parentKey: 'south', kind: 'branch' },
  { key: 'south-phone', name: 'Puhelinpalvelu Helsinki', parentKey: 'south-service', kind: 'team' },
  { key: 'south-store', name: 'Asiakaspiste Kamppi', parentKey: 'south-service', kind: 'team' },
  { key: 'south-field', name: 'Kenttäpalvelut Uusimaa', parentKey: 'south', kind: 'branch' },
  { key: 'south-install', name: 'Asennustiimi Uusimaa', parentKey: 'south-field', kind: 'team' },
  { key: 'south-repair', name: 'Vikakorjaus Uusimaa', parentKey: 'south-field', kind: 'team' },
  { key: 'west', name: 'Länsi-Suomen alue', parentKey: null, kind: 'region' },
  { key: 'west-service', name: 'Asiakaspalvelu Tampere', parentKey: 'west', kind: 'branch' },
  { key: 'west-phone', name: 'Puhelinpalvelu Tampere', parentKey: 'west-service', kind: 'team' },
  { key: 'west-billing', name: 'Laskutustiimi Tampere', parentKey: 'west-service', kind: 'team' },
  { key: 'west-field', name: 'Kenttäpalvelut Pirkanmaa', parentKey: 'west', kind: 'branch' },
  { key: 'west-install', name: 'Asennustiimi Pirkanmaa', parentKey: 'west-field', kind: 'team' },
  { key: 'west-repair', name: 'Vikakorjaus Pirkanmaa', parentKey: 'west-field', kind: 'team' },
  { key: 'central', name: 'Keskitetyt palvelut', parentKey: null, kind: 'region' },
  { key: 'digital', name: 'Digipalvelut', parentKey: 'central', kind: 'branch' },
  { key: 'digital-web', name: 'Verkkopalvelu ja sovellus', parentKey: 'digital', kind: 'team' },
  { key: 'digital-chat', name: 'Chat ja viestit', parentKey: 'digital', kind: 'team' },
  { key: 'fault-center', name: 'Vikapäivystys', parentKey: 'central', kind: 'branch' },
  { key: 'fault-line', name: 'Vikapuhelin', parentKey: 'fault-center', kind: 'team' },
];

/** Frontline teams and how many people serve customers in each. */
const teamSizes: Array<[string, number]> = [
  ['south-phone', 5], ['south-store', 4], ['south-install', 4], ['south-repair', 4],
  ['west-phone', 5], ['west-billing', 4], ['west-install', 3], ['west-repair', 4],
  ['digital-chat', 3], ['fault-line', 5],
];

/** Employees with a deliberate, visible difference (employee experience views need one). */
const employeeEffectOverrides: Record<string, number> = {
  'south-phone-1': 1.3, // the team's star
  'west-billing-3': -1.6, // struggles with winter billing questions
  'south-repair-2': 1.0,
  'fault-line-4': -1.2,
};

interface TouchpointModel {
  /** Mean latent score 0–10 before effects. */
  base: number;
  /** Relative share of the pulse responses. */
  weight: number;
  /** Teams whose employees serve this touchpoint; empty = self-service. */
  servedBy: string[];
  topic: TextTopic;
  /** Extra effort (CES) penalty beyond what the score implies. */
  effort: number;
}

const touchpointModels: Record<string, TouchpointModel> = {
  'move-web': { base: 8.5, weight: 10, servedBy: [], topic: 'move', effort: 0 },
  'move-phone': { base: 8.0, weight: 7, servedBy: ['south-phone', 'west-phone'], topic: 'move', effort: 0 },
  'move-connect': { base: 8.1, weight: 5, servedBy: ['south-install', 'west-install'], topic: 'move', effort: 0 },
  'move-welcome': { base: 7.8, weight: 3, servedBy: [], topic: 'move', effort: 0 },
  'bill-app': { base: 8.3, weight: 8, servedBy: [], topic: 'billing', effort: 0 },
  'bill-einvoice': { base: 7.6, weight: 10, servedBy: [], topic: 'billing', effort: 0 },
  'bill-phone': { base: 7.4, weight: 6, servedBy: ['west-billing'], topic: 'billing', effort: 0.3 },
  'bill-store': { base: 8.4, weight: 3, servedBy: ['south-store'], topic: 'billing', effort: 0 },
  'fault-chat': { base: 7.7, weight: 4, servedBy: ['digital-chat'], topic: 'fault', effort: 0 },
  'fault-phone': { base: 5.3, weight: 6, servedBy: ['fault-line'], topic: 'queue', effort: 1.2 },
  'fault-repair': { base: 8.4, weight: 5, servedBy: ['south-repair', 'west-repair'], topic: 'fault', effort: 0 },
  'fault-sms': { base: 7.9, weight: 3, servedBy: [], topic: 'fault', effort: 0 },
};

const journeys: DemoJourney[] = [
  {
    key: 'move', name: 'Muutto ja uusi sopimus', persona: 'Muuttaja',
    description: 'Asiakas muuttaa uuteen kotiin: sähkö- ja vesisopimus, mittarin kytkentä ja ensimmäinen kuukausi.',
    stages: [
      { name: 'Sopimuksen tekeminen', phase: 'before', touchpoints: [
        { key: 'move-web', name: 'Sopimus verkkopalvelussa', channel: 'web', ownerUnitKey: 'digital-web' },
        { key: 'move-phone', name: 'Sopimus puhelimessa', channel: 'phone', ownerUnitKey: 'south-phone' },
      ] },
      { name: 'Muuttopäivä', phase: 'during', touchpoints: [
        { key: 'move-connect', name: 'Mittarin kytkentä ja asennuskäynti', channel: 'field', ownerUnitKey: 'south-install' },
      ] },
      { name: 'Ensimmäinen kuukausi', phase: 'after', touchpoints: [
        { key: 'move-welcome', name: 'Tervetuloviesti', channel: 'email', ownerUnitKey: 'digital-chat' },
      ] },
    ],
  },
  {
    key: 'billing', name: 'Laskutus ja maksaminen', persona: 'Kotitalousasiakas',
    description: 'Kulutuksen seuranta, lasku, kysymykset laskusta ja maksujärjestelyt.',
    stages: [
      { name: 'Kulutuksen seuranta', phase: 'before', touchpoints: [
        { key: 'bill-app', name: 'Kulutusseuranta sovelluksessa', channel: 'app', ownerUnitKey: 'digital-web' },
      ] },
      { name: 'Lasku ja maksaminen', phase: 'during', touchpoints: [
        { key: 'bill-einvoice', name: 'E-lasku', channel: 'email', ownerUnitKey: 'west-billing' },
        { key: 'bill-phone', name: 'Laskutuskysymys puhelimessa', channel: 'phone', ownerUnitKey: 'west-billing' },
      ] },
      { name: 'Maksujärjestelyt', phase: 'after', touchpoints: [
        { key: 'bill-store', name: 'Maksusuunnitelma asiakaspisteessä', channel: 'store', ownerUnitKey: 'south-store' },
      ] },
    ],
  },
  {
    key: 'fault', name: 'Vikailmoitus ja korjaus', persona: 'Omakotitaloasuja',
    description: 'Sähkö- tai vesikatko: vikailmoitus, korjauskäynti ja tieto korjauksesta.',
    stages: [
      { name: 'Vikailmoitus', phase: 'before', touchpoints: [
        { key: 'fault-chat', name: 'Vikailmoitus chatissa', channel: 'chat', ownerUnitKey: 'digital-chat' },
        { key: 'fault-phone', name: 'Vikapuhelin (jono)', channel: 'phone', ownerUnitKey: 'fault-line' },
      ] },
      { name: 'Korjaus', phase: 'during', touchpoints: [
        { key: 'fault-repair', name: 'Korjauskäynti', channel: 'field', ownerUnitKey: 'south-repair' },
      ] },
      { name: 'Korjauksen jälkeen', phase: 'after', touchpoints: [
        { key: 'fault-sms', name: 'Korjausilmoitus tekstiviestillä', channel: 'sms', ownerUnitKey: 'fault-line' },
      ] },
    ],
  },
];

const allLanguages: DemoLanguage[] = [...LANGUAGES];

const npsText = {
  fi: 'Kuinka todennäköisesti suosittelisit Kaiku Demo Energiaa ystävällesi tai kollegallesi?',
  sv: 'Hur troligt är det att du skulle rekommendera Kaiku Demo Energia till en vän eller kollega?',
  en: 'How likely are you to recommend Kaiku Demo Energia to a friend or colleague?',
  pl: 'Jak prawdopodobne jest, że polecisz Kaiku Demo Energia znajomemu lub współpracownikowi?',
};
const csatText = {
  fi: 'Kuinka tyytyväinen olit palveluun kokonaisuutena?',
  sv: 'Hur nöjd var du med servicen som helhet?',
  en: 'How satisfied were you with the service overall?',
  pl: 'Jak bardzo jesteś zadowolony z obsługi?',
};
const cesText = {
  fi: 'Asiani hoitaminen oli helppoa.',
  sv: 'Det var lätt att få mitt ärende skött.',
  en: 'It was easy to get my matter handled.',
  pl: 'Załatwienie mojej sprawy było łatwe.',
};

/** Strategic-survey driver attributes and their weight in the NPS latent score. */
const drivers: Array<{ key: string; weight: number; dontKnow: number; text: Record<DemoLanguage, string> }> = [
  { key: 'reliability', weight: 0.40, dontKnow: 0.02, text: { fi: 'Sähkön ja veden toimitus on luotettavaa.', sv: 'Leveransen av el och vatten är pålitlig.', en: 'The supply of electricity and water is reliable.', pl: 'Dostawy prądu i wody są niezawodne.' } },
  { key: 'price_fairness', weight: 0.30, dontKnow: 0.03, text: { fi: 'Hinnoittelu on reilua ja ymmärrettävää.', sv: 'Prissättningen är rättvis och begriplig.', en: 'Pricing is fair and easy to understand.', pl: 'Ceny są uczciwe i zrozumiałe.' } },
  { key: 'service_ease', weight: 0.25, dontKnow: 0.04, text: { fi: 'Asiointi kanssamme on helppoa.', sv: 'Det är lätt att göra ärenden hos oss.', en: 'Dealing with us is easy.', pl: 'Załatwianie spraw z nami jest łatwe.' } },
  { key: 'billing_clarity', weight: 0.15, dontKnow: 0.03, text: { fi: 'Laskut ovat selkeitä.', sv: 'Fakturorna är tydliga.', en: 'Bills are clear.', pl: 'Faktury są przejrzyste.' } },
  { key: 'outage_info', weight: 0.12, dontKnow: 0.15, text: { fi: 'Saan tietoa häiriöistä ajoissa.', sv: 'Jag får information om störningar i tid.', en: 'I am informed about outages in time.', pl: 'Otrzymuję informacje o awariach na czas.' } },
  { key: 'sustainability', weight: 0.05, dontKnow: 0.10, text: { fi: 'Yhtiö toimii vastuullisesti.', sv: 'Bolaget agerar ansvarsfullt.', en: 'The company acts responsibly.', pl: 'Firma działa odpowiedzialnie.' } },
];

function pulseSurvey(journey: DemoJourney): DemoSurvey {
  const titles: Record<string, Record<DemoLanguage, string>> = {
    move: { fi: 'Miten muuttosi sujui?', sv: 'Hur gick flytten?', en: 'How did your move go?', pl: 'Jak przebiegła przeprowadzka?' },
    billing: { fi: 'Kerro kokemuksesi laskutuksesta', sv: 'Berätta om din upplevelse av faktureringen', en: 'Tell us about billing', pl: 'Opowiedz nam o rozliczeniach' },
    fault: { fi: 'Miten vian korjaus sujui?', sv: 'Hur gick felavhjälpningen?', en: 'How did the fault repair go?', pl: 'Jak przebiegła naprawa usterki?' },
  };
  return {
    key: `pulse-${journey.key}`,
    input: {
      name: `Asiakaspulssi: ${journey.name}`,
      kind: 'pulse',
      defaultLanguage: 'fi',
      languages: allLanguages,
      title: titles[journey.key],
      thanks: { fi: 'Kiitos palautteestasi!', sv: 'Tack för din feedback!', en: 'Thank you for your feedback!', pl: 'Dziękujemy za opinię!' },
      questions: [
        { key: 'nps', type: 'nps', required: true, text: npsText },
        { key: 'effort', type: 'ces', text: cesText },
        { key: 'csat', type: 'csat', text: csatText },
      ],
    },
  };
}

const strategicSurvey: DemoSurvey = {
  key: 'strategic',
  input: {
    name: 'Strateginen asiakastutkimus 2025–2026',
    kind: 'strategic',
    defaultLanguage: 'fi',
    languages: allLanguages,
    title: { fi: 'Asiakastutkimus', sv: 'Kundundersökning', en: 'Customer survey', pl: 'Badanie klientów' },
    intro: {
      fi: 'Kysymme kerran vuodessa, miten onnistumme. Vastaaminen vie noin kolme minuuttia.',
      sv: 'En gång om året frågar vi hur vi lyckas. Det tar cirka tre minuter.',
      en: 'Once a year we ask how we are doing. It takes about three minutes.',
      pl: 'Raz w roku pytamy, jak nam idzie. Zajmie to około trzech minut.',
    },
    questions: [
      { key: 'nps', type: 'nps', required: true, text: npsText },
      ...drivers.map((d) => ({ key: d.key, type: 'likert7' as const, allowDontKnow: true, isDriver: true, text: d.text })),
      { key: 'csat', type: 'csat', text: csatText },
      { key: 'improve', type: 'text', text: { fi: 'Mitä meidän pitäisi parantaa?', sv: 'Vad borde vi förbättra?', en: 'What should we improve?', pl: 'Co powinniśmy poprawić?' } },
    ],
  },
};

const names: Record<DemoLanguage, { first: string[]; last: string[]; domain: string }> = {
  fi: {
    first: ['Aino', 'Eero', 'Helmi', 'Juha', 'Kaisa', 'Lauri', 'Minna', 'Mikko', 'Noora', 'Pekka', 'Riikka', 'Sami', 'Tiina', 'Ville', 'Elina', 'Antti', 'Satu', 'Jari', 'Outi', 'Heikki'],
    last: ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi'],
    domain: 'esimerkki.fi',
  },
  sv: { first: ['Anna', 'Erik', 'Johanna', 'Mikael', 'Sara', 'Henrik', 'Linnea', 'Fredrik'], last: ['Lindqvist', 'Holmström', 'Sjöberg', 'Nyström', 'Forsman', 'Ekholm'], domain: 'exempel.fi' },
  en: { first: ['James', 'Emily', 'Daniel', 'Sophie', 'Ahmed', 'Priya', 'Lucas', 'Maria'], last: ['Smith', 'Brown', 'Khan', 'Garcia', 'Patel', 'Wilson'], domain: 'example.com' },
  pl: { first: ['Piotr', 'Anna', 'Krzysztof', 'Magdalena', 'Tomasz', 'Katarzyna', 'Paweł', 'Agnieszka'], last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski'], domain: 'example.pl' },
};
const cities = ['Helsinki', 'Espoo', 'Vantaa', 'Tampere', 'Nokia', 'Ylöjärvi', 'Kirkkonummi', 'Kangasala'];

const DAY_MS = 86_400_000;

export function demoPeriod(referenceDate = DEMO_REFERENCE_DATE): { from: Date; to: Date } {
  const to = new Date(referenceDate);
  const from = new Date(to);
  from.setUTCMonth(from.getUTCMonth() - DEMO_MONTHS);
  return { from, to };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const asciiOf = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/ś/g, 's').toLowerCase();

function pickWeighted<T>(random: Random, items: Array<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

/** Seasonal effect on the latent score: winter bills (Dec–Feb) hurt billing most, storms faults a little. */
function seasonEffect(journeyKey: string, month: number): number {
  const winter = month === 11 || month === 0 || month === 1;
  if (journeyKey === 'billing') return month === 0 ? -2.2 : winter ? -1.6 : month === 2 ? -0.6 : 0;
  if (journeyKey === 'fault') return winter ? -0.4 : 0;
  return winter ? -0.2 : 0;
}

const segmentEffect = { household: 0, business: -0.4, vip: 0.5 } as const;
/** The phone lines serve mainly in Finnish; others wait longer for someone who speaks their language. */
const languageEffect: Record<DemoLanguage, number> = { fi: 0, sv: -0.3, en: -0.4, pl: -0.4 };

export function generateDemo(seed = DEMO_SEED, referenceDate = DEMO_REFERENCE_DATE): DemoData {
  const random = createRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const normal = () => randomNormal(random);
  const { from, to } = demoPeriod(referenceDate);
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);

  const employees: DemoEmployee[] = [];
  for (const [team, size] of teamSizes) {
    for (let i = 1; i <= size; i++) {
      const key = `${team}-${i}`;
      const pool = names.fi;
      const name = key === 'fault-line-1' ? 'Sanna Virtanen' : `${pool.first[pick(pool.first.length)]} ${pool.last[pick(pool.last.length)]}`;
      const effect = employeeEffectOverrides[key] ?? Math.round(normal() * 0.45 * 100) / 100;
      employees.push({ key, name, unitKey: team, externalId: `EMP-${String(employees.length + 1).padStart(3, '0')}`, effect });
    }
  }

  const contacts: DemoContact[] = [];
  const contactEffects: number[] = [];
  for (let i = 0; i < DEMO_CONTACT_COUNT; i++) {
    const language = pickWeighted<DemoLanguage>(random, [['fi', 78], ['sv', 10], ['en', 7], ['pl', 5]]);
    const segment = pickWeighted<DemoContact['segment']>(random, [['household', 80], ['business', 15], ['vip', 5]]);
    const persona = segment === 'business' ? 'Pienyritys' : segment === 'vip' ? 'Energiatietoinen suurkuluttaja'
      : pickWeighted(random, [['Kerrostaloasuja', 50], ['Omakotitaloasuja', 35], ['Muuttaja', 15]]);
    const pool = names[language];
    const first = pool.first[pick(pool.first.length)];
    const last = pool.last[pick(pool.last.length)];
    const number = 100001 + i;
    contacts.push({
      externalId: `AS-${number}`,
      name: `${first} ${last}`,
      email: `${asciiOf(first)}.${asciiOf(last)}.${number}@${pool.domain}`,
      phone: `+35840${String(1000000 + pick(9000000))}`,
      language,
      segment,
      persona,
      cohort: pick(4),
      operational: { plan: '', tenureYears: 0 },
      consent: { surveyEmail: false, surveySms: false, withdrawnAt: null },
      attributes: {
        city: cities[pick(cities.length)],
        plan: pickWeighted(random, [['spot', 40], ['fixed', 45], ['green', 15]]),
        tenureYears: pick(25),
        annualKwh: segment === 'business' ? 20000 + pick(80000) : persona === 'Omakotitaloasuja' || segment === 'vip' ? 12000 + pick(15000) : 1500 + pick(3500),
      },
    });
    contactEffects.push(normal() * 0.8);
  }

  const journeyOf = new Map<string, string>();
  for (const j of journeys) for (const s of j.stages) for (const t of s.touchpoints) journeyOf.set(t.key, j.key);
  const employeesOf = (teams: string[]) => employees.filter((e) => teams.includes(e.unitKey));
  const effectOf = new Map(employees.map((e) => [e.key, e.effect]));

  const responses: DemoResponse[] = [];
  const strategicCount = DEMO_STRATEGIC_WAVES * DEMO_STRATEGIC_PER_WAVE;
  const pulseCount = DEMO_RESPONSE_COUNT - strategicCount;
  const touchpointWeights = Object.entries(touchpointModels).map(([key, m]) => [key, m.weight] as [string, number]);

  for (let i = 0; i < pulseCount; i++) {
    const touchpointKey = pickWeighted(random, touchpointWeights);
    const model = touchpointModels[touchpointKey];
    const journeyKey = journeyOf.get(touchpointKey) as string;
    // Faults cluster in the storm season: autumn and winter days are accepted more often.
    let day = pick(days);
    let at = new Date(from.getTime() + day * DAY_MS);
    while (journeyKey === 'fault' && ![9, 10, 11, 0, 1].includes(at.getUTCMonth()) && random() < 0.4) {
      day = pick(days);
      at = new Date(from.getTime() + day * DAY_MS);
    }
    at = new Date(at.getTime() + (7 + pick(14)) * 3_600_000 + pick(3600) * 1000);
    const contactIndex = pick(contacts.length);
    const contact = contacts[contactIndex];
    const staff = employeesOf(model.servedBy);
    const employee = staff.length > 0 ? staff[pick(staff.length)] : null;
    const humanChannel = model.servedBy.length > 0 && touchpointKey !== 'fault-chat';
    const latent = model.base + (employee ? effectOf.get(employee.key) ?? 0 : 0) + contactEffects[contactIndex]
      + segmentEffect[contact.segment] + (humanChannel ? languageEffect[contact.language] : 0)
      + seasonEffect(journeyKey, at.getUTCMonth()) + actionUplift(touchpointKey, at.toISOString()) + normal() * 1.5;
    const nps = clamp(Math.round(latent), 0, 10);
    const answers: SubmittedAnswer[] = [{ question: 'nps', value: nps }];
    const sentiment = sentimentOfNps(nps);
    if (random() < (sentiment === 'negative' ? 0.7 : 0.5)) {
      answers.push({ question: 'nps_why', value: whyText(contact.language, model.topic, sentiment, pick) });
    }
    if (random() < 0.8) answers.push({ question: 'effort', value: clamp(Math.round(1 + (6 * (latent + normal())) / 10 - model.effort), 1, 7) });
    if (random() < 0.8) answers.push({ question: 'csat', value: clamp(Math.round(1 + (4 * (latent + normal() * 0.9)) / 10), 1, 5) });
    responses.push({
      surveyKey: `pulse-${journeyKey}`, touchpointKey, channel: null, employeeKey: employee?.key ?? null,
      contactIndex, language: contact.language, submittedAt: at.toISOString(), answers,
    });
  }

  // Strategic survey: one wave a quarter, each asking one cohort (seed 001), ~45 days open.
  const byCohort = [0, 1, 2, 3].map((c) => contacts.map((_, i) => i).filter((i) => contacts[i].cohort === c));
  for (let wave = 0; wave < DEMO_STRATEGIC_WAVES; wave++) {
    const cohort = byCohort[wave % 4];
    const waveStart = from.getTime() + wave * Math.floor(days / DEMO_STRATEGIC_WAVES) * DAY_MS;
    for (let n = 0; n < DEMO_STRATEGIC_PER_WAVE; n++) {
      const contactIndex = cohort[pick(cohort.length)];
      const contact = contacts[contactIndex];
      const at = new Date(waveStart + pick(45) * DAY_MS + (7 + pick(15)) * 3_600_000 + pick(3600) * 1000);
      const general = normal();
      const attribute = drivers.map(() => 0.55 * general + 0.835 * normal());
      const driverSum = drivers.reduce((s, d, k) => s + d.weight * attribute[k], 0);
      const latent = 7.3 + 0.5 * contactEffects[contactIndex] + segmentEffect[contact.segment] + 1.9 * driverSum
        + seasonEffect('billing', at.getUTCMonth()) * 0.3 + normal() * 1.1;
      const nps = clamp(Math.round(latent), 0, 10);
      const answers: SubmittedAnswer[] = [{ question: 'nps', value: nps }];
      const sentiment = sentimentOfNps(nps);
      if (random() < 0.5) answers.push({ question: 'nps_why', value: whyText(contact.language, 'overall', sentiment, pick) });
      drivers.forEach((d, k) => {
        if (random() < d.dontKnow) answers.push({ question: d.key, dontKnow: true });
        else answers.push({ question: d.key, value: clamp(Math.round(4.7 + 1.35 * attribute[k]), 1, 7) });
      });
      if (random() < 0.85) answers.push({ question: 'csat', value: clamp(Math.round(1 + (4 * (latent + normal() * 0.9)) / 10), 1, 5) });
      if (random() < 0.25) answers.push({ question: 'improve', value: improvementText(contact.language, pick) });
      responses.push({
        surveyKey: 'strategic', touchpointKey: null, channel: 'email', employeeKey: null,
        contactIndex, language: contact.language, submittedAt: at.toISOString(), answers,
      });
    }
  }
  responses.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
  churnFlags(contacts, responses, seed);
  contactConsents(contacts, seed, from, days);

  return {
    units: units.map((u) => ({ ...u })),
    employees,
    journeys: structuredClone(journeys),
    surveys: [...journeys.map(pulseSurvey), structuredClone(strategicSurvey)],
    contacts,
    responses,
  };
}

/**
 * The churn flag of the demo contacts (operational `churned`), so the churn page has a model on
 * a fresh demo. Derived from each contact's experience: the log-odds of leaving fall 0.45 per
 * NPS point of their latest answer above 7 (a contact who never answered sits at the base rate),
 * spot-price plans leave more (+0.6) and long tenure less (−0.05 a year); base about 12 %.
 * A quarter of the contacts have no flag yet (their renewal is not due): they are scored, not
 * trained on. Drawn from its own seeded generator, so the rest of the demo is unchanged.
 */
function churnFlags(contacts: DemoContact[], responses: DemoResponse[], seed: number): void {
  const random = createRandom(seed + 7919);
  const latestNps = new Map<number, number>();
  for (const r of responses) { // sorted by time: the last one wins
    const nps = r.answers.find((a) => a.question === 'nps')?.value;
    if (typeof nps === 'number') latestNps.set(r.contactIndex, nps);
  }
  contacts.forEach((c, i) => {
    const plan = String(c.attributes.plan);
    const tenureYears = Number(c.attributes.tenureYears);
    const nps = latestNps.get(i);
    const logit = -2 - 0.45 * ((nps ?? 7) - 7) + (plan === 'spot' ? 0.6 : 0) - 0.05 * tenureYears;
    const churned = random() < 1 / (1 + Math.exp(-logit));
    c.operational = random() < 0.25 ? { plan, tenureYears } : { plan, tenureYears, churned };
  });
}

/**
 * Survey consent as a utility's customer base has it: most gave e-mail consent when signing the
 * contract (businesses more often), fewer SMS; about 3 % withdrew consent later (both off, with
 * the date). Its own seeded generator, so the rest of the demo is unchanged.
 */
function contactConsents(contacts: DemoContact[], seed: number, from: Date, days: number): void {
  const random = createRandom(seed + 15485863);
  for (const c of contacts) {
    const withdrawn = random() < 0.03;
    const day = Math.floor(random() * days);
    const email = random() < (c.segment === 'business' ? 0.9 : 0.76);
    const sms = random() < 0.45;
    c.consent = withdrawn
      ? { surveyEmail: false, surveySms: false, withdrawnAt: new Date(from.getTime() + day * DAY_MS + 10 * 3_600_000).toISOString() }
      : { surveyEmail: email, surveySms: sms, withdrawnAt: null };
  }
}
