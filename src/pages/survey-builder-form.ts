/**
 * The survey builder's form as data: a draft read from the posted fields (every text kept as
 * typed, so a re-rendered form loses nothing), the edits its buttons make (add, remove, move,
 * add an option), its check into a `SurveyInput` with errors at the fields, and a lenient
 * `Survey` for the preview, which shows an unfinished draft too. No HTTP, no database.
 *
 * Field names: name, kind, status, touchpointId, askContactConsent, defaultLanguage, languages (checkboxes),
 * title_<lang>, intro_<lang>, thanks_<lang>; per question i: q<i>_key, q<i>_type,
 * q<i>_required, q<i>_driver, q<i>_dk, q<i>_scaleMax, q<i>_why (+ q<i>_whyshown),
 * q<i>_text_<lang>, q<i>_extra (help texts, kept as JSON), option rows q<i>_o<j>_value,
 * q<i>_o<j>_<lang> (q<i>_on rows), and the display condition's pickers q<i>_if (an earlier
 * question's code, empty = always shown), q<i>_ifop, q<i>_ifvalue (repeated for "is one of"),
 * with q<i>_ifshown marking that the pickers were on the form.
 */
import { makeAjv } from '../http/ajv.ts';
import { KaikuError } from '../errors.ts';
import type { BuilderStrings } from '../i18n/builder.ts';
import type { WorkStrings } from '../i18n/work.ts';
import { conditionOps, questionTypes, scaleOf, surveyKinds, surveyStatuses, SurveyInput, type QuestionInput, type QuestionType, type Survey } from '../surveys/schema.ts';
import { normalizeSurvey } from '../surveys/service.ts';
import type { Errors } from './page-kit.ts';

type Texts = Record<string, string>;
export interface DraftOption { value: string; label: Texts }
export interface DraftQuestion {
  key: string; type: QuestionType; required: boolean; isDriver: boolean; allowDontKnow: boolean; scaleMax: string;
  /** undefined: no checkbox shown (an explicit "<key>_why" question exists, or not NPS). */
  why?: boolean;
  text: Texts; options: DraftOption[];
  /** Shown only when an earlier question's answer meets this, as picked (values as typed, numbers too). */
  condition?: DraftCondition;
  /** Help texts, which the builder keeps but does not edit. */
  extra: { help?: Texts };
}
export interface DraftCondition { question: string; op: string; values: string[] }
export type ConditionOp = (typeof conditionOps)[number];
export interface Draft {
  name: string; kind: string; status: string; touchpointId: string; askContactConsent: boolean; defaultLanguage: string; languages: string[];
  title: Texts; intro: Texts; thanks: Texts; questions: DraftQuestion[];
}

const KEY = /^[a-z][a-z0-9_]{0,49}$/;
const OPTION_VALUE = /^[A-Za-z0-9_-]{1,50}$/;
const LANG = /^[a-z]{2}$/;
const TEXT_MAX = 2000;
const isChoice = (type: string) => type === 'single_choice' || type === 'multi_choice';
/** What a condition on a question of this type can compare: scores, option codes, or only that it was answered. */
export const conditionKind = (type: QuestionType): 'scale' | 'choice' | 'text' => (type === 'text' ? 'text' : isChoice(type) ? 'choice' : 'scale');
/** The operators the pickers offer for a target of each kind, in the order shown. */
export const opsFor: Record<'scale' | 'choice' | 'text', ConditionOp[]> = {
  scale: ['lte', 'gte', 'eq', 'neq', 'in', 'answered'], choice: ['eq', 'neq', 'in', 'answered'], text: ['answered'],
};
/** The values a condition on `target` can take, as [code, label in `language`]: the scale's numbers or the options. */
export function conditionValues(target: DraftQuestion, language: string): Array<[string, string]> {
  if (isChoice(target.type)) return target.options.filter((o) => o.value).map((o): [string, string] => [o.value, o.label[language]?.trim() || o.value]);
  const scale = scaleOf({ type: target.type, scaleMax: target.type === 'rating' ? Number(target.scaleMax) || 5 : null });
  if (!scale) return [];
  const out: Array<[string, string]> = [];
  for (let v = scale[0]; v <= Math.min(scale[1], 10); v++) out.push([String(v), String(v)]);
  return out;
}
const conditionFromStored = (d: QuestionInput['displayIf']): DraftCondition | undefined => d
  ? { question: d.question, op: d.op, values: (Array.isArray(d.value) ? d.value : d.value === undefined ? [] : [d.value]).map(String) }
  : undefined;

