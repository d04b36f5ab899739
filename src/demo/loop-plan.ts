/**
 * The demo's closed loop as plain data: which demo responses the alert rules opened cases for,
 * how far each case got (new … closed), who owns it, its notes, root cause and resolution, and
 * which promoters' words became praise. Pure and deterministic (a seeded PRNG over the
 * generated responses); seed-loop.ts carries it out through the loop's own services, so the
 * rules themselves decide which cases open, and the demo test checks they agree with this plan.
 *
 * Times: worked-through (closed) cases lie in the demo period, from their answer on; cases still
 * open, and those resolved but not yet closed, are placed relative to the moment of seeding, as
 * `hoursAgo`, so SLA clocks are running and some of them are overdue on a fresh demo.
 */
import { createRandom } from '../linalg/random.ts';
import { analyzeText } from '../text/analyze.ts';
import { DEMO_SEED, type DemoData, type DemoResponse } from './generator.ts';
import type { CaseStatus } from '../vocabulary.ts';

export type DemoRuleKey = 'detractor' | 'phone-effort' | 'praise';
export type DemoCaseStatus = CaseStatus;

/** The organisation's alert rules (condition and route in the loop's rule language, src/loop/rules.ts). */
export const DEMO_RULES: ReadonlyArray<{ key: DemoRuleKey; name: string; kind: 'problem' | 'praise'; priority: 'normal' | 'high'; slaHours: number }> = [
  { key: 'detractor', name: 'Arvostelija missä tahansa kosketuspisteessä (NPS 0–6)', kind: 'problem', priority: 'normal', slaHours: 24 },
  { key: 'phone-effort', name: 'Vaikea asiointi puhelimessa (CES 1–3)', kind: 'problem', priority: 'high', slaHours: 8 },
  { key: 'praise', name: 'Kiitos asiakkaalta', kind: 'praise', priority: 'normal', slaHours: 0 },
];

/** Touchpoints on the phone channel, for the low-effort rule. */
export const PHONE_TOUCHPOINTS = ['move-phone', 'bill-phone', 'fault-phone'] as const;
/** CES answers at or below this are "hard" (the 1–7 scale's low end). */
export const LOW_EFFORT_MAX = 3;

export const DEMO_ROOT_CAUSES: ReadonlyArray<{ code: string; labels: Record<'fi' | 'sv' | 'en' | 'pl', string> }> = [
  { code: 'jonotusaika', labels: { fi: 'Pitkä jonotusaika', sv: 'Lång kötid', en: 'Long waiting time', pl: 'Długi czas oczekiwania' } },
  { code: 'tiedotus', labels: { fi: 'Puutteellinen tiedottaminen', sv: 'Bristfällig information', en: 'Poor communication', pl: 'Niewystarczająca informacja' } },
  { code: 'laskuvirhe', labels: { fi: 'Virhe laskussa', sv: 'Fel i fakturan', en: 'Billing error', pl: 'Błąd w fakturze' } },
  { code: 'asennusaika', labels: { fi: 'Asennusaika muuttui', sv: 'Installationstiden ändrades', en: 'Installation time changed', pl: 'Zmiana terminu instalacji' } },
  { code: 'neuvonta', labels: { fi: 'Puutteellinen neuvonta', sv: 'Bristfällig rådgivning', en: 'Inadequate advice', pl: 'Niewystarczające doradztwo' } },
  { code: 'jarjestelma', labels: { fi: 'Järjestelmävika', sv: 'Systemfel', en: 'System fault', pl: 'Awaria systemu' } },
];

/** Touchpoints whose cases the demo works, their owner (a DEMO_USERS e-mail) and likely root causes. */
const worked: Record<string, { owner: string; causes: string[] }> = {
  'fault-phone': { owner: 'frontline@kaiku.example', causes: ['jonotusaika', 'jonotusaika', 'tiedotus'] },
  'fault-sms': { owner: 'frontline@kaiku.example', causes: ['tiedotus', 'jarjestelma'] },
  'move-phone': { owner: 'manager@kaiku.example', causes: ['neuvonta', 'jonotusaika'] },
  'move-connect': { owner: 'manager@kaiku.example', causes: ['asennusaika', 'tiedotus'] },
  'bill-store': { owner: 'manager@kaiku.example', causes: ['laskuvirhe', 'neuvonta'] },
  'fault-repair': { owner: 'manager@kaiku.example', causes: ['tiedotus', 'asennusaika'] },
};

