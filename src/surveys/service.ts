/** Surveys: definitions in several languages, versioned in place by question key. */
import type { Database, Queryable } from '../db/connection.ts';
import { badInput, conflict, notFound } from '../errors.ts';
import { scaleOf, type Question, type QuestionInput, type Survey, type SurveyInput } from './schema.ts';

/** The open follow-up an NPS question gets unless `why: false` (seed 001: NPS is always followed by "why"). */
const whyLabel: Record<string, string> = {
  fi: 'Mikä on tärkein syy antamaasi arvosanaan?',
  sv: 'Vad är den viktigaste orsaken till ditt betyg?',
  en: 'What is the most important reason for your score?',
  pl: 'Jaki jest najważniejszy powód Twojej oceny?',
};

interface NormalizedQuestion extends Omit<Question, 'id'> {}

/** Checks a definition and expands defaults (NPS follow-ups, positions). Pure. */
export function normalizeSurvey(input: SurveyInput): NormalizedQuestion[] {
  if (!input.languages.includes(input.defaultLanguage)) throw badInput(`defaultLanguage "${input.defaultLanguage}" must be one of languages`, 'defaultLanguage');
  if (!input.title[input.defaultLanguage]) throw badInput(`title needs a text in the default language "${input.defaultLanguage}"`, 'title');
  const expanded: QuestionInput[] = [];
  for (const q of input.questions) {
    expanded.push(q);
    if (q.type === 'nps' && q.why !== false && !input.questions.some((other) => other.key === `${q.key}_why`)) {
      const text = Object.fromEntries(input.languages.map((l) => [l, whyLabel[l] ?? whyLabel.en]));
      expanded.push({ key: `${q.key}_why`, type: 'text', text, displayIf: { question: q.key, op: 'answered' } });
    }
  }
  const seen = new Map<string, QuestionInput>();
  return expanded.map((q, index) => {
    const field = `questions[${input.questions.indexOf(q) >= 0 ? input.questions.indexOf(q) : index}]`;
    if (seen.has(q.key)) throw badInput(`Question key "${q.key}" is used twice`, `${field}.key`);
    if (!q.text[input.defaultLanguage]) throw badInput(`Question "${q.key}" needs a text in the default language "${input.defaultLanguage}"`, `${field}.text`);
    const isChoice = q.type === 'single_choice' || q.type === 'multi_choice';
    if (isChoice && !q.options) throw badInput(`Question "${q.key}" (${q.type}) needs options`, `${field}.options`);
    if (!isChoice && q.options) throw badInput(`Question "${q.key}" (${q.type}) cannot have options`, `${field}.options`);
    if (q.options) {
      const values = q.options.map((o) => o.value);
      if (new Set(values).size !== values.length) throw badInput(`Question "${q.key}" has duplicate option values`, `${field}.options`);
      q.options.forEach((o, i) => {
        if (!o.label[input.defaultLanguage]) throw badInput(`Option "${o.value}" needs a label in "${input.defaultLanguage}"`, `${field}.options[${i}].label`);
      });
    }
    if (q.scaleMax !== undefined && q.type !== 'rating') throw badInput(`scaleMax applies to rating questions only`, `${field}.scaleMax`);
    if (q.allowDontKnow && q.type !== 'likert7') throw badInput(`allowDontKnow applies to likert7 questions only`, `${field}.allowDontKnow`);
    if (q.why !== undefined && q.type !== 'nps') throw badInput(`why applies to nps questions only`, `${field}.why`);
    if (q.displayIf) {
      const target = seen.get(q.displayIf.question);
      if (!target) throw badInput(`displayIf of "${q.key}" must refer to an earlier question`, `${field}.displayIf.question`);
      if (q.displayIf.op !== 'answered' && q.displayIf.value === undefined) throw badInput(`displayIf of "${q.key}" needs a value`, `${field}.displayIf.value`);
      if (q.displayIf.op === 'in' && !Array.isArray(q.displayIf.value)) throw badInput(`displayIf "in" needs a list of values`, `${field}.displayIf.value`);
      checkConditionFits(q.displayIf, target, field);
    }
    seen.set(q.key, q);
    const texts = Object.fromEntries(Object.entries(q.text).map(([lang, label]) => [lang, q.help?.[lang] ? { label, help: q.help[lang] } : { label }]));
    return {
      key: q.key,
      position: index + 1,
      type: q.type,
      required: q.required ?? false,
      texts,
      options: q.options ?? null,
      scaleMax: q.type === 'rating' ? (q.scaleMax ?? 5) : null,
      allowDontKnow: q.allowDontKnow ?? false,
      isDriver: q.isDriver ?? false,
      displayIf: q.displayIf ?? null,
    };
  });
}

/**
 * A condition must be one its target can ever meet: a score question compares whole numbers on
 * its own scale, a choice question its own option codes, an open answer only "is answered".
 * (A condition that can never hold would hide its question from everyone, silently.)
 */