type Fields = Record<string, unknown>;
const str = (body: Fields, name: string): string => {
  const v = body[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s : '';
};
const all = (body: Fields, name: string): string[] => {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((s): s is string => typeof s === 'string');
};
/** Texts of one field in every language the form carried (`<prefix>_<lang>`), as typed. */
function texts(body: Fields, prefix: string): Texts {
  const out: Texts = {};
  for (const name of Object.keys(body)) {
    const lang = name.slice(prefix.length + 1);
    if (name.startsWith(`${prefix}_`) && LANG.test(lang)) out[lang] = str(body, name);
  }
  return out;
}
const blankRow = (o: DraftOption) => o.value.trim() === '' && Object.values(o.label).every((l) => l.trim() === '');
const filled = (t: Texts) => Object.fromEntries(Object.entries(t).map(([l, v]) => [l, v.trim()]).filter(([, v]) => v !== ''));

/** Option rows as shown: no trailing blanks, then one blank row to fill in (two rows at least). */
export function optionRows(options: DraftOption[]): DraftOption[] {
  const rows = [...options];
  while (rows.length > 0 && blankRow(rows[rows.length - 1])) rows.pop();
  rows.push({ value: '', label: {} });
  while (rows.length < 2) rows.push({ value: '', label: {} });
  return rows;
}

/** A free code: `base`, else base2, base3… */
function freeCode(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

export function newQuestion(type: QuestionType, draft: Pick<Draft, 'questions'>): DraftQuestion {
  const base = ({ nps: 'nps', csat: 'csat', ces: 'ces', likert7: 'statement', rating: 'rating', single_choice: 'choice', multi_choice: 'choices', text: 'comment' } as const)[type];
  return {
    // Every scored and choice question is required unless unticked: an open answer is the respondent's to give (issue 15).
    key: freeCode(base, new Set(draft.questions.map((q) => q.key))), type, required: type !== 'text', isDriver: false, allowDontKnow: type === 'likert7',
    scaleMax: type === 'rating' ? '5' : '', why: type === 'nps' ? true : undefined, text: {}, options: isChoice(type) ? optionRows([]) : [], extra: {},
  };
}

export function emptyDraft(language: string): Draft {
  const draft: Draft = { name: '', kind: 'pulse', status: 'draft', touchpointId: '', askContactConsent: false, defaultLanguage: language, languages: [language], title: {}, intro: {}, thanks: {}, questions: [] };
  draft.questions.push(newQuestion('nps', draft));
  return draft;
}

/** A stored survey as the builder's draft. */
export function draftFromSurvey(survey: Survey): Draft {
  const keys = new Set(survey.questions.map((q) => q.key));
  return {
    name: survey.name, kind: survey.kind, status: survey.status, touchpointId: survey.touchpointId ?? '', askContactConsent: survey.askContactConsent, defaultLanguage: survey.defaultLanguage,
    languages: [...survey.languages], title: { ...survey.texts.title }, intro: { ...survey.texts.intro }, thanks: { ...survey.texts.thanks },
    questions: survey.questions.map((q) => {
      const help = Object.fromEntries(Object.entries(q.texts).filter(([, t]) => t.help).map(([l, t]) => [l, t.help as string]));
      return {
        key: q.key, type: q.type, required: q.required, isDriver: q.isDriver, allowDontKnow: q.allowDontKnow, scaleMax: q.scaleMax === null ? '' : String(q.scaleMax),
        why: q.type === 'nps' && !keys.has(`${q.key}_why`) ? false : undefined,
        text: Object.fromEntries(Object.entries(q.texts).map(([l, t]) => [l, t.label])),
        options: isChoice(q.type) ? optionRows((q.options ?? []).map((o) => ({ value: o.value, label: { ...o.label } }))) : [],
        condition: conditionFromStored(q.displayIf ?? undefined),
        extra: Object.keys(help).length ? { help } : {},
      };
    }),
  };
}

/** The kept help texts (and, from a form of an earlier version, a display condition). */
function readExtra(raw: string): DraftQuestion['extra'] & { displayIf?: QuestionInput['displayIf'] } {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as DraftQuestion['extra'] & { displayIf?: QuestionInput['displayIf'] };
    return parsed && typeof parsed === 'object' ? { ...(parsed.help ? { help: parsed.help } : {}), ...(parsed.displayIf ? { displayIf: parsed.displayIf } : {}) } : {};
  } catch {
    return {}; // a tampered field: dropped, the check below still validates what is left
  }
}

/** The condition pickers of question `p` as posted; without them (an older form), the condition carried in its extra field. */
function readCondition(b: Fields, p: string, extra: ReturnType<typeof readExtra>): DraftCondition | undefined {
  if (str(b, `${p}_ifshown`) !== '1') return conditionFromStored(extra.displayIf);
  const question = str(b, `${p}_if`).trim();
  if (!question) return undefined;
  return { question, op: str(b, `${p}_ifop`), values: all(b, `${p}_ifvalue`).map((v) => v.trim()).filter(Boolean).slice(0, 50) };
}

/** The posted form as a draft. Option rows that were left without a code get one, so it stays the same from preview to save. */
export function readDraft(body: unknown): Draft {
  const b = (body && typeof body === 'object' ? body : {}) as Fields;
  const count = Math.min(Number.parseInt(str(b, 'qn'), 10) || 0, 100);
  const questions: DraftQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const p = `q${i}`;
    const type = (questionTypes as readonly string[]).includes(str(b, `${p}_type`)) ? str(b, `${p}_type`) as QuestionType : 'text';
    const rows = Math.min(Number.parseInt(str(b, `${p}_on`), 10) || 0, 50);
    const options: DraftOption[] = [];
    for (let j = 0; j < rows; j++) options.push({ value: str(b, `${p}_o${j}_value`).trim(), label: texts(b, `${p}_o${j}`) });
    const taken = new Set(options.map((o) => o.value).filter(Boolean));
    for (const o of options) if (!o.value && !blankRow(o)) { o.value = freeCode(`o${taken.size + 1}`, taken); taken.add(o.value); }
    const extra = readExtra(str(b, `${p}_extra`));
    questions.push({
      key: str(b, `${p}_key`).trim(), type, required: str(b, `${p}_required`) === '1', isDriver: str(b, `${p}_driver`) === '1', allowDontKnow: str(b, `${p}_dk`) === '1',
      scaleMax: str(b, `${p}_scaleMax`).trim(), why: str(b, `${p}_whyshown`) === '1' ? str(b, `${p}_why`) === '1' : undefined,
      text: texts(b, `${p}_text`), options: isChoice(type) ? optionRows(options) : [],
      condition: readCondition(b, p, extra), extra: extra.help ? { help: extra.help } : {},
    });
  }
  const languages = [...new Set(all(b, 'languages').filter((l) => LANG.test(l)))];
  return {
    name: str(b, 'name'), kind: str(b, 'kind'), status: str(b, 'status'), touchpointId: str(b, 'touchpointId'), askContactConsent: str(b, 'askContactConsent') === '1', defaultLanguage: str(b, 'defaultLanguage'),
    languages, title: texts(b, 'title'), intro: texts(b, 'intro'), thanks: texts(b, 'thanks'), questions,
  };
}

