/**
 * Key-driver analysis over stored responses: resolves the survey's target and attribute
 * questions, fetches one row per respondent (queries.ts) and feeds the pure cores
 * (relative weights, Shapley/LMG, promoter-vs-passive logistic regression, bootstrap,
 * priority matrix). Missing and don't-know answers are handled by the cores: listwise deletion.
 */
import type { Queryable } from '../db/connection.ts';
import { isPersonLevel, type AuthContext } from '../auth/permissions.ts';
import { badInput, KaikuError } from '../errors.ts';
import { createRandom } from '../linalg/random.ts';
import type { MetricFilters } from '../metrics/queries.ts';
import { getOrganization } from '../orgs/service.ts';
import { getSurvey, scaleOf } from '../surveys/service.ts';
import type { Question, Survey } from '../surveys/schema.ts';
import { bootstrapDriverWeights } from './bootstrap.ts';
import { prepareDriverData, type DriverInput, type PreparedDrivers } from './data.ts';
import { priorityMatrix } from './priority.ts';
import { interceptName, promoterLogistic } from './promoter-logistic.ts';
import { relativeWeights } from './relative-weights.ts';
import { shapleyWeights } from './shapley.ts';
import { respondentScores } from './queries.ts';
import { DriverResultCache, driverResultCache } from './cache.ts';
import { UUID } from '../vocabulary.ts';

export const driverMethods = ['relative-weights', 'shapley', 'promoter-logistic'] as const;
export type DriverMethod = (typeof driverMethods)[number];
export const performanceMeasures = ['mean', 'top-box'] as const;
export type PerformanceMeasure = (typeof performanceMeasures)[number];

const scoreTypes = ['nps', 'csat', 'ces', 'likert7', 'rating'];

export interface DriverRequest {
  surveyId: string;
  /** Key or id of the outcome question. */
  target: string;
  /** Keys or ids; default: the survey's driver questions (isDriver) other than the target. */
  attributes?: string[];
  method: DriverMethod;
  /** Bootstrap resamples for the weights' intervals; 0 = none. */
  bootstrap: number;
  seed: number;
  performance: PerformanceMeasure;
  filters: Omit<MetricFilters, 'surveyId' | 'questionId'>;
}


function findQuestion(survey: Survey, keyOrId: string): Question | undefined {
  return survey.questions.find((q) => q.key === keyOrId || (UUID.test(keyOrId) && q.id.toLowerCase() === keyOrId.toLowerCase()));
}

const scoreQuestionList = (survey: Survey) =>
  survey.questions.filter((q) => scoreTypes.includes(q.type)).map((q) => q.key).join(', ') || 'none';

/** The target and attribute questions of the request, checked. */
export function resolveDriverQuestions(survey: Survey, request: Pick<DriverRequest, 'target' | 'attributes' | 'method'>): { target: Question; attributes: Question[] } {
  const target = findQuestion(survey, request.target);
  if (!target) {
    throw badInput(`The survey has no question "${request.target}"; the target must be the key or id of one of its score questions (${scoreQuestionList(survey)})`, 'target');
  }
  if (!scoreTypes.includes(target.type)) {
    throw badInput(`"${target.key}" is a ${target.type} question; the target must be a score question (nps, csat, ces, likert7 or rating)`, 'target');
  }
  if (request.method === 'promoter-logistic' && target.type !== 'nps') {
    throw badInput(`promoter-logistic compares promoters (9–10) with passives (7–8), so the target must be an NPS question; "${target.key}" is ${target.type}`, 'target');
  }
  let attributes: Question[];
  if (request.attributes && request.attributes.length > 0) {
    attributes = request.attributes.map((name) => {
      const question = findQuestion(survey, name);
      if (!question) throw badInput(`The survey has no question "${name}"; attributes must be keys or ids of its score questions (${scoreQuestionList(survey)})`, 'attributes');
      if (!scoreTypes.includes(question.type)) throw badInput(`Attribute "${question.key}" is a ${question.type} question; attributes must be score questions`, 'attributes');
      if (question.id === target.id) throw badInput(`"${question.key}" is the target; it cannot also be an attribute`, 'attributes');
      return question;
    });
    const keys = attributes.map((a) => a.key);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice) throw badInput(`Attribute "${twice}" is named twice`, 'attributes');
  } else {
    attributes = survey.questions.filter((q) => q.isDriver && q.id !== target.id && scoreTypes.includes(q.type));
    if (attributes.length === 0) {
      throw badInput(`The survey "${survey.name}" has no driver attributes (score questions marked isDriver); mark some, or name them with attributes=key1,key2`, 'attributes');
    }
  }
  return { target, attributes };
}

/**
 * The cores name the column in `field`; over HTTP the field is the request parameter
 * (target or attributes) and the message already names the question.
 */
function asRequestField<T>(target: Question, attributes: Question[], work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof KaikuError && error.field !== undefined) {
      const field = error.field === target.key ? 'target' : attributes.some((a) => a.key === error.field) ? 'attributes' : error.field;
      throw new KaikuError(error.code, error.message, { status: error.status, field });
    }
    throw error;
  }
}

/** Share (percent) of the respondents used whose answer is in the top two points of the scale. */
function topBoxShare(values: Float64Array, question: Question): number {
  const max = scaleOf(question)![1];
  let top = 0;
  for (const v of values) if (v >= max - 1) top++;
  return values.length ? (100 * top) / values.length : 0;
}

/**
 * The range performance can take: 0–100 % for top-box, else from the lowest to the highest end
 * of the attributes' scales (1–7 for Likert), so a matrix drawn on it does not magnify small gaps.
 */