function checkConditionFits(cond: NonNullable<QuestionInput['displayIf']>, target: QuestionInput, field: string) {
  if (cond.op === 'answered') return;
  const values = Array.isArray(cond.value) ? cond.value : [cond.value];
  const at = `${field}.displayIf.value`;
  if (values.length === 0) throw badInput(`displayIf of "${target.key}" needs at least one value`, at);
  const scale = scaleOf({ type: target.type, scaleMax: target.scaleMax ?? null });
  if (scale) {
    const bad = values.find((v) => typeof v !== 'number' || !Number.isInteger(v) || v < scale[0] || v > scale[1]);
    if (bad !== undefined) throw badInput(`displayIf value ${JSON.stringify(bad)} is not on the scale ${scale[0]}–${scale[1]} of "${target.key}"`, at);
    return;
  }
  if (target.type === 'single_choice' || target.type === 'multi_choice') {
    if (cond.op === 'lte' || cond.op === 'gte') throw badInput(`displayIf "${cond.op}" compares scores; "${target.key}" is a choice question`, `${field}.displayIf.op`);
    const codes = new Set((target.options ?? []).map((o) => o.value));
    const bad = values.find((v) => typeof v !== 'string' || !codes.has(v));
    if (bad !== undefined) throw badInput(`displayIf value ${JSON.stringify(bad)} is not an option of "${target.key}"`, at);
    return;
  }
  throw badInput(`An open answer can only be a condition as "answered"`, `${field}.displayIf.op`);
}

/**
 * Definitions are read on every submitted response, so they are cached briefly per process.
 * Writes through this module clear the entry at once; other processes see a change within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { survey: Survey; until: number }>();
const cacheKey = (orgId: string, surveyId: string) => `${orgId}:${surveyId}`;

async function writeQuestions(tx: Queryable, orgId: string, surveyId: string, questions: NormalizedQuestion[]) {
  // Upsert by key so answered questions keep their id; positions are shifted out of the way first.
  await tx.query(`update questions set position = position + 100000 where org_id = $1 and survey_id = $2`, [orgId, surveyId]);
  for (const q of questions) {
    await tx.query(
      `insert into questions (org_id, survey_id, key, position, type, required, texts, options, scale_max, allow_dont_know, is_driver, display_if)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict (org_id, survey_id, key) do update set position = excluded.position, type = excluded.type, required = excluded.required,
         texts = excluded.texts, options = excluded.options, scale_max = excluded.scale_max, allow_dont_know = excluded.allow_dont_know,
         is_driver = excluded.is_driver, display_if = excluded.display_if`,
      [orgId, surveyId, q.key, q.position, q.type, q.required, JSON.stringify(q.texts), q.options ? JSON.stringify(q.options) : null,
        q.scaleMax, q.allowDontKnow, q.isDriver, q.displayIf ? JSON.stringify(q.displayIf) : null]);
  }
  const keys = questions.map((q) => q.key);
  const answered = await tx.query<{ key: string }>(
    `select q.key from questions q where q.org_id = $1 and q.survey_id = $2 and not (q.key = any($3))
        and exists (select 1 from answers a where a.org_id = q.org_id and a.question_id = q.id)`, [orgId, surveyId, keys]);
  if (answered.length > 0) throw conflict(`Questions that already have answers cannot be removed: ${answered.map((r) => r.key).join(', ')}`, 'questions');
  await tx.query(`delete from questions where org_id = $1 and survey_id = $2 and not (key = any($3))`, [orgId, surveyId, keys]);
}

/** A type change would reinterpret stored answers, so it is refused once a question has answers. */
async function guardTypeChanges(tx: Queryable, orgId: string, surveyId: string, questions: NormalizedQuestion[]) {
  const current = await tx.query<{ key: string; type: string; answered: boolean }>(
    `select q.key, q.type, exists (select 1 from answers a where a.org_id = q.org_id and a.question_id = q.id) as answered
       from questions q where q.org_id = $1 and q.survey_id = $2`, [orgId, surveyId]);
  for (const q of questions) {
    const before = current.find((c) => c.key === q.key);
    if (before && before.answered && before.type !== q.type) {
      throw conflict(`Question "${q.key}" has answers; its type cannot change from ${before.type} to ${q.type}. Add a new question instead.`, 'questions');
    }
  }
}

function surveyTexts(input: SurveyInput) {
  return JSON.stringify({ title: input.title, ...(input.intro ? { intro: input.intro } : {}), ...(input.thanks ? { thanks: input.thanks } : {}) });
}