/**
 * What a button of the form does to the draft: `add`, `remove-<i>`, `up-<i>`, `down-<i>`,
 * `addopt-<i>`, and `move-<from>-<to>` (a question dropped at another place by dragging).
 */
export function applyEdit(draft: Draft, intent: string, newType: string): Draft {
  const [action, index, to] = intent.split('-');
  const i = Number(index);
  const questions = [...draft.questions];
  if (action === 'add' && questions.length < 100) {
    questions.push(newQuestion((questionTypes as readonly string[]).includes(newType) ? newType as QuestionType : 'text', draft));
  } else if (action === 'remove' && questions[i]) questions.splice(i, 1);
  else if (action === 'up' && i > 0 && questions[i]) [questions[i - 1], questions[i]] = [questions[i], questions[i - 1]];
  else if (action === 'down' && questions[i + 1]) [questions[i], questions[i + 1]] = [questions[i + 1], questions[i]];
  else if (action === 'move' && questions[i] && /^\d+$/.test(to ?? '') && Number(to) < questions.length) questions.splice(Number(to), 0, ...questions.splice(i, 1));
  else if (action === 'addopt' && questions[i] && questions[i].options.length < 50) questions[i] = { ...questions[i], options: [...questions[i].options, { value: '', label: {} }] };
  return { ...draft, questions };
}

