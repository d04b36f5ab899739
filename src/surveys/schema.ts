/** Request schemas and domain types of surveys and their questions. */
import { Type, type Static } from '@sinclair/typebox';
import { Language, LocalizedText, Uuid, literals, strict } from '../http/schemas.ts';

export const questionTypes = ['nps', 'csat', 'ces', 'likert7', 'rating', 'single_choice', 'multi_choice', 'text'] as const;
export type QuestionType = (typeof questionTypes)[number];
export const surveyKinds = ['strategic', 'pulse', 'adhoc'] as const;
export const surveyStatuses = ['draft', 'active', 'closed'] as const;
export const conditionOps = ['eq', 'neq', 'lte', 'gte', 'in', 'answered'] as const;


export const DisplayCondition = Type.Object({
  question: Type.String({ description: 'Key of an earlier question' }),
  op: literals(conditionOps),
  value: Type.Optional(Type.Union([Type.Number(), Type.String(), Type.Array(Type.Union([Type.Number(), Type.String()]), { maxItems: 50 })])),
}, strict);

export const QuestionInput = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,49}$', description: 'Stable code, unique in the survey' }),
  type: literals(questionTypes),
  text: LocalizedText,
  help: Type.Optional(LocalizedText),
  required: Type.Optional(Type.Boolean()),
  options: Type.Optional(Type.Array(Type.Object({
    value: Type.String({ pattern: '^[A-Za-z0-9_-]{1,50}$' }),
    label: LocalizedText,
  }, strict), { minItems: 2, maxItems: 50 })),
  scaleMax: Type.Optional(Type.Integer({ minimum: 2, maximum: 10, description: 'rating questions: 1…scaleMax (default 5)' })),
  allowDontKnow: Type.Optional(Type.Boolean({ description: 'likert7: offer "don\'t know / no experience"' })),
  isDriver: Type.Optional(Type.Boolean({ description: 'Use as an attribute in key-driver analysis' })),
  displayIf: Type.Optional(DisplayCondition),
  why: Type.Optional(Type.Boolean({ description: 'nps: add the open "why?" follow-up (default true)' })),
}, strict);
export type QuestionInput = Static<typeof QuestionInput>;

export const SurveyInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: literals(surveyKinds),
  status: Type.Optional(literals(surveyStatuses)),
  defaultLanguage: Language,
  languages: Type.Array(Language, { minItems: 1, maxItems: 20, uniqueItems: true }),
  title: LocalizedText,
  intro: Type.Optional(LocalizedText),
  thanks: Type.Optional(LocalizedText),
  touchpointId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  askContactConsent: Type.Optional(Type.Boolean({ description: 'Ask respondents without a known contact (open link) whether they may be contacted about their answer, with an e-mail address or phone number (default false)' })),
  questions: Type.Array(QuestionInput, { minItems: 1, maxItems: 100 }),
}, strict);
export type SurveyInput = Static<typeof SurveyInput>;

export interface Question {
  id: string;
  key: string;
  position: number;
  type: QuestionType;
  required: boolean;
  texts: Record<string, { label: string; help?: string }>;
  options: Array<{ value: string; label: Record<string, string> }> | null;
  scaleMax: number | null;
  allowDontKnow: boolean;
  isDriver: boolean;
  displayIf: Static<typeof DisplayCondition> | null;
}

export interface Survey {
  id: string;
  orgId: string;
  name: string;
  kind: (typeof surveyKinds)[number];
  status: (typeof surveyStatuses)[number];
  defaultLanguage: string;
  languages: string[];
  texts: { title: Record<string, string>; intro?: Record<string, string>; thanks?: Record<string, string> };
  touchpointId: string | null;
  /** Anonymous respondents are asked for consent to be contacted (src/surveys/contact-requests.ts). */
  askContactConsent: boolean;
  questions: Question[];
}

/** The scale a score question accepts, inclusive. */
export function scaleOf(q: Pick<Question, 'type' | 'scaleMax'>): [number, number] | undefined {
  switch (q.type) {
    case 'nps': return [0, 10];
    case 'csat': return [1, 5];
    case 'ces': return [1, 7];
    case 'likert7': return [1, 7];
    case 'rating': return [1, q.scaleMax ?? 5];
    default: return undefined;
  }
}
