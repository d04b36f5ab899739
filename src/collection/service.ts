/**
 * Collectors: the public entry points of the web widget (a site key for a customer's website)
 * and the kiosk (a tablet page at a physical touchpoint). Each names a survey, the touchpoint
 * (and unit) its answers belong to, and the web origins allowed to send them. The public key
 * is not a secret (it sits in page source or a kiosk URL): it only lets its holder answer that
 * one survey, from those origins.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/connection.ts';
import { badInput, notFound } from '../errors.ts';
import { chooseLanguage } from '../i18n/index.ts';
import { collectionStringsFor } from '../i18n/collection.ts';
import { contactConsentText } from '../i18n/contact-consent.ts';
import { stringsFor } from '../i18n/survey.ts';
import { scaleEnds } from '../pages/survey-view.ts';
import { getSurvey } from '../surveys/service.ts';
import { scaleOf, type Survey } from '../surveys/schema.ts';
import type { PulseSurvey } from '../../widget/pulse.ts';

export const collectorKinds = ['widget', 'kiosk'] as const;
export type CollectorKind = (typeof collectorKinds)[number];

export type Trigger =
  | { type: 'pageview'; urlPattern: string; delaySeconds?: number }
  | { type: 'click'; selector: string }
  | { type: 'exit_intent' }
  | { type: 'event'; name: string };

export interface Collector {
  id: string;
  orgId: string;
  kind: CollectorKind;
  name: string;
  publicKey: string;
  surveyId: string;
  touchpointId: string | null;
  unitId: string | null;
  allowedOrigins: string[];
  triggers: Trigger[];
  frequencyDays: number;
  resetSeconds: number;
  /** Kiosks: seconds without a touch mid-survey before the kiosk starts over (the answers given are kept). */
  idleSeconds: number;
  /** Kiosks: the survey language the device starts in and returns to; null = the tablet's browser language. */
  language: string | null;
  disabledAt: Date | null;
  createdAt: Date;
  /** Widgets: the key of identity signatures (src/collection/identify.ts); shown to admins only, never to pages. */
  identitySecret: string | null;
}

export interface CollectorInput {
  kind: CollectorKind;
  name: string;
  surveyId: string;
  touchpointId?: string | null;
  unitId?: string | null;
  allowedOrigins?: string[];
  triggers?: Trigger[];
  frequencyDays?: number;
  resetSeconds?: number;
  idleSeconds?: number;
  language?: string | null;
}

export type CollectorChanges = Partial<Omit<CollectorInput, 'kind'>> & { disabled?: boolean; rotateIdentitySecret?: boolean };

/** `wsk_` + 256 random bits: the key of a widget's identity signatures, kept on the customer's backend. */
export const newIdentitySecret = () => `wsk_${randomBytes(32).toString('base64url')}`;

const columns = `id, org_id as "orgId", kind, name, public_key as "publicKey", survey_id as "surveyId", touchpoint_id as "touchpointId",
  unit_id as "unitId", allowed_origins as "allowedOrigins", triggers, frequency_days as "frequencyDays", reset_seconds as "resetSeconds", idle_seconds as "idleSeconds", language,
  disabled_at as "disabledAt", created_at as "createdAt", identity_secret as "identitySecret"`;

/** Widget and kiosk ask score and open questions only, one per step. */
export function assertPulseShaped(survey: Survey, field = 'surveyId') {
  const other = survey.questions.find((q) => q.type !== 'text' && !scaleOf(q));
  if (other) throw badInput(`The widget and the kiosk ask score and open questions only; "${other.key}" is ${other.type}`, field);
  if (!survey.questions.some((q) => scaleOf(q))) throw badInput('The survey needs at least one score question', field);
}

/** "https://shop.example/" → "https://shop.example"; anything with a path, query or other scheme is refused. */
export function normalizeOrigins(origins: string[], field = 'allowedOrigins'): string[] {
  return [...new Set(origins.map((origin, i) => {
    let url: URL;
    try { url = new URL(origin); } catch { throw badInput(`"${origin}" is not a web origin like https://shop.example`, `${field}[${i}]`); }
    if (!['http:', 'https:'].includes(url.protocol) || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
      throw badInput(`"${origin}" is not a web origin like https://shop.example (scheme and host only)`, `${field}[${i}]`);
    }
    return url.origin;
  }))];
}