/** A picked condition as the API's: numbers for a score question's scale, option codes as they are. */
function toCondition(c: DraftCondition, draft: Draft): NonNullable<QuestionInput['displayIf']> {
  const target = draft.questions.find((q) => q.key === c.question);
  const numeric = target !== undefined && conditionKind(target.type) === 'scale';
  const values = c.values.map((v) => (numeric && /^-?\d+$/.test(v) ? Number(v) : v));
  const op = c.op as ConditionOp; // an unknown operator is the API schema's to refuse
  if (op === 'answered') return { question: c.question, op };
  return { question: c.question, op, value: op === 'in' ? values : values[0] };
}

const onlyIn = (t: Texts, languages: string[]) => filled(Object.fromEntries(Object.entries(t).filter(([l]) => languages.includes(l))));

/** The draft as the API's input: what the texts and options in the chosen languages say, nothing checked yet. */
export function toInput(draft: Draft): SurveyInput {
  const langs = draft.languages;
  const optional = (t: Texts) => (Object.keys(onlyIn(t, langs)).length ? onlyIn(t, langs) : undefined);
  return {
    name: draft.name.trim(), kind: draft.kind as SurveyInput['kind'], status: draft.status as SurveyInput['status'], defaultLanguage: draft.defaultLanguage, languages: langs,
    title: onlyIn(draft.title, langs), ...(optional(draft.intro) ? { intro: optional(draft.intro) } : {}), ...(optional(draft.thanks) ? { thanks: optional(draft.thanks) } : {}),
    touchpointId: draft.touchpointId || null, askContactConsent: draft.askContactConsent,
    questions: draft.questions.map((q): QuestionInput => {
      const options = q.options.filter((o) => !blankRow(o)).map((o) => ({ value: o.value, label: onlyIn(o.label, langs) }));
      return {
        key: q.key, type: q.type, text: onlyIn(q.text, langs), required: q.required,
        ...(q.extra.help && Object.keys(onlyIn(q.extra.help, langs)).length ? { help: onlyIn(q.extra.help, langs) } : {}),
        ...(isChoice(q.type) ? { options } : {}),
        ...(q.type === 'rating' && q.scaleMax ? { scaleMax: Number(q.scaleMax) } : {}),
        ...(q.type === 'likert7' ? { allowDontKnow: q.allowDontKnow } : {}),
        ...(q.isDriver ? { isDriver: true } : {}),
        ...(q.condition ? { displayIf: toCondition(q.condition, draft) } : {}),
        ...(q.type === 'nps' && q.why !== undefined ? { why: q.why } : {}),
      };
    }),
  };
}

// The API's body validator (no coercion), so the form accepts exactly what POST /api/v1/surveys does.
const validInput = makeAjv(false).compile(SurveyInput);

