/**
 * `kaiku analyze nps|csat|ces|likert`: CX scores of one CSV column, overall, by group or
 * between two groups. Parsing and printing live here; the statistics are in scores.ts and
 * compare.ts, fed with one histogram per group exactly as the dashboard feeds them.
 */
import { KaikuError } from '../errors.ts';
import { parseCommandArgs, requireOption, UsageError, type CliIO } from '../cli/io.ts';
import { readCsvFile, requireColumn, type CsvTable } from '../cli/csv.ts';
import { compareMeans, compareNps, compareProportions } from './compare.ts';
import {
  cesFromHistogram,
  countBetween,
  csatFromHistogram,
  histogramOf,
  likertFromHistogram,
  npsFromHistogram,
  type CsatSummary,
  type Interval,
  type LikertSummary,
  type MeanSummary,
  type NpsSummary,
  type ScoreHistogram,
} from './scores.ts';

type Comparison = Record<string, number | null>;

interface TableColumn<S> {
  header: string;
  cell: (summary: S) => string;
}

/** What differs between the four methods; the reading, grouping and printing are shared. */
interface MethodSpec<S> {
  title: string;
  min: number;
  max: number;
  acceptsDontKnow: boolean;
  summarize: (h: ScoreHistogram) => S;
  compare: (a: { h: ScoreHistogram; summary: S }, b: { h: ScoreHistogram; summary: S }) => Comparison;
  /** What --compare tests, for the help text. */
  comparedBy: string;
  /** How the difference of a comparison reads in a table, e.g. "+4.0 NPS points". */
  describeDifference: (difference: number) => string;
  columns: Array<TableColumn<S>>;
}

const CSAT_TOP_BOX = { scaleMax: 5, topBox: 2 } as const;

/** Answers that mean "don't know / no experience" in the product's four languages. */
const DONT_KNOW_ANSWERS = new Set(['dk', 'dont_know', "don't know", 'dont know', 'eos', 'en osaa sanoa', 'vet ej', 'nie wiem']);

const MISSING = '–';
const percent = (share: number | null) => (share === null ? MISSING : `${round(share * 100, 1)} %`);
/** toFixed without the "-0.0" that tiny negative rounding errors would print. */
const round = (value: number, digits: number) => value.toFixed(digits).replace(/^-(0\.?0*)$/, '$1');
const fixed = (digits: number) => (value: number | null) => (value === null ? MISSING : round(value, digits));
const interval = (format: (value: number) => string) => (ci: Interval | null) =>
  ci === null ? MISSING : `${format(ci[0])} … ${format(ci[1])}`;
const signed = (value: number, digits: number) => {
  const text = round(value, digits);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
};

const npsSpec: MethodSpec<NpsSummary> = {
  title: 'Net Promoter Score (0–10: promoters 9–10, passives 7–8, detractors 0–6)',
  min: 0,
  max: 10,
  acceptsDontKnow: false,
  summarize: npsFromHistogram,
  compare: (a, b) => ({ ...compareNps(a.summary, b.summary) }),
  comparedBy: 'NPS difference, z-test on the trinomial standard errors',
  describeDifference: (d) => `${signed(d, 1)} NPS points`,
  columns: [
    { header: 'n', cell: (s) => String(s.n) },
    { header: 'Promoters', cell: (s) => percent(s.promoters) },
    { header: 'Passives', cell: (s) => percent(s.passives) },
    { header: 'Detractors', cell: (s) => percent(s.detractors) },
    { header: 'NPS', cell: (s) => fixed(1)(s.nps) },
    { header: 'SE', cell: (s) => fixed(1)(s.se) },
    { header: '95 % CI', cell: (s) => interval((v) => round(v, 1))(s.ci95) },
  ],
};

