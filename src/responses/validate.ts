/**
 * Turns submitted answers into typed answer rows, checking each against its question:
 * scale ranges, choice options, don't-know permission, display logic and required questions.
 * Pure: the survey definition comes in, rows or a KaikuError naming the field go out.
 */
import { badInput } from '../errors.ts';
import { scaleOf, type Question, type Survey } from '../surveys/schema.ts';

export interface SubmittedAnswer {
  /** Question key or id. */
  question: string;
  value?: number | string | string[] | null;
  dontKnow?: boolean;
}

export interface AnswerRow {
  questionId: string;
  number: number | null;
  choice: string | null;
  choices: string[] | null;
  text: string | null;
  dontKnow: boolean;
}

export const MAX_TEXT_LENGTH = 10_000;

/** What is known of one answer when judging display conditions. */
export type GivenAnswer = { number?: number; choice?: string; choices?: string[]; text?: string; dontKnow?: boolean };
type Given = GivenAnswer;

/** Whether a question is shown, given the earlier answers (by question key). Shared with the survey form. */
export function conditionHolds(q: Pick<Question, 'displayIf'>, given: ReadonlyMap<string, GivenAnswer>): boolean {
  const cond = q.displayIf;
  if (!cond) return true;
  const answer = given.get(cond.question);
  if (cond.op === 'answered') return answer !== undefined && !answer.dontKnow;
  if (!answer || answer.dontKnow) return false;
  const actual: Array<number | string> = answer.number !== undefined ? [answer.number] : answer.choice !== undefined ? [answer.choice] : answer.choices ?? [];
  const expected = cond.value;
  switch (cond.op) {
    case 'eq': return actual.some((v) => v === expected);
    case 'neq': return actual.length > 0 && actual.every((v) => v !== expected);
    case 'lte': return typeof expected === 'number' && actual.some((v) => typeof v === 'number' && v <= expected);
    case 'gte': return typeof expected === 'number' && actual.some((v) => typeof v === 'number' && v >= expected);
    case 'in': return Array.isArray(expected) && actual.some((v) => expected.includes(v));
    default: return false;
  }
}

/**
 * @param fieldPrefix where the answers sit in the request, for error messages (e.g. "answers").
 */
export function validateAnswers(survey: Survey, submitted: SubmittedAnswer[], fieldPrefix = 'answers'): AnswerRow[] {
  const byKey = new Map(survey.questions.map((q) => [q.key, q]));
  const byId = new Map(survey.questions.map((q) => [q.id, q]));
  const given = new Map<string, Given>();
  const rows = new Map<string, AnswerRow>();

  submitted.forEach((answer, index) => {
    const field = `${fieldPrefix}[${index}]`;
    const q = byKey.get(answer.question) ?? byId.get(answer.question);
    if (!q) throw badInput(`Question "${answer.question}" is not in this survey`, `${field}.question`);
    if (given.has(q.key)) throw badInput(`Question "${q.key}" is answered twice`, `${field}.question`);
    const value = answer.value;
    const row: AnswerRow = { questionId: q.id, number: null, choice: null, choices: null, text: null, dontKnow: false };

    if (answer.dontKnow) {
      if (!q.allowDontKnow) throw badInput(`Question "${q.key}" does not offer "don't know"`, `${field}.dontKnow`);
      if (value !== undefined && value !== null) throw badInput(`Give either a value or dontKnow for "${q.key}", not both`, `${field}.value`);
      row.dontKnow = true;
      given.set(q.key, { dontKnow: true });
      rows.set(q.key, row);
      return;
    }
    if (value === undefined || value === null || value === '') return; // not answered
    const scale = scaleOf(q);
    if (scale) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < scale[0] || value > scale[1]) {
        throw badInput(`"${q.key}" must be a whole number from ${scale[0]} to ${scale[1]}`, `${field}.value`);
      }
      row.number = value;
      given.set(q.key, { number: value });
    } else if (q.type === 'single_choice') {
      if (typeof value !== 'string' || !q.options?.some((o) => o.value === value)) {
        throw badInput(`"${q.key}" must be one of: ${q.options?.map((o) => o.value).join(', ')}`, `${field}.value`);
      }
      row.choice = value;
      given.set(q.key, { choice: value });
    } else if (q.type === 'multi_choice') {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string' || !q.options?.some((o) => o.value === v))) {
        throw badInput(`"${q.key}" must be a list of: ${q.options?.map((o) => o.value).join(', ')}`, `${field}.value`);
      }
      if (new Set(list).size !== list.length) throw badInput(`"${q.key}" lists an option twice`, `${field}.value`);
      row.choices = list as string[];
      given.set(q.key, { choices: row.choices });
    } else {
      if (typeof value !== 'string') throw badInput(`"${q.key}" must be text`, `${field}.value`);
      const text = value.trim();
      if (text === '') return;
      if (text.length > MAX_TEXT_LENGTH) throw badInput(`"${q.key}" is longer than ${MAX_TEXT_LENGTH} characters`, `${field}.value`);
      row.text = text;
      given.set(q.key, { text });
    }
    rows.set(q.key, row);
  });

  // Display logic and required questions are judged in survey order, on what was given.
  for (const q of survey.questions) {
    const shown = conditionHolds(q, given);
    if (!shown && rows.has(q.key)) {
      const index = submitted.findIndex((a) => a.question === q.key || a.question === q.id);
      throw badInput(`"${q.key}" is not shown for these answers (display condition on "${q.displayIf?.question}")`, `${fieldPrefix}[${index}].question`);
    }
    if (shown && q.required && !rows.has(q.key)) throw badInput(`"${q.key}" is required`, fieldPrefix);
  }
  if (rows.size === 0) throw badInput('At least one question must be answered', fieldPrefix);
  return [...rows.values()];
}