/** A field of the API's input (`questions[2].options[1].label`, `/questions/2/key`) as the form field that shows it. */
export function formField(path: string, draft: Pick<Draft, 'defaultLanguage'>): string {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').replace(/^\//, '').split(/[./]/).filter(Boolean);
  const [top, a, b, c, d] = parts;
  const def = draft.defaultLanguage;
  if (top === 'questions' && a !== undefined && /^\d+$/.test(a)) {
    const q = `q${a}`;
    if (b === 'options') return c !== undefined && /^\d+$/.test(c) ? (d === 'label' ? `${q}_o${c}_${def}` : `${q}_o${c}_value`) : `${q}_o0_value`;
    if (b === 'text' || b === 'help') return `${q}_text_${def}`;
    if (b === 'scaleMax') return `${q}_scaleMax`;
    if (b === 'type') return `${q}_type`;
    if (b === 'displayIf') return c === 'value' ? `${q}_ifvalue` : c === 'op' ? `${q}_ifop` : `${q}_if`;
    return `${q}_key`;
  }
  if (top === 'questions') return 'questions';
  if (top === 'title' || top === 'intro' || top === 'thanks') return `${top}_${def}`;
  if (top === 'languages') return 'languages';
  return ['name', 'kind', 'status', 'defaultLanguage', 'touchpointId'].includes(top) ? top : 'name';
}

/**
 * Checks the draft the way the API does (its schema, then the service's own rules), with
 * the common mistakes named in the reader's language at their field. `touchpoints` are the
 * organisation's, which a survey may point at.
 */
export function checkDraft(draft: Draft, s: BuilderStrings, w: WorkStrings, touchpoints: Set<string>): { errors: Errors; input?: SurveyInput } {
  const errors: Errors = new Map();
  const set = (field: string, message: string) => { if (!errors.has(field)) errors.set(field, message); };
  const def = draft.defaultLanguage;
  const tooLong = (t: Texts, field: (l: string) => string) => { for (const [l, v] of Object.entries(t)) if (v.trim().length > TEXT_MAX && draft.languages.includes(l)) set(field(l), w.common.tooLong(TEXT_MAX)); };
  if (!draft.name.trim()) set('name', w.common.required); else if (draft.name.trim().length > 200) set('name', w.common.tooLong(200));
  if (!(surveyKinds as readonly string[]).includes(draft.kind)) set('kind', w.common.choose);
  if (!(surveyStatuses as readonly string[]).includes(draft.status)) set('status', w.common.choose);
  if (draft.touchpointId && !touchpoints.has(draft.touchpointId)) set('touchpointId', w.common.choose);
  if (draft.languages.length === 0) set('languages', s.errors.needLanguage);
  else if (!draft.languages.includes(def)) set('defaultLanguage', s.errors.defaultNotChosen);
  else if (!draft.title[def]?.trim()) set(`title_${def}`, s.errors.needText(def));
  tooLong(draft.title, (l) => `title_${l}`);
  tooLong(draft.intro, (l) => `intro_${l}`);
  tooLong(draft.thanks, (l) => `thanks_${l}`);
  if (draft.questions.length === 0) set('questions', s.errors.needQuestion);
  const keys = new Set<string>();
  draft.questions.forEach((q, i) => {
    const p = `q${i}`;
    if (!KEY.test(q.key)) set(`${p}_key`, s.errors.badKey);
    else if (keys.has(q.key)) set(`${p}_key`, s.errors.keyTaken);
    keys.add(q.key);
    if (draft.languages.includes(def) && !q.text[def]?.trim()) set(`${p}_text_${def}`, s.errors.needText(def));
    tooLong(q.text, (l) => `${p}_text_${l}`);
    if (q.type === 'rating' && q.scaleMax && !(/^\d+$/.test(q.scaleMax) && Number(q.scaleMax) >= 2 && Number(q.scaleMax) <= 10)) set(`${p}_scaleMax`, w.common.number(2, 10));
    if (q.condition) {
      const earlier = draft.questions.slice(0, i).find((t) => t.key === q.condition?.question);
      if (!earlier) set(`${p}_if`, s.errors.conditionEarlier);
      else if (!opsFor[conditionKind(earlier.type)].includes(q.condition.op as ConditionOp)) set(`${p}_ifop`, w.common.choose);
      else if (q.condition.op !== 'answered' && q.condition.values.length === 0) set(`${p}_ifvalue`, s.errors.conditionValue);
      else if (q.condition.op !== 'answered') {
        const allowed = new Set(conditionValues(earlier, def).map(([v]) => v));
        if (q.condition.values.some((v) => !allowed.has(v))) set(`${p}_ifvalue`, s.errors.conditionValue);
      }
    }
    if (isChoice(q.type)) {
      const rows = q.options.map((o, j) => ({ o, j })).filter(({ o }) => !blankRow(o));
      if (rows.length < 2) set(`${p}_o0_value`, s.errors.needOptions);
      const values = new Set<string>();
      for (const { o, j } of rows) {
        if (!OPTION_VALUE.test(o.value)) set(`${p}_o${j}_value`, s.errors.badOptionValue);
        else if (values.has(o.value)) set(`${p}_o${j}_value`, s.errors.optionTaken);
        values.add(o.value);
        if (draft.languages.includes(def) && !o.label[def]?.trim()) set(`${p}_o${j}_${def}`, s.errors.needText(def));
        tooLong(o.label, (l) => `${p}_o${j}_${l}`);
      }
    }
  });
  if (errors.size > 0) return { errors };
  const input = toInput(draft);
  if (!validInput(input)) {
    const error = validInput.errors?.[0];
    set(formField(error?.instancePath ?? '', draft), w.common.notValid(`${error?.instancePath ?? ''} ${error?.message ?? ''}`.trim()));
    return { errors };
  }
  try {
    normalizeSurvey(input);
  } catch (error) {
    if (!(error instanceof KaikuError)) throw error;
    set(formField(error.field ?? '', draft), w.common.notValid(error.message));
    return { errors };
  }
  return { errors, input };
}