/** How many cases of each status the demo holds: most recent answers are the least far along. */
export const DEMO_CASE_STATUSES: ReadonlyArray<[DemoCaseStatus, number]> = [
  ['new', 12], ['in_progress', 14], ['waiting_customer', 8], ['resolved', 8], ['closed', 18],
];
export const DEMO_PRAISE_COUNT = 12;

const notes = [
  'Soitin asiakkaalle ja pahoittelin. Asiakas kertoi tilanteesta tarkemmin.',
  'Tarkistin tapahtumat asiakastietojärjestelmästä; sama ongelma näkyy myös muilla tällä viikolla.',
  'Keskustelin tiimin kanssa aamupalaverissa, käymme ohjeistuksen läpi.',
  'Lähetin asiakkaalle sähköpostin ja pyysin lisätietoja.',
  'Asiakas toivoi, että hänelle soitetaan iltapäivällä.',
  'Sovittu hyvityksestä esimiehen kanssa.',
];
const waitingNote = 'Jätin asiakkaalle soittopyynnön ja viestin; odotetaan vastausta.';
const resolutions = [
  'Soitettiin asiakkaalle, selvitettiin syy ja pahoiteltiin. Asiakas oli tyytyväinen ratkaisuun.',
  'Virhe korjattiin ja asiakkaalle hyvitettiin seuraavalla laskulla.',
  'Asiakkaalle annettiin uusi aika ja vahvistus tekstiviestillä.',
  'Ohjeistus päivitettiin tiimille, ja asiakkaalle kerrottiin muutoksesta.',
];

export interface DemoCasePlan {
  /** Index into DemoData.responses. */
  responseIndex: number;
  rule: Exclude<DemoRuleKey, 'praise'>;
  status: DemoCaseStatus;
  ownerEmail: string;
  /** Open and resolved cases: hours before the seeding when the alert opened the case; closed cases: null (opened with their answer). */
  hoursAgo: number | null;
  /** What the owner names the case when they take it on (not set on cases nobody has touched). */
  title: string | null;
  notes: string[];
  rootCause: string | null;
  resolution: string | null;
  /** Hours after opening: taken on, waiting for the customer, resolved, closed (as far as the status goes). */
  steps: { takenOn: number; waiting: number | null; resolved: number | null; closed: number | null };
}

export interface DemoPraisePlan { responseIndex: number }

export interface DemoLoopPlan { cases: DemoCasePlan[]; praise: DemoPraisePlan[] }

const answer = (r: DemoResponse, question: string) => r.answers.find((a) => a.question === question)?.value;

/** Which demo rules a pulse answer matches (the same conditions seed-loop.ts stores as rules). */
export function demoRulesMatching(r: DemoResponse): DemoRuleKey[] {
  const nps = answer(r, 'nps') as number;
  const effort = answer(r, 'effort');
  const why = answer(r, 'nps_why');
  const out: DemoRuleKey[] = [];
  if (nps <= 6) out.push('detractor');
  if (r.touchpointKey && (PHONE_TOUCHPOINTS as readonly string[]).includes(r.touchpointKey) && typeof effort === 'number' && effort <= LOW_EFFORT_MAX) out.push('phone-effort');
  if (nps >= 9 && typeof why === 'string' && analyzeText(why, { language: r.language }).sentiment === 'positive') out.push('praise');
  return out;
}

const snippet = (text: string, max = 70) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

function titleOf(r: DemoResponse, rule: DemoCasePlan['rule'], touchpointName: string): string {
  const why = answer(r, 'nps_why');
  if (typeof why === 'string') return `${touchpointName}: ”${snippet(why)}”`;
  return rule === 'phone-effort'
    ? `${touchpointName}: asiointi koettiin vaikeaksi (${answer(r, 'effort')}/7)`
    : `${touchpointName}: suosittelisi vain ${answer(r, 'nps')}/10`;
}