async function checkedSurvey(db: Queryable, orgId: string, surveyId: string): Promise<Survey> {
  const survey = await getSurvey(db, orgId, surveyId, { fresh: true });
  assertPulseShaped(survey);
  return survey;
}

/** A kiosk's language is one of its survey's; a widget follows the page it is on. */
function checkLanguage(kind: CollectorKind, survey: Survey, language: string | null | undefined) {
  if (language === undefined || language === null) return;
  if (kind !== 'kiosk') throw badInput('A widget shows the survey in the language of the page it is on: language is for kiosks', 'language');
  if (!survey.languages.includes(language)) throw badInput(`"${language}" is not one of the survey's languages (${survey.languages.join(', ')})`, 'language');
}

export async function createCollector(db: Queryable, orgId: string, input: CollectorInput): Promise<Collector> {
  const survey = await checkedSurvey(db, orgId, input.surveyId);
  const origins = normalizeOrigins(input.allowedOrigins ?? []);
  if (input.kind === 'widget' && origins.length === 0) throw badInput('A widget needs the web origins of the site it is embedded in', 'allowedOrigins');
  if (input.kind === 'kiosk' && input.triggers?.length) throw badInput('A kiosk is always showing its survey: triggers are for widgets', 'triggers');
  checkLanguage(input.kind, survey, input.language);
  const publicKey = `pk_${randomBytes(16).toString('base64url')}`;
  const [row] = await db.query<Collector>(
    `insert into collectors (org_id, kind, name, public_key, survey_id, touchpoint_id, unit_id, allowed_origins, triggers, frequency_days, reset_seconds, identity_secret, language, idle_seconds)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, coalesce($10, 30), coalesce($11, 8), $12, $13, coalesce($14, 45)) returning ${columns}`,
    [orgId, input.kind, input.name, publicKey, survey.id, input.touchpointId ?? survey.touchpointId, input.unitId ?? null, origins,
      JSON.stringify(input.triggers ?? []), input.frequencyDays ?? null, input.resetSeconds ?? null, input.kind === 'widget' ? newIdentitySecret() : null, input.language ?? null,
      input.idleSeconds ?? null]);
  return row;
}

export async function updateCollector(db: Queryable, orgId: string, id: string, changes: CollectorChanges): Promise<Collector> {
  const current = await getCollector(db, orgId, id);
  const survey = changes.surveyId ? await checkedSurvey(db, orgId, changes.surveyId) : undefined;
  if (changes.language) checkLanguage(current.kind, survey ?? await getSurvey(db, orgId, current.surveyId, { fresh: true }), changes.language);
  const origins = changes.allowedOrigins ? normalizeOrigins(changes.allowedOrigins) : current.allowedOrigins;
  if (current.kind === 'widget' && origins.length === 0) throw badInput('A widget needs the web origins of the site it is embedded in', 'allowedOrigins');
  if (current.kind === 'kiosk' && changes.triggers?.length) throw badInput('A kiosk is always showing its survey: triggers are for widgets', 'triggers');
  if (current.kind === 'kiosk' && changes.rotateIdentitySecret) throw badInput('A kiosk has no signed-in visitors: identity secrets are for widgets', 'rotateIdentitySecret');
  const [row] = await db.query<Collector>(
    `update collectors set name = coalesce($3, name), survey_id = coalesce($4, survey_id),
            touchpoint_id = case when $5::boolean then $6::uuid else touchpoint_id end,
            unit_id = case when $7::boolean then $8::uuid else unit_id end,
            allowed_origins = $9, triggers = coalesce($10::jsonb, triggers),
            frequency_days = coalesce($11, frequency_days), reset_seconds = coalesce($12, reset_seconds),
            disabled_at = case when $13::boolean is null then disabled_at when $13 then coalesce(disabled_at, now()) end,
            identity_secret = coalesce($14, identity_secret),
            language = case when $15::boolean then $16 else language end,
            idle_seconds = coalesce($17, idle_seconds)
      where org_id = $1 and id = $2 returning ${columns}`,
    [orgId, id, changes.name ?? null, changes.surveyId ?? null, 'touchpointId' in changes, changes.touchpointId ?? null,
      'unitId' in changes, changes.unitId ?? null, origins, changes.triggers ? JSON.stringify(changes.triggers) : null,
      changes.frequencyDays ?? null, changes.resetSeconds ?? null, changes.disabled ?? null, changes.rotateIdentitySecret ? newIdentitySecret() : null,
      'language' in changes, changes.language ?? null, changes.idleSeconds ?? null]);
  return row;
}

