import { readCsvFile, requireColumn, type CsvTable } from '../cli/csv.ts';
import { parseCommandArgs, requireOption, UsageError, type CliIO } from '../cli/io.ts';
import { integerOption, listOption, missingAnswerTokens, numericCsvColumn, parseAnswer } from '../drivers/csv-columns.ts';
import { badInput } from '../errors.ts';
import { createRandom } from '../linalg/random.ts';
import type { FeatureColumn } from './features.ts';
import { analyseChurn, scoreContacts, topReasons, type ChurnAnalysis } from './model.ts';

export const churnHelp = `Usage: kaiku analyze churn --train TRAIN.csv --target COL --id COL --score SCORE.csv [options]

Trains an L2-regularised logistic regression on the labelled contacts of TRAIN.csv (80 % train,
20 % holdout), then prints the churn risk (0-1) of every contact in SCORE.csv.

Options:
  --features A,B,...  feature columns (default: every column but --id and --target)
  --categorical A,..  treat these columns as categories even if they look numeric
  --report            print { "scores": [...], "report": {...} } instead of only the scores
                      (without it the holdout metrics go to stderr)
  --reasons K         add each contact's top K reasons (default 0)
  --l2 L              ridge penalty on standardised coefficients (default 1)
  --holdout F         holdout share (default 0.2)
  --seed S            seed of the train/holdout split (default 1)
  --format json       output format (json)

The target is 1/0, true/false or yes/no; an empty target leaves the contact out. Numeric
features: empty or NA is missing (imputed at the mean, with a missing-indicator column).
Categorical features are one-hot encoded against their most frequent value.
`;

const truthy = new Set(['1', 'true', 'yes', 'y']);
const falsy = new Set(['0', 'false', 'no', 'n']);

function churnFlag(table: CsvTable, column: string): Float64Array {
  requireColumn(table, column);
  return Float64Array.from(table.rows, (row, i) => {
    const text = row[column].trim().toLowerCase();
    if (truthy.has(text)) return 1;
    if (falsy.has(text)) return 0;
    if (missingAnswerTokens.has(text)) return Number.NaN;
    throw badInput(`Column "${column}" must be 1/0, true/false or yes/no; line ${i + 2} has "${row[column]}"`, column);
  });
}

function isNumericColumn(table: CsvTable, column: string): boolean {
  return table.rows.every((row) => parseAnswer(row[column]) !== null);
}

function featureColumn(table: CsvTable, name: string, kind: FeatureColumn['kind']): FeatureColumn {
  requireColumn(table, name);
  if (kind === 'numeric') return { name, kind, values: numericCsvColumn(table, name) };
  return { name, kind, values: table.rows.map((row) => (missingAnswerTokens.has(row[name].trim().toLowerCase()) ? '' : row[name].trim())) };
}

function fractionOption(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!(parsed > 0 && parsed < 1)) throw new UsageError(`--${option} must be between 0 and 1 (got "${value}")`);
  return parsed;
}

function report(analysis: ChurnAnalysis) {
  const { holdout, model } = analysis;
  return {
    trainN: holdout.trainN,
    holdoutN: holdout.holdoutN,
    holdoutChurners: holdout.holdoutChurners,
    unlabelled: analysis.unlabelled,
    auc: holdout.auc,
    brier: holdout.brier,
    lift: holdout.deciles.map((d) => ({
      decile: d.decile, n: d.n, churners: d.churners, churnRate: d.churnRate, lift: d.lift,
      cumulativeLift: d.cumulativeLift, cumulativeCapture: d.cumulativeCapture,
    })),
    calibration: holdout.deciles.map((d) => ({ decile: d.decile, n: d.n, meanPredicted: d.meanPredicted, observedRate: d.churnRate, minRisk: d.minRisk, maxRisk: d.maxRisk })),
    hosmerLemeshow: holdout.hosmerLemeshow,
    model: {
      l2: model.l2,
      intercept: model.intercept,
      coefficients: Object.fromEntries(model.labels.map((label, k) => [label, model.coefficients[k]])),
      encoding: model.features,
    },
    warnings: analysis.warnings,
  };
}