export function planDemoLoop(demo: DemoData, seed = DEMO_SEED): DemoLoopPlan {
  const random = createRandom(seed + 104729);
  const between = (low: number, high: number) => Math.round((low + random() * (high - low)) * 10) / 10;
  const touchpointNames = new Map(demo.journeys.flatMap((j) => j.stages.flatMap((s) => s.touchpoints.map((t) => [t.key, t.name] as const))));
  // Newest first: the latest answers opened the cases still open.
  const byRecency = demo.responses.map((r, i) => ({ r, i })).filter(({ r }) => r.touchpointKey).reverse();

  // Promoters cannot match a problem rule: their words need no analysis here.
  const problems = byRecency.filter(({ r }) => {
    if (!(r.touchpointKey! in worked) || (answer(r, 'nps') as number) >= 9) return false;
    return demoRulesMatching(r).length === 1;
  });
  const cases: DemoCasePlan[] = [];
  let next = 0;
  for (const [status, count] of DEMO_CASE_STATUSES) {
    for (let n = 0; n < count; n++, next++) {
      const { r, i } = problems[next];
      const rule = demoRulesMatching(r)[0] as DemoCasePlan['rule'];
      const touchpoint = worked[r.touchpointKey!];
      const open = status !== 'closed';
      // Open cases: from an hour to ten days old, older the further along; the SLA (3 working days, 1 for phone effort) has run out on some.
      const hoursAgo = !open ? null
        : status === 'new' ? between(1, 40) : status === 'in_progress' ? between(6, 170) : status === 'waiting_customer' ? between(30, 220) : between(60, 240);
      const takenOn = between(0.5, 6);
      const waiting = status === 'waiting_customer' || (status !== 'new' && status !== 'in_progress' && random() < 0.4) ? takenOn + between(1, 20) : null;
      const resolved = status === 'resolved' ? Math.min((hoursAgo as number) - 2, (waiting ?? takenOn) + between(4, 50))
        : status === 'closed' ? (waiting ?? takenOn) + between(4, 70) : null;
      const closed = status === 'closed' ? (resolved as number) + between(20, 120) : null;
      const caseNotes = status === 'new' ? [] : [notes[Math.floor(random() * notes.length)]];
      if (status !== 'new' && random() < 0.5) caseNotes.push(notes[Math.floor(random() * notes.length)]);
      if (waiting !== null) caseNotes.push(waitingNote);
      const done = status === 'resolved' || status === 'closed';
      cases.push({
        responseIndex: i, rule, status, ownerEmail: touchpoint.owner, hoursAgo,
        title: status === 'new' ? null : titleOf(r, rule, touchpointNames.get(r.touchpointKey!) ?? ''),
        notes: [...new Set(caseNotes)],
        rootCause: done ? touchpoint.causes[Math.floor(random() * touchpoint.causes.length)] : null,
        resolution: done ? resolutions[Math.floor(random() * resolutions.length)] : null,
        steps: { takenOn, waiting, resolved, closed },
      });
    }
  }

  // Praise for frontline people: promoters' kind words about someone who served them, the frontline demo user's first.
  const own: Array<{ i: number }> = [];
  const others: Array<{ i: number }> = [];
  for (const { r, i } of byRecency) {
    if (own.length + others.length === DEMO_PRAISE_COUNT) break;
    if (!r.employeeKey || (answer(r, 'nps') as number) < 9) continue;
    const mine = r.employeeKey === 'fault-line-1';
    if (mine ? own.length === 5 : others.length === DEMO_PRAISE_COUNT - 5) continue;
    if (demoRulesMatching(r).join() === 'praise') (mine ? own : others).push({ i });
  }
  const praise = [...own, ...others].map(({ i }) => ({ responseIndex: i })).sort((a, b) => b.responseIndex - a.responseIndex);
  return { cases, praise };
}