export async function getCollector(db: Queryable, orgId: string, id: string): Promise<Collector> {
  const [row] = await db.query<Collector>(`select ${columns} from collectors where org_id = $1 and id = $2`, [orgId, id]);
  if (!row) throw notFound('Collector', 'id');
  return row;
}

export async function listCollectors(db: Queryable, orgId: string, kind?: CollectorKind): Promise<Collector[]> {
  return db.query<Collector>(`select ${columns} from collectors where org_id = $1 and ($2::collector_kind is null or kind = $2) order by created_at, id`,
    [orgId, kind ?? null]);
}

/** For the public endpoints, which know only the key. Disabled collectors do not exist to them. */
export async function findCollectorByKey(db: Queryable, publicKey: string): Promise<Collector | undefined> {
  if (!/^pk_[A-Za-z0-9_-]{22}$/.test(publicKey)) return undefined;
  const [row] = await db.query<Collector>(`select ${columns} from collectors where public_key = $1 and disabled_at is null`, [publicKey]);
  return row;
}

/**
 * Whether the widget may show its survey to this visitor now, recorded in the same statement:
 * the first ask, or the last one more than `frequencyDays` ago. Two tabs asking at once get
 * one yes.
 */
export async function claimVisitor(db: Queryable, collector: Collector, visitorId: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `insert into widget_visitors (org_id, collector_id, visitor_id, shown_at) values ($1, $2, $3, $4)
     on conflict (org_id, collector_id, visitor_id) do update set shown_at = excluded.shown_at
      where widget_visitors.shown_at <= $4::timestamptz - make_interval(days => $5)
     returning visitor_id`, [collector.orgId, collector.id, visitorId, now, collector.frequencyDays]);
  return rows.length > 0;
}

/**
 * Forgets visitors whose last ask is older than their widget's frequency period: such a row no
 * longer stops anything (claimVisitor would say yes), so keeping it only keeps a browser id.
 * Run daily by the `collection-forget-visitors` job.
 */
export async function forgetExpiredVisitors(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query(
    `delete from widget_visitors v using collectors c
      where c.org_id = v.org_id and c.id = v.collector_id and v.shown_at <= $1::timestamptz - make_interval(days => c.frequency_days)
      returning v.visitor_id`, [now]);
  return rows.length;
}

/** The survey as the widget and kiosk show it, in one language. */
function contactStep(language: string): NonNullable<PulseSurvey['contact']> {
  const { strings, language: lang } = contactConsentText(language);
  return { lang, ...strings.respondent };
}

/**
 * The survey as the widget and the kiosk draw it, in one language. `anonymous`: the answer will
 * have no known contact (not an identified visitor's invitation), so a survey that asks for
 * consent to be contacted ends with that step (issue 15.4), as on its open link.
 */
export function pulseSurvey(survey: Survey, language: string, anonymous: boolean): PulseSurvey {
  const pick = (texts: Record<string, string> | undefined) => texts?.[language] ?? texts?.[survey.defaultLanguage] ?? '';
  const { strings } = stringsFor(language);
  const ui = collectionStringsFor(language);
  return {
    language,
    title: pick(survey.texts.title),
    thanks: pick(survey.texts.thanks) || strings.thanksTitle,
    questions: survey.questions.filter((q) => q.type === 'text' || scaleOf(q)).map((q) => {
      const scale = scaleOf(q);
      const ends = scale ? scaleEnds(q, strings) : undefined;
      return {
        key: q.key, ...(scale ? { scale, low: ends?.low, high: ends?.high } : {}),
        label: (q.texts[language] ?? q.texts[survey.defaultLanguage])?.label ?? q.key,
        required: q.required, displayIf: q.displayIf,
      };
    }),
    ui: { send: ui.send, close: ui.close, score: ui.score, required: ui.required },
    ...(anonymous && survey.askContactConsent ? { contact: contactStep(language) } : {}),
  };
}

export const surveyLanguage = (survey: Survey, wanted: string | undefined) => chooseLanguage([wanted], survey.languages, survey.defaultLanguage);