const csatSpec: MethodSpec<CsatSummary> = {
  title: 'CSAT (1–5: top-2-box share of 4–5, Wilson 95 % interval)',
  min: 1,
  max: 5,
  acceptsDontKnow: false,
  summarize: (h) => csatFromHistogram(h, CSAT_TOP_BOX),
  compare: (a, b) => {
    const topBox = (h: ScoreHistogram) => countBetween(h, CSAT_TOP_BOX.scaleMax - CSAT_TOP_BOX.topBox + 1, CSAT_TOP_BOX.scaleMax);
    return { ...compareProportions(topBox(a.h), a.summary.n, topBox(b.h), b.summary.n) };
  },
  comparedBy: 'top-2-box shares, pooled two-proportion z-test',
  describeDifference: (d) => `${signed(d * 100, 1)} percentage points of top-2-box`,
  columns: [
    { header: 'n', cell: (s) => String(s.n) },
    { header: 'Top-2-box', cell: (s) => percent(s.topBoxShare) },
    { header: '95 % CI', cell: (s) => interval((v) => `${round(v * 100, 1)} %`)(s.ci95) },
    { header: 'Mean', cell: (s) => fixed(2)(s.mean) },
  ],
};

const cesSpec: MethodSpec<MeanSummary> = {
  title: 'Customer Effort Score (1–7: mean with a Student-t 95 % interval)',
  min: 1,
  max: 7,
  acceptsDontKnow: false,
  summarize: cesFromHistogram,
  compare: (a, b) => ({ ...compareMeans(a.summary, b.summary) }),
  comparedBy: 'means, Welch t-test',
  describeDifference: (d) => `${signed(d, 2)} in mean effort`,
  columns: [
    { header: 'n', cell: (s) => String(s.n) },
    { header: 'Mean', cell: (s) => fixed(2)(s.mean) },
    { header: 'SD', cell: (s) => fixed(2)(s.sd) },
    { header: 'SE', cell: (s) => fixed(2)(s.se) },
    { header: '95 % CI', cell: (s) => interval((v) => round(v, 2))(s.ci95) },
  ],
};

const likertSpec: MethodSpec<LikertSummary> = {
  title: "Likert 1–7 agreement (agree 5–7, neutral 4, disagree 1–3; don't know apart)",
  min: 1,
  max: 7,
  acceptsDontKnow: true,
  summarize: likertFromHistogram,
  // The agree share is what the seed material reports, so that is what two groups are compared on.
  compare: (a, b) => ({ ...compareProportions(countBetween(a.h, 5, 7), a.summary.n, countBetween(b.h, 5, 7), b.summary.n) }),
  comparedBy: 'agree shares, pooled two-proportion z-test',
  describeDifference: (d) => `${signed(d * 100, 1)} percentage points of agree`,
  columns: [
    { header: 'n', cell: (s) => String(s.n) },
    { header: 'n with DK', cell: (s) => String(s.nTotal) },
    { header: 'Agree', cell: (s) => percent(s.agree) },
    { header: 'Neutral', cell: (s) => percent(s.neutral) },
    { header: 'Disagree', cell: (s) => percent(s.disagree) },
    { header: "Don't know", cell: (s) => percent(s.dontKnowShare) },
    { header: 'Mean', cell: (s) => fixed(2)(s.mean) },
  ],
};

const methods = { nps: npsSpec, csat: csatSpec, ces: cesSpec, likert: likertSpec };
type Method = keyof typeof methods;

const isMethod = (name: string): name is Method => Object.hasOwn(methods, name);

function usage(method: Method): string {
  const spec = methods[method];
  const dontKnow = spec.acceptsDontKnow ? ", or a don't-know answer (dk, dont_know, don't know, eos, en osaa sanoa, vet ej, nie wiem)" : '';
  return [
    `Usage: kaiku analyze ${method} --input FILE.csv --column COL [options]`,
    '',
    spec.title,
    `Answers: whole numbers ${spec.min}–${spec.max}${dontKnow}; empty cells are skipped.`,
    '',
    'Options:',
    '  --input FILE          CSV file with a header row (comma, semicolon or tab separated)',
    '  --column COL          column holding the answers',
    '  --by COL              one result per value of COL, sorted by value',
    `  --compare COL=A,B     compare group A with group B of column COL (${spec.comparedBy})`,
    '  --format json|table   output format (default json)',
    '  -h, --help            show this help',
    '',
  ].join('\n');
}

