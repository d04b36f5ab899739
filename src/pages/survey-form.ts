/**
 * A submitted survey form (application/x-www-form-urlencoded, one field per question key)
 * turned into answers for `ingestResponses`, plus per-question problems the page shows
 * beside each field in the respondent's language. Pure: no database, no clock.
 *
 * Without JavaScript a respondent sees every question, conditional ones included, so an
 * answer to a question whose display condition is not met is dropped here (it is not an
 * error the respondent could fix), before the response validator would refuse it.
 */
import { scaleOf, type Question, type Survey } from '../surveys/schema.ts';
import { conditionHolds, type GivenAnswer, type SubmittedAnswer } from '../responses/validate.ts';

/** Longest open answer the page accepts (the textarea's maxlength); the API allows more. */
export const TEXT_MAX_LENGTH = 2000;
/** The value of the "don't know / no experience" radio of a likert question. */
export const DONT_KNOW = 'dk';

export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'option' }
  | { kind: 'too_long'; max: number }
  | { kind: 'empty' }
  | { kind: 'invalid' }
  /** Sent back sooner than a person fills a form (src/http/bot-guard.ts): send again. */
  | { kind: 'retry' };

export interface FieldError {
  /** Question key, or null for a problem with the form as a whole. */
  question: string | null;
  problem: FieldProblem;
}

export interface ParsedForm {
  answers: SubmittedAnswer[];
  /** What the respondent sent, per question key, to put back into a re-rendered form. */
  values: Record<string, string[]>;
  errors: FieldError[];
  /** Keys of answered questions dropped because their display condition was not met. */
  dropped: string[];
}

type Given = GivenAnswer;

/** All values a form field carried, as strings (formbody gives a string, or an array when repeated). */
export function fieldValues(fields: Record<string, unknown>, key: string): string[] {
  const raw = Object.hasOwn(fields, key) ? fields[key] : undefined;
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
}

/** The response validator's display logic, so the form drops exactly what the validator would refuse. */
export const conditionMet = conditionHolds;

type Read = { answer?: SubmittedAnswer; given?: Given; problem?: FieldProblem };

function readQuestion(q: Question, values: string[]): Read {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  const scale = scaleOf(q);
  if (scale) {
    if (present.length === 0) return {};
    const [value] = present;
    if (value === DONT_KNOW && q.allowDontKnow) return { answer: { question: q.key, dontKnow: true }, given: { dontKnow: true } };
    const number = /^-?\d{1,3}$/.test(value) ? Number(value) : NaN;
    if (present.length > 1 || !Number.isInteger(number) || number < scale[0] || number > scale[1]) {
      return { problem: { kind: 'range', min: scale[0], max: scale[1] } };
    }
    return { answer: { question: q.key, value: number }, given: { number } };
  }
  const options = new Set((q.options ?? []).map((o) => o.value));
  if (q.type === 'single_choice') {
    if (present.length === 0) return {};
    if (present.length > 1 || !options.has(present[0])) return { problem: { kind: 'option' } };
    return { answer: { question: q.key, value: present[0] }, given: { choice: present[0] } };
  }
  if (q.type === 'multi_choice') {
    if (present.length === 0) return {};
    if (present.some((v) => !options.has(v))) return { problem: { kind: 'option' } };
    // Keep the survey's option order, so the stored list does not depend on the browser.
    const chosen = (q.options ?? []).map((o) => o.value).filter((v) => present.includes(v));
    return { answer: { question: q.key, value: chosen }, given: { choices: chosen } };
  }
  const text = values.join('\n').trim();
  if (text === '') return {};
  if (text.length > TEXT_MAX_LENGTH) return { problem: { kind: 'too_long', max: TEXT_MAX_LENGTH } };
  return { answer: { question: q.key, value: text }, given: { text } };
}

export function parseSurveyForm(survey: Pick<Survey, 'questions'>, fields: Record<string, unknown>): ParsedForm {
  const given = new Map<string, Given>();
  const result: ParsedForm = { answers: [], values: {}, errors: [], dropped: [] };
  // Questions in survey order: a condition only refers to an earlier question.
  for (const q of survey.questions) {
    const values = fieldValues(fields, q.key);
    if (values.length > 0) result.values[q.key] = values;
    const shown = conditionMet(q, given);
    const read = readQuestion(q, values);
    if (!shown) {
      if (read.answer || read.problem) result.dropped.push(q.key);
      continue;
    }
    if (read.problem) {
      result.errors.push({ question: q.key, problem: read.problem });
    } else if (read.answer && read.given) {
      result.answers.push(read.answer);
      given.set(q.key, read.given);
    } else if (q.required) {
      result.errors.push({ question: q.key, problem: { kind: 'required' } });
    }
  }
  if (result.errors.length === 0 && result.answers.length === 0) result.errors.push({ question: null, problem: { kind: 'empty' } });
  return result;
}

/**
 * Pre-filled values from the link (`?nps=9`, or `?<key>=<value>`): an e-mail can embed the
 * first question, and the click lands on the form with that answer chosen. Only the first
 * question is pre-filled, so a link cannot put words in the respondent's mouth further down.
 */
export function prefillFromQuery(survey: Pick<Survey, 'questions'>, query: Record<string, unknown>): Record<string, string[]> {
  const first = survey.questions[0];
  if (!first || first.type === 'text') return {};
  let values = fieldValues(query, first.key);
  if (values.length === 0 && first.type === 'nps') values = fieldValues(query, 'nps');
  return values.length > 0 ? { [first.key]: values.slice(0, first.type === 'multi_choice' ? 50 : 1) } : {};
}