function performanceRange(measure: PerformanceMeasure, attributes: Question[]): [number, number] {
  if (measure === 'top-box') return [0, 100];
  const scales = attributes.map((a) => scaleOf(a)!);
  return [Math.min(...scales.map((r) => r[0])), Math.max(...scales.map((r) => r[1]))];
}

const groupTooSmall = (minGroupSize: number) => new KaikuError('group_too_small',
  `Fewer than ${minGroupSize} respondents (the organisation's minimum group size) are in this slice; person-level results are not shown for smaller groups`,
  { status: 403 });

export async function driverReport(db: Queryable, auth: AuthContext, request: DriverRequest) {
  if (request.method === 'promoter-logistic' && request.bootstrap > 0) {
    throw badInput('bootstrap applies to relative-weights and shapley; promoter-logistic reports standard errors', 'bootstrap');
  }
  const survey = await getSurvey(db, auth.orgId, request.surveyId);
  const { target, attributes } = resolveDriverQuestions(survey, request);
  const org = await getOrganization(db, auth.orgId);
  const scores = await respondentScores(db, auth.orgId, survey.id, [target.id, ...attributes.map((a) => a.id)], request.filters, auth.scope);
  const personLevel = isPersonLevel(auth, request.filters.employeeId ? 'employee' : undefined);
  if (personLevel && scores.respondents < org.minGroupSize) throw groupTooSmall(org.minGroupSize);
  // Everything the result depends on, so a cached one is exact (cache.ts); a copy, so no caller can alter the stored one.
  const key = DriverResultCache.key(
    { org: auth.orgId, scope: auth.scope, personLevel, request, survey, minGroupSize: org.minGroupSize, respondents: scores.respondents },
    scores.columns,
  );
  return structuredClone(driverResultCache.get(key, () => computeDriverReport(request, survey, target, attributes, scores, personLevel, org.minGroupSize)));
}

function computeDriverReport(
  request: DriverRequest, survey: Survey, target: Question, attributes: Question[],
  scores: Awaited<ReturnType<typeof respondentScores>>, personLevel: boolean, minGroupSize: number,
) {
  const org = { minGroupSize };

  const input: DriverInput = {
    target: { name: target.key, values: scores.columns[0] },
    attributes: attributes.map((a, j) => ({ name: a.key, values: scores.columns[j + 1] })),
  };
  const label = (q: Question) => q.texts[survey.defaultLanguage]?.label ?? Object.values(q.texts)[0]?.label ?? q.key;
  const head = {
    survey: { id: survey.id, name: survey.name },
    target: { questionId: target.id, key: target.key, type: target.type, label: label(target) },
    respondents: scores.respondents,
  };

  if (request.method === 'promoter-logistic') {
    const fit = asRequestField(target, attributes, () => promoterLogistic(input));
    if (personLevel && fit.n + fit.detractorsExcluded < org.minGroupSize) throw groupTooSmall(org.minGroupSize);
    const terms = [{ key: interceptName, questionId: null as string | null, label: interceptName }, ...attributes.map((a) => ({ key: a.key, questionId: a.id, label: label(a) }))];
    return {
      method: request.method,
      ...head,
      n: fit.n,
      excluded: fit.excluded,
      promoters: fit.promoters,
      passives: fit.passives,
      detractorsExcluded: fit.detractorsExcluded,
      coefficients: terms.map((t) => ({
        ...t,
        coefficient: fit.coefficients[t.key], se: fit.se[t.key], z: fit.z[t.key], p: fit.p[t.key], oddsRatio: fit.oddsRatios[t.key],
      })),
      deviance: fit.deviance,
      nullDeviance: fit.nullDeviance,
      aic: fit.aic,
      converged: fit.converged,
      warnings: fit.warnings,
    };
  }

  const prepared: PreparedDrivers = asRequestField(target, attributes, () => prepareDriverData(input));
  if (personLevel && prepared.n < org.minGroupSize) throw groupTooSmall(org.minGroupSize);
  const result = asRequestField(target, attributes, () => (request.method === 'shapley' ? shapleyWeights(prepared) : relativeWeights(prepared)));
  const performance = attributes.map((a, j) => (request.performance === 'top-box' ? topBoxShare(prepared.attributeValues[j], a) : prepared.attributeMeans[j]));
  const bootstrap = request.bootstrap > 0
    ? bootstrapDriverWeights(prepared, request.method, { replicates: request.bootstrap, random: createRandom(request.seed) })
    : null;
  const matrix = priorityMatrix(attributes.map((a, j) => ({ attribute: a.key, importance: result.rescaled[a.key], performance: performance[j] })));
  const quadrantOf = new Map(matrix.items.map((item) => [item.attribute, item.quadrant]));
  return {
    method: request.method,
    ...head,
    n: result.n,
    excluded: result.excluded,
    r2: result.r2,
    r2Ci95: bootstrap ? bootstrap.r2 : null,
    attributes: attributes.map((a, j) => ({
      key: a.key,
      questionId: a.id,
      label: label(a),
      weight: result.weights[a.key],
      weightCi95: bootstrap ? bootstrap.weights[a.key] : null,
      rescaled: result.rescaled[a.key],
      rescaledCi95: bootstrap ? bootstrap.rescaled[a.key] : null,
      performance: performance[j],
      quadrant: quadrantOf.get(a.key)!,
    })),
    bootstrap: bootstrap ? { method: bootstrap.method, level: bootstrap.level, replicates: bootstrap.replicates, used: bootstrap.used, seed: request.seed } : null,
    priority: { performanceMeasure: request.performance, performanceRange: performanceRange(request.performance, attributes), ...matrix },
    warnings: result.warnings,
  };
}