/** Lower-cased, curly apostrophes straightened, runs of spaces collapsed. */
const normaliseAnswer = (raw: string) => raw.trim().toLowerCase().replace(/[\u2018\u2019`]/g, "'").replace(/\s+/g, ' ');

interface BadCell {
  row: number;
  value: string;
}

/** Reads the score column into one list of answers per group ('' when there is no grouping). */
function readAnswers(table: CsvTable, column: string, groupColumn: string | undefined, spec: Pick<MethodSpec<unknown>, 'min' | 'max' | 'acceptsDontKnow'>) {
  const groups = new Map<string, Array<number | 'dont_know'>>();
  const bad: BadCell[] = [];
  table.rows.forEach((record, index) => {
    const raw = (record[column] ?? '').trim();
    const group = groupColumn === undefined ? '' : (record[groupColumn] ?? '').trim();
    if (!groups.has(group)) groups.set(group, []);
    if (raw === '') return;
    let answer: number | 'dont_know';
    if (spec.acceptsDontKnow && DONT_KNOW_ANSWERS.has(normaliseAnswer(raw))) answer = 'dont_know';
    else if (/^\d+$/.test(raw) && Number(raw) >= spec.min && Number(raw) <= spec.max) answer = Number(raw);
    else {
      bad.push({ row: index + 1, value: raw });
      return;
    }
    groups.get(group)!.push(answer);
  });
  if (bad.length > 0) {
    const shown = bad.slice(0, 5).map((b) => `row ${b.row} ${JSON.stringify(b.value)}`);
    const more = bad.length > shown.length ? ` and ${bad.length - shown.length} more` : '';
    const expected = `whole numbers ${spec.min}–${spec.max}${spec.acceptsDontKnow ? " or a don't-know answer" : ''}`;
    throw new KaikuError(
      'invalid_score',
      `Column "${column}" must hold ${expected} (or be empty); ${bad.length === 1 ? '1 value does' : `${bad.length} values do`} not: ${shown.join(', ')}${more} (rows counted from the first data row)`,
      { field: column },
    );
  }
  return groups;
}

/** Numbers in numeric order, everything else by code point, so output is the same everywhere. */
function compareGroupNames(a: string, b: string): number {
  const numeric = /^-?\d+(\.\d+)?$/;
  if (numeric.test(a) && numeric.test(b) && Number(a) !== Number(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function parseCompare(option: string): { column: string; a: string; b: string } {
  const equals = option.indexOf('=');
  const column = equals === -1 ? '' : option.slice(0, equals).trim();
  const values = equals === -1 ? [] : option.slice(equals + 1).split(',').map((v) => v.trim());
  if (column === '' || values.length !== 2 || values.some((v) => v === '')) {
    throw new UsageError(`--compare takes COL=A,B (two groups of one column), e.g. --compare region=North,South; got "${option}"`);
  }
  if (values[0] === values[1]) throw new UsageError(`--compare needs two different groups; got "${values[0]}" twice`);
  return { column, a: values[0], b: values[1] };
}

/** Aligned text table: figures right-aligned; the first column left-aligned when it holds group labels. */
function renderTable(headers: string[], rows: string[][], labelColumn: boolean): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 && labelColumn ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

const formatP = (p: number | null) => (p === null ? MISSING : p < 0.001 ? '< 0.001' : p.toFixed(3));

interface AnalysisOptions {
  column: string;
  by?: string;
  compare?: { column: string; a: string; b: string };
  format: 'json' | 'table';
}

function analyzeWith<S extends object>(spec: MethodSpec<S>, table: CsvTable, options: AnalysisOptions): string {
  const groupColumn = options.compare?.column ?? options.by;
  const groups = readAnswers(table, options.column, groupColumn, spec);
  const summaryOf = (group: string) => {
    const h = histogramOf(groups.get(group) ?? []);
    return { h, summary: spec.summarize(h) };
  };
  const groupLabel = (group: string) => (group === '' ? '(empty)' : group);

  if (options.compare) {
    const { a, b } = options.compare;
    for (const group of [a, b]) {
      if (!groups.has(group)) {
        const known = [...groups.keys()].sort(compareGroupNames);
        const listed = known.slice(0, 20).map((g) => JSON.stringify(g)).join(', ') + (known.length > 20 ? ', …' : '');
        throw new KaikuError('unknown_group', `Group "${group}" does not occur in column "${options.compare.column}" (values: ${listed})`, { field: options.compare.column });
      }
    }
    const first = summaryOf(a);
    const second = summaryOf(b);
    const comparison = spec.compare(first, second);
    if (options.format === 'json') {
      return JSON.stringify({ a: { group: a, ...first.summary }, b: { group: b, ...second.summary }, ...comparison }, null, 2) + '\n';
    }
    const headers = [options.compare.column, ...spec.columns.map((c) => c.header)];
    const rows = [a, b].map((group, i) => [groupLabel(group), ...spec.columns.map((c) => c.cell((i === 0 ? first : second).summary))]);
    const statistic = 't' in comparison ? `t = ${fixed(2)(comparison.t)}, df = ${fixed(1)(comparison.df)}` : `z = ${fixed(2)(comparison.z)}`;
    const difference = comparison.difference === null ? MISSING : spec.describeDifference(comparison.difference);
    const test = comparison.p === null ? 'not testable (an empty group or no variation)' : `${statistic}, p = ${formatP(comparison.p)}`;
    return `${renderTable(headers, rows, true)}\n${a} − ${b}: ${difference}; ${test}\n`;
  }

  if (options.by !== undefined) {
    const names = [...groups.keys()].sort(compareGroupNames);
    const summaries = names.map((group) => summaryOf(group).summary);
    if (options.format === 'json') return JSON.stringify(names.map((group, i) => ({ group, ...summaries[i] })), null, 2) + '\n';
    const headers = [options.by, ...spec.columns.map((c) => c.header)];
    const rows = names.map((group, i) => [groupLabel(group), ...spec.columns.map((c) => c.cell(summaries[i]))]);
    return renderTable(headers, rows, true);
  }

  const { summary } = summaryOf('');
  if (options.format === 'json') return JSON.stringify(summary, null, 2) + '\n';
  return renderTable(spec.columns.map((c) => c.header), [spec.columns.map((c) => c.cell(summary))], false);
}

export async function run(method: 'nps' | 'csat' | 'ces' | 'likert' | string, args: string[], io: CliIO): Promise<number> {
  if (!isMethod(method)) throw new UsageError(`Unknown metric "${method}": expected nps, csat, ces or likert`);
  const { values } = parseCommandArgs(args, {
    input: { type: 'string' },
    column: { type: 'string' },
    by: { type: 'string' },
    compare: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(usage(method));
    return 0;
  }
  const input = requireOption(values, 'input');
  const column = requireOption(values, 'column');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new UsageError(`--format must be json or table, got "${format}"`);
  if (values.by !== undefined && values.compare !== undefined) throw new UsageError('Use either --by or --compare, not both');
  if (values.by === '') throw new UsageError('--by needs a column name');
  const compare = values.compare === undefined ? undefined : parseCompare(values.compare);

  const table = await readCsvFile(input);
  requireColumn(table, column);
  if (values.by !== undefined) requireColumn(table, values.by);
  if (compare) requireColumn(table, compare.column);

  const options: AnalysisOptions = { column, by: values.by, compare, format };
  // One call per method keeps each summary type attached to its own spec.
  const output =
    method === 'nps' ? analyzeWith(npsSpec, table, options)
    : method === 'csat' ? analyzeWith(csatSpec, table, options)
    : method === 'ces' ? analyzeWith(cesSpec, table, options)
    : analyzeWith(likertSpec, table, options);
  io.out(output);
  return 0;
}