/**
 * The draft as the respondent would see it, even when it does not pass the check yet: the
 * service's own expansion (NPS follow-ups, positions) when it can, else the questions as typed.
 */
export function previewSurvey(draft: Draft): Survey {
  const languages = draft.languages.length ? draft.languages : [draft.defaultLanguage || 'fi'];
  const defaultLanguage = languages.includes(draft.defaultLanguage) ? draft.defaultLanguage : languages[0];
  const input = toInput({ ...draft, languages, defaultLanguage });
  let questions: Survey['questions'];
  try {
    questions = normalizeSurvey(input).map((q, i) => ({ ...q, id: `preview-${i}` }));
  } catch (error) {
    if (!(error instanceof KaikuError)) throw error;
    questions = input.questions.map((q, i) => ({
      id: `preview-${i}`, key: q.key || `q${i + 1}`, position: i + 1, type: q.type, required: q.required ?? false,
      texts: Object.fromEntries(Object.entries(q.text).map(([l, label]) => [l, q.help?.[l] ? { label, help: q.help[l] } : { label }])),
      options: q.options ?? null, scaleMax: q.type === 'rating' ? Math.min(Math.max(Number(q.scaleMax) || 5, 2), 10) : null,
      allowDontKnow: q.allowDontKnow ?? false, isDriver: q.isDriver ?? false, displayIf: q.displayIf ?? null,
    }));
  }
  return {
    id: 'preview', orgId: '', name: draft.name, kind: input.kind, status: 'active', defaultLanguage, languages,
    texts: { title: input.title, ...(input.intro ? { intro: input.intro } : {}), ...(input.thanks ? { thanks: input.thanks } : {}) },
    touchpointId: null, askContactConsent: input.askContactConsent ?? false, questions,
  };
}