function reportText(analysis: ChurnAnalysis): string {
  const h = analysis.holdout;
  const lines = [
    `Holdout: ${h.holdoutN} contacts (${h.holdoutChurners} churned), model trained on ${h.trainN}`,
    `AUC ${h.auc === null ? 'undefined (one class only)' : h.auc.toFixed(4)}, Brier ${h.brier.toFixed(4)}` +
      (h.hosmerLemeshow ? `, Hosmer-Lemeshow chi2 ${h.hosmerLemeshow.chi2.toFixed(2)} (df ${h.hosmerLemeshow.dof}, p ${h.hosmerLemeshow.p.toFixed(4)})` : ''),
    'decile      n  churned  rate    lift  capture  predicted',
    ...h.deciles.map((d) =>
      `${String(d.decile).padStart(6)} ${String(d.n).padStart(6)} ${String(d.churners).padStart(8)}  ${d.churnRate.toFixed(3)}  ${d.lift.toFixed(2).padStart(5)}  ${(100 * d.cumulativeCapture).toFixed(1).padStart(6)} %  ${d.meanPredicted.toFixed(3)}`),
    ...analysis.warnings.map((w) => `warning: ${w.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

export async function run(_method: string, args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    train: { type: 'string' },
    target: { type: 'string' },
    id: { type: 'string' },
    features: { type: 'string' },
    categorical: { type: 'string' },
    score: { type: 'string' },
    report: { type: 'boolean', default: false },
    reasons: { type: 'string' },
    l2: { type: 'string' },
    holdout: { type: 'string' },
    seed: { type: 'string' },
    format: { type: 'string', default: 'json' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(churnHelp);
    return 0;
  }
  if (values.format !== 'json') throw new UsageError(`--format must be json (got "${values.format}")`);
  const trainPath = requireOption(values, 'train');
  const target = requireOption(values, 'target');
  const id = requireOption(values, 'id');
  const scorePath = requireOption(values, 'score');
  const reasonCount = integerOption(values.reasons, 'reasons', 0, 0);
  const seed = integerOption(values.seed, 'seed', 1, 0);
  const holdoutFraction = fractionOption(values.holdout, 'holdout', 0.2);
  const l2 = values.l2 === undefined ? 1 : Number(values.l2);
  if (!(l2 >= 0)) throw new UsageError(`--l2 must be zero or positive (got "${values.l2}")`);

  const train = await readCsvFile(trainPath);
  requireColumn(train, id);
  const churned = churnFlag(train, target);
  const names = values.features ? listOption(values.features, 'features') : train.columns.filter((c) => c !== id && c !== target);
  if (names.length === 0) throw new UsageError('TRAIN.csv has no columns besides --id and --target to use as features');
  for (const name of names) if (name === id || name === target) throw new UsageError(`"${name}" cannot be both a feature and the --id or --target`);
  const forced = new Set(values.categorical ? listOption(values.categorical, 'categorical') : []);
  const kinds = new Map(names.map((name) => {
    requireColumn(train, name);
    return [name, forced.has(name) || !isNumericColumn(train, name) ? 'categorical' : 'numeric'] as const;
  }));
  const analysis = analyseChurn(names.map((name) => featureColumn(train, name, kinds.get(name)!)), churned, {
    random: createRandom(seed),
    holdoutFraction,
    l2,
  });

  const toScore = await readCsvFile(scorePath);
  requireColumn(toScore, id);
  const scoreFeatures = names.map((name) => featureColumn(toScore, name, kinds.get(name)!));
  const risk = scoreContacts(analysis.model, scoreFeatures);
  const reasons = reasonCount > 0 ? topReasons(analysis.model, scoreFeatures, Uint32Array.from({ length: risk.length }, (_, i) => i), reasonCount) : null;
  const scores = toScore.rows.map((row, i) => (reasons ? { id: row[id], risk: risk[i], reasons: reasons[i] } : { id: row[id], risk: risk[i] }));
  if (values.report) {
    io.out(`${JSON.stringify({ scores, report: report(analysis) }, null, 2)}\n`);
  } else {
    io.out(`${JSON.stringify(scores, null, 2)}\n`);
    io.err(reportText(analysis));
  }
  return 0;
}
