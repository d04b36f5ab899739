/**
 * Churn risk over the database: a training run (a background job) builds the feature table
 * (queries.ts), trains the regularised logistic model on the labelled contacts with a seeded
 * holdout (model.ts), stores the model with its holdout quality, and scores every contact who
 * has not churned with their top reasons. The latest finished run is the organisation's model;
 * the at-risk list and its CSV export read its scores by risk.
 */
import type { Database, Queryable } from '../db/connection.ts';
import type { AuthContext, DataScope } from '../auth/permissions.ts';
import { KaikuError, badInput, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { createRandom } from '../linalg/random.ts';
import { maxLevels, missingLevel, type FeatureColumn } from './features.ts';
import { analyseChurn, scoreContacts, topReasons, type ChurnModel, type ChurnReason, type HoldoutReport } from './model.ts';
import { contactFeatureRows, experienceFeatures, type ContactRows } from './queries.ts';

export const CHURN_TRAIN_JOB = 'churn-train';
export const CHURN_RETRAIN_JOB = 'churn-retrain';
/** The scheduled retrain refreshes a model older than this. */
export const retrainAfterDays = 7;

export interface ChurnTrainOptions {
  /** Operational key holding the churned flag (true/false, 1/0, yes/no; missing = unknown). */
  target: string;
  /** Feature names (experience features or operational keys); default all usable ones. */
  features?: string[];
  l2: number;
  holdoutFraction: number;
  seed: number;
}

export const defaultTrainOptions: ChurnTrainOptions = { target: 'churned', l2: 1, holdoutFraction: 0.2, seed: 1 };

const truthy = new Set([true, 1, '1', 'true', 'yes', 'y']);
const falsy = new Set([false, 0, '0', 'false', 'no', 'n']);

/** The churn flag of each contact: 1, 0 or NaN (not known: scored, not trained on). */
export function churnFlags(rows: ContactRows, target: string): Float64Array {
  return Float64Array.from(rows.operational, (op, i) => {
    const raw = op[target];
    const value = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
    if (value === undefined || value === null || value === '') return Number.NaN;
    if (truthy.has(value as never)) return 1;
    if (falsy.has(value as never)) return 0;
    throw badInput(`The churn flag "${target}" must be true/false, 1/0 or yes/no; contact ${rows.externalIds[i] ?? rows.ids[i]} has ${JSON.stringify(raw)}`, 'target');
  });
}

/** An operational key as a feature column: numbers and booleans numeric, anything else categorical. */
function operationalColumn(rows: ContactRows, key: string): FeatureColumn {
  const raw = rows.operational.map((op) => op[key]);
  const numeric = raw.every((v) => v === undefined || v === null || typeof v === 'number' || typeof v === 'boolean');
  if (numeric) return { name: key, kind: 'numeric', values: Float64Array.from(raw, (v) => (v === undefined || v === null ? Number.NaN : Number(v))) };
  return { name: key, kind: 'categorical', values: raw.map((v) => (v === undefined || v === null ? '' : String(v))) };
}

/** Why a feature cannot be used on the labelled rows, or null when it can. */
function unusable(column: FeatureColumn, labelled: readonly number[]): string | null {
  if (column.kind === 'numeric') {
    let min = Infinity;
    let max = -Infinity;
    for (const i of labelled) {
      const x = column.values[i];
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (min === Infinity) return 'no values among the contacts with a churn flag';
    return max > min ? null : `the same value (${min}) for every contact with a churn flag`;
  }
  const levels = new Set(labelled.map((i) => column.values[i] || missingLevel));
  if (levels.size < 2) return 'the same value for every contact with a churn flag';
  if (levels.size > maxLevels) return `${levels.size} different values: looks like an identifier or free text`;
  return null;
}

export interface FeatureTable {
  columns: FeatureColumn[];
  churned: Float64Array;
  /** Features left out automatically (only when no feature list was given). */
  leftOut: Array<{ feature: string; reason: string }>;
}

/**
 * The feature columns for training: the requested ones, or (by default) every experience
 * feature and operational key but the target, leaving out those that are constant, empty or
 * identifier-like among the labelled contacts (listed with the reason).
 */
export function featureTable(rows: ContactRows, options: Pick<ChurnTrainOptions, 'target' | 'features'>): FeatureTable {
  const churned = churnFlags(rows, options.target);
  const operationalKeys = new Set<string>();
  for (const op of rows.operational) for (const key of Object.keys(op)) operationalKeys.add(key);
  operationalKeys.delete(options.target);
  const column = (name: string): FeatureColumn => ((experienceFeatures as readonly string[]).includes(name)
    ? { name, kind: 'numeric', values: rows.experience[name as keyof ContactRows['experience']] }
    : operationalColumn(rows, name));
  if (options.features) {
    for (const name of options.features) {
      if (name === options.target) throw badInput(`"${name}" is the churn flag; it cannot also be a feature`, 'features');
      if (!(experienceFeatures as readonly string[]).includes(name) && !operationalKeys.has(name)) {
        throw badInput(`No contact has "${name}": features are ${experienceFeatures.join(', ')} or operational data keys`, 'features');
      }
    }
    return { columns: options.features.map(column), churned, leftOut: [] };
  }
  const labelled: number[] = [];
  churned.forEach((y, i) => { if (!Number.isNaN(y)) labelled.push(i); });
  const columns: FeatureColumn[] = [];
  const leftOut: FeatureTable['leftOut'] = [];
  for (const name of [...experienceFeatures, ...[...operationalKeys].sort()]) {
    const candidate = column(name);
    const reason = unusable(candidate, labelled);
    if (reason) leftOut.push({ feature: name, reason });
    else columns.push(candidate);
  }
  if (columns.length === 0) throw badInput('No feature varies among the contacts with a churn flag; add operational data or answers first', 'features');
  return { columns, churned, leftOut };
}

// ---------------------------------------------------------------------------------------------
// Training runs

export interface ChurnRun {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  stage: string | null;
  options: ChurnTrainOptions;
  trigger: string;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const runColumns = `id, status, progress, stage, options, trigger, error,
  created_at as "createdAt", started_at as "startedAt", finished_at as "finishedAt"`;

/** A run still queued or running after this long was lost with the process that held it. */
export const staleRunHours = 6;

/**
 * Marks runs that have been queued or running for more than `staleRunHours` as failed, so a
 * process that died mid-training does not block every later run with a 409.
 */
async function failStaleRuns(db: Queryable, orgId: string | null): Promise<void> {
  await db.query(
    `update churn_models set status = 'failed', stage = null, finished_at = now(),
            error = 'Interrupted: the process training this model stopped before it finished; train again'
      where ($1::uuid is null or org_id = $1) and status in ('queued', 'running')
        and coalesce(started_at, created_at) < now() - make_interval(hours => $2)`,
    [orgId, staleRunHours]);
}

/**
 * Checks the request against the data (the flag exists, named features exist) and queues a run.
 * One run at a time per organisation: a second request while one is queued or running is a 409.
 */
export async function requestChurnTraining(db: Queryable, jobs: JobQueue | undefined, auth: AuthContext, options: ChurnTrainOptions, trigger = 'api'): Promise<ChurnRun> {
  if (!jobs) throw new KaikuError('jobs_unavailable', 'Background jobs are not running in this process, so a model cannot be trained now', { status: 503 });
  const [{ flagged }] = await db.query<{ flagged: number }>(
    `select count(*)::int as flagged from contacts where org_id = $1 and operational ? $2 and operational ->> $2 <> ''`, [auth.orgId, options.target]);
  if (flagged === 0) throw badInput(`No contact has the churn flag "${options.target}" in its operational data`, 'target');
  for (const name of options.features ?? []) {
    if (name === options.target) throw badInput(`"${name}" is the churn flag; it cannot also be a feature`, 'features');
    if ((experienceFeatures as readonly string[]).includes(name)) continue;
    const [{ present }] = await db.query<{ present: boolean }>(`select exists (select 1 from contacts where org_id = $1 and operational ? $2) as present`, [auth.orgId, name]);
    if (!present) throw badInput(`No contact has "${name}": features are ${experienceFeatures.join(', ')} or operational data keys`, 'features');
  }
  await failStaleRuns(db, auth.orgId);
  // churn_models_one_active lets one queued or running run per organisation exist.
  const [run] = await db.query<ChurnRun>(
    `insert into churn_models (org_id, options, trigger, requested_by) values ($1, $2, $3, $4)
     on conflict (org_id) where status in ('queued', 'running') do nothing returning ${runColumns}`,
    [auth.orgId, JSON.stringify(options), trigger, auth.userId ?? null]);
  if (!run) {
    const [active] = await db.query<{ id: string }>(`select id from churn_models where org_id = $1 and status in ('queued', 'running') limit 1`, [auth.orgId]);
    throw new KaikuError('conflict', `A churn model is already being trained (run ${active?.id ?? 'just queued'}); wait for it to finish`, { status: 409 });
  }
  await jobs.send(CHURN_TRAIN_JOB, { orgId: auth.orgId, modelId: run.id });
  return run;
}

export async function getChurnRun(db: Queryable, orgId: string, id: string): Promise<ChurnRun> {
  const [run] = await db.query<ChurnRun>(`select ${runColumns} from churn_models where org_id = $1 and id = $2`, [orgId, id]);
  if (!run) throw notFound('Churn model run', 'id');
  return run;
}

const scoreChunk = 50_000;

/**
 * Runs a queued training: features → holdout analysis → scores and reasons for every contact
 * not known to have churned → the model marked done (older models' scores removed). Any error
 * marks the run failed with its message; it is not retried.
 */
export async function runChurnTraining(db: Database, orgId: string, modelId: string): Promise<void> {
  const [row] = await db.query<{ options: ChurnTrainOptions; status: string }>(
    `update churn_models set status = 'running', started_at = now(), progress = 0, stage = 'features'
      where org_id = $1 and id = $2 and status = 'queued' returning options, status`, [orgId, modelId]);
  if (!row) return; // already taken or deleted
  const progress = (value: number, stage: string) =>
    db.query(`update churn_models set progress = $3, stage = $4 where org_id = $1 and id = $2`, [orgId, modelId, Math.round(value), stage]).then(() => undefined);
  try {
    const options = row.options;
    const started = Date.now();
    const rows = await contactFeatureRows(db, orgId, (f) => progress(40 * f, 'features'));
    const table = featureTable(rows, options);
    await progress(40, 'training');
    const featuresDone = Date.now();
    const analysis = analyseChurn(table.columns, table.churned, { random: createRandom(options.seed), holdoutFraction: options.holdoutFraction, l2: options.l2 });
    await progress(60, 'scoring');
    const trainingDone = Date.now();
    const toScore: number[] = [];
    table.churned.forEach((y, i) => { if (y !== 1) toScore.push(i); });
    const scoreRows = Uint32Array.from(toScore);
    const subset = (column: FeatureColumn): FeatureColumn => (column.kind === 'numeric'
      ? { ...column, values: Float64Array.from(scoreRows, (i) => column.values[i]) }
      : { ...column, values: Array.from(scoreRows, (i) => column.values[i]) });
    const risk = scoreContacts(analysis.model, table.columns.map(subset));
    // Chunk by chunk, the next chunk's reasons are worked out while the server stores the previous one.
    let storing: Promise<unknown> = Promise.resolve();
    for (let start = 0; start < scoreRows.length; start += scoreChunk) {
      const end = Math.min(start + scoreChunk, scoreRows.length);
      const reasons = topReasons(analysis.model, table.columns, scoreRows.subarray(start, end), 3);
      const contactIds = Array.from(scoreRows.subarray(start, end), (i) => rows.ids[i]);
      const reasonTexts = reasons.map((r) => JSON.stringify(r));
      await storing;
      await progress(60 + (38 * start) / scoreRows.length, 'scoring');
      // Three parallel arrays, not one JSON document of records: the server parses each jsonb once.
      storing = db.query(
        `insert into churn_scores (org_id, model_id, contact_id, risk, reasons)
         select $1, $2, x.c, x.r, x.e from unnest($3::uuid[], $4::float8[], $5::jsonb[]) as x(c, r, e)
         on conflict do nothing`,
        [orgId, modelId, contactIds, Array.from(risk.subarray(start, end)), reasonTexts]);
    }
    await storing;
    const quality = {
      holdout: analysis.holdout, unlabelled: analysis.unlabelled, warnings: analysis.warnings, leftOut: table.leftOut,
      features: table.columns.map((c) => ({ name: c.name, kind: c.kind })),
      seconds: { features: (featuresDone - started) / 1000, training: (trainingDone - featuresDone) / 1000, scoring: (Date.now() - trainingDone) / 1000 },
    };
    await db.query(
      `update churn_models set status = 'done', progress = 100, stage = null, finished_at = now(), model = $3, quality = $4, auc = $5, trained_on = $6, scored = $7
        where org_id = $1 and id = $2`,
      [orgId, modelId, JSON.stringify(analysis.model), JSON.stringify(quality), analysis.holdout.auc, analysis.model.trainedOn, scoreRows.length]);
    // Only the current model's scores are read; older ones would only take space.
    await db.query(`delete from churn_scores where org_id = $1 and model_id <> $2`, [orgId, modelId]);
  } catch (error) {
    const message = error instanceof KaikuError ? error.message : `Training failed: ${(error as Error).message}`;
    await db.query(`update churn_models set status = 'failed', stage = null, finished_at = now(), error = $3 where org_id = $1 and id = $2`, [orgId, modelId, message]);
    await db.query(`delete from churn_scores where org_id = $1 and model_id = $2`, [orgId, modelId]);
  }
}

/**
 * The scheduled retrain: every organisation whose latest finished model is older than
 * `retrainAfterDays` and that has nothing queued or running gets a new run with the same options.
 */
export async function queueDueRetraining(db: Queryable, jobs: JobQueue, now: Date): Promise<number> {
  await failStaleRuns(db, null);
  const due = await db.query<{ orgId: string; options: ChurnTrainOptions }>(
    `select distinct on (m.org_id) m.org_id as "orgId", m.options
       from churn_models m
      where m.status = 'done'
        and not exists (select 1 from churn_models a where a.org_id = m.org_id and a.status in ('queued', 'running'))
      order by m.org_id, m.finished_at desc`);
  let queued = 0;
  for (const org of due) {
    const [latest] = await db.query<{ finishedAt: Date }>(
      `select finished_at as "finishedAt" from churn_models where org_id = $1 and status = 'done' order by finished_at desc limit 1`, [org.orgId]);
    if (now.getTime() - new Date(latest.finishedAt).getTime() < retrainAfterDays * 86_400_000) continue;
    const [run] = await db.query<{ id: string }>(
      `insert into churn_models (org_id, options, trigger) values ($1, $2, 'schedule')
       on conflict (org_id) where status in ('queued', 'running') do nothing returning id`, [org.orgId, JSON.stringify(org.options)]);
    if (!run) continue; // a run was requested meanwhile
    await jobs.send(CHURN_TRAIN_JOB, { orgId: org.orgId, modelId: run.id });
    queued++;
  }
  return queued;
}

// ---------------------------------------------------------------------------------------------
// Reading the model and its scores

interface CurrentModel {
  id: string;
  options: ChurnTrainOptions;
  model: ChurnModel;
  quality: { holdout: HoldoutReport; unlabelled: number; warnings: unknown[]; leftOut: unknown[]; features: unknown[]; seconds?: Record<string, number> };
  trainedOn: number;
  scored: number;
  finishedAt: string;
}

async function currentModel(db: Queryable, orgId: string): Promise<CurrentModel> {
  const [model] = await db.query<CurrentModel>(
    `select id, options, model, quality, trained_on as "trainedOn", scored, finished_at as "finishedAt"
       from churn_models where org_id = $1 and status = 'done' order by finished_at desc limit 1`, [orgId]);
  if (!model) throw new KaikuError('no_model', 'No churn model has been trained yet: POST /api/v1/churn/models first', { status: 404 });
  return model;
}

/** The current model's quality on its holdout, its coefficients, and the latest run's status. */
export async function churnModelReport(db: Queryable, orgId: string) {
  const model = await currentModel(db, orgId);
  const [latestRun] = await db.query<ChurnRun>(`select ${runColumns} from churn_models where org_id = $1 order by created_at desc limit 1`, [orgId]);
  return {
    id: model.id,
    trainedAt: model.finishedAt,
    options: model.options,
    trainedOn: model.trainedOn,
    scored: model.scored,
    churnRate: model.model.churnRate,
    l2: model.model.l2,
    converged: model.model.converged,
    holdout: model.quality.holdout,
    unlabelled: model.quality.unlabelled,
    features: model.quality.features,
    leftOut: model.quality.leftOut,
    coefficients: model.model.labels.map((label, k) => ({ column: label, coefficient: model.model.coefficients[k], oddsRatioPerSd: Math.exp(model.model.coefficients[k]) })),
    warnings: model.quality.warnings,
    seconds: model.quality.seconds ?? null,
    latestRun,
  };
}

export interface AtRiskRequest {
  limit: number;
  cursor?: string;
  minRisk?: number;
}

export interface AtRiskContact {
  contactId: string;
  externalId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  segment: string | null;
  risk: number;
  reasons: ChurnReason[];
}

/** Contacts a caller may see: all, or (a unit manager) those who answered in their unit subtree. */
function contactScope(scope: DataScope, params: unknown[]): string {
  if (scope.kind === 'all') return '';
  if (scope.kind === 'units') {
    params.push(scope.unitIds);
    return `and s.contact_id in (select r.contact_id from responses r where r.org_id = s.org_id and r.contact_id is not null and r.unit_id = any($${params.length}::uuid[]))`;
  }
  params.push(scope.employeeIds);
  return `and s.contact_id in (select r.contact_id from responses r where r.org_id = s.org_id and r.contact_id is not null and r.employee_id = any($${params.length}::uuid[]))`;
}

async function atRiskRows(db: Queryable, auth: AuthContext, model: Pick<CurrentModel, 'id' | 'options'>, request: AtRiskRequest): Promise<AtRiskContact[]> {
  // A contact flagged as churned since the scoring is no longer worth a call.
  const params: unknown[] = [auth.orgId, model.id, model.options.target];
  const where: string[] = [`not coalesce(lower(c.operational ->> $3) in ('true', '1', 'yes', 'y'), false)`];
  if (request.minRisk !== undefined) {
    params.push(request.minRisk);
    where.push(`s.risk >= $${params.length}`);
  }
  const cursor = decodeCursor(request.cursor);
  if (cursor) {
    const [risk, id] = cursor;
    if (typeof risk !== 'number' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw badInput('cursor is not valid', 'cursor');
    params.push(risk, id);
    // `risk <= r` lets the index scan start at the cursor instead of filtering every row before it.
    where.push(`s.risk <= $${params.length - 1} and (s.risk < $${params.length - 1} or s.contact_id > $${params.length}::uuid)`);
  }
  const scoped = contactScope(auth.scope, params);
  params.push(request.limit);
  return db.query<AtRiskContact>(
    `select s.contact_id as "contactId", c.external_id as "externalId", c.name, c.email, c.phone, c.segment, s.risk, s.reasons
       from churn_scores s
       join contacts c on c.org_id = s.org_id and c.id = s.contact_id
      where s.org_id = $1 and s.model_id = $2 ${where.map((w) => `and ${w}`).join(' ')} ${scoped}
      order by s.risk desc nulls last, s.contact_id -- the order of the index churn_scores_org_model_risk
      limit $${params.length}`,
    params);
}

/** Contacts by churn risk, riskiest first, with their top reasons; cursor-paginated. */
export async function atRiskPage(db: Queryable, auth: AuthContext, request: AtRiskRequest) {
  const model = await currentModel(db, auth.orgId);
  const items = await atRiskRows(db, auth, model, { ...request, limit: request.limit + 1 });
  const more = items.length > request.limit;
  const page = items.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    modelId: model.id,
    trainedAt: model.finishedAt,
    items: page,
    nextCursor: more && last ? encodeCursor([last.risk, last.contactId]) : null,
  };
}

/** Every at-risk contact the caller may see (above minRisk), in pages of 5,000, for the CSV export. */
export async function* atRiskAll(db: Queryable, auth: AuthContext, request: Omit<AtRiskRequest, 'limit' | 'cursor'> & { max?: number }) {
  const model = await currentModel(db, auth.orgId);
  let cursor: string | undefined;
  let left = request.max ?? Infinity;
  while (left > 0) {
    const size = Math.min(5_000, left);
    const rows = await atRiskRows(db, auth, model, { minRisk: request.minRisk, cursor, limit: size });
    yield rows;
    left -= rows.length;
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    cursor = encodeCursor([last.risk, last.contactId]);
  }
}

/** The current model's id, to fail before streaming when there is none. */
export async function currentModelId(db: Queryable, orgId: string): Promise<string> {
  return (await currentModel(db, orgId)).id;
}