export async function createSurvey(db: Database, orgId: string, input: SurveyInput): Promise<Survey> {
  const questions = normalizeSurvey(input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `insert into surveys (org_id, name, kind, status, default_language, languages, texts, touchpoint_id, ask_contact_consent)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [orgId, input.name, input.kind, input.status ?? 'active', input.defaultLanguage, input.languages, surveyTexts(input), input.touchpointId ?? null, input.askContactConsent ?? false]);
    await writeQuestions(tx, orgId, row.id, questions);
    return row.id;
  });
  return getSurvey(db, orgId, id, { fresh: true });
}

export async function replaceSurvey(db: Database, orgId: string, surveyId: string, input: SurveyInput): Promise<Survey> {
  const questions = normalizeSurvey(input);
  await db.transaction(async (tx) => {
    const rows = await tx.query(
      `update surveys set name = $3, kind = $4, status = $5, default_language = $6, languages = $7, texts = $8, touchpoint_id = $9, ask_contact_consent = $10, updated_at = now()
        where org_id = $1 and id = $2 returning id`,
      [orgId, surveyId, input.name, input.kind, input.status ?? 'active', input.defaultLanguage, input.languages, surveyTexts(input), input.touchpointId ?? null, input.askContactConsent ?? false]);
    if (!rows[0]) throw notFound('Survey', 'id');
    await guardTypeChanges(tx, orgId, surveyId, questions);
    await writeQuestions(tx, orgId, surveyId, questions);
  });
  cache.delete(cacheKey(orgId, surveyId));
  return getSurvey(db, orgId, surveyId, { fresh: true });
}

/** Publishes a draft (`active`) or closes a survey without touching its questions. */
export async function setSurveyStatus(db: Database, orgId: string, surveyId: string, status: Survey['status']): Promise<void> {
  const rows = await db.query(`update surveys set status = $3, updated_at = now() where org_id = $1 and id = $2 returning id`, [orgId, surveyId, status]);
  if (!rows[0]) throw notFound('Survey', 'id');
  cache.delete(cacheKey(orgId, surveyId));
}

/** Keys of a survey's questions that have answers (they cannot be removed or retyped) and its number of responses. */
export async function surveyUsage(db: Queryable, orgId: string, surveyId: string): Promise<{ answered: Set<string>; responses: number }> {
  const [answered, [count]] = await Promise.all([
    db.query<{ key: string }>(`select q.key from questions q where q.org_id = $1 and q.survey_id = $2
        and exists (select 1 from answers a where a.org_id = q.org_id and a.question_id = q.id)`, [orgId, surveyId]),
    db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1 and survey_id = $2`, [orgId, surveyId]),
  ]);
  return { answered: new Set(answered.map((r) => r.key)), responses: count.n };
}

/** The touchpoints a survey may point at, by name. */
export async function touchpointChoices(db: Queryable, orgId: string): Promise<Array<{ id: string; name: string }>> {
  return db.query<{ id: string; name: string }>(`select id, name from touchpoints where org_id = $1 order by name, id`, [orgId]);
}

export async function deleteSurvey(db: Database, orgId: string, surveyId: string): Promise<void> {
  const [used] = await db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1 and survey_id = $2`, [orgId, surveyId]);
  if (used.n > 0) throw conflict(`The survey has ${used.n} responses; close it (status "closed") instead of deleting it`, 'id');
  const rows = await db.query(`delete from surveys where org_id = $1 and id = $2 returning id`, [orgId, surveyId]);
  if (!rows[0]) throw notFound('Survey', 'id');
  cache.delete(cacheKey(orgId, surveyId));
}

const surveyColumns = `id, org_id as "orgId", name, kind, status, default_language as "defaultLanguage", languages, texts, touchpoint_id as "touchpointId", ask_contact_consent as "askContactConsent"`;
const questionColumns = `id, key, position, type, required, texts, options, scale_max as "scaleMax", allow_dont_know as "allowDontKnow", is_driver as "isDriver", display_if as "displayIf"`;

export async function getSurvey(db: Queryable, orgId: string, surveyId: string, options: { fresh?: boolean; now?: number } = {}): Promise<Survey> {
  const now = options.now ?? Date.now();
  const key = cacheKey(orgId, surveyId);
  const hit = cache.get(key);
  if (hit && hit.until > now && !options.fresh) return hit.survey;
  const [row] = await db.query<Omit<Survey, 'questions'>>(`select ${surveyColumns} from surveys where org_id = $1 and id = $2`, [orgId, surveyId]);
  if (!row) throw notFound('Survey', 'surveyId');
  const questions = await db.query<Question>(`select ${questionColumns} from questions where org_id = $1 and survey_id = $2 order by position`, [orgId, surveyId]);
  const survey = { ...row, questions };
  if (cache.size > 5_000) cache.clear();
  cache.set(key, { survey, until: now + CACHE_MS });
  return survey;
}

/** For public pages, which know only the survey id from the link. */
export async function findSurveyOrg(db: Queryable, surveyId: string): Promise<string | undefined> {
  const [row] = await db.query<{ org_id: string }>(`select org_id from surveys where id = $1`, [surveyId]);
  return row?.org_id;
}

export async function listSurveys(db: Queryable, orgId: string) {
  return db.query<{ id: string; name: string; kind: string; status: string; defaultLanguage: string; languages: string[]; touchpointId: string | null; responses: number }>(
    `select s.id, s.name, s.kind, s.status, s.default_language as "defaultLanguage", s.languages, s.touchpoint_id as "touchpointId",
            (select count(*)::int from responses r where r.org_id = s.org_id and r.survey_id = s.id) as responses
       from surveys s where s.org_id = $1 order by s.name`, [orgId]);
}

export { scaleOf };
