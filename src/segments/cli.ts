import { readCsvFile, requireColumn } from '../cli/csv.ts';
import { parseCommandArgs, requireOption, UsageError, type CliIO } from '../cli/io.ts';
import { integerOption, listOption, missingAnswerTokens, numericCsvColumn } from '../drivers/csv-columns.ts';
import { createRandom } from '../linalg/random.ts';
import { segmentByNeeds } from './needs.ts';
import { compareNpsAcrossSegments } from './nps-segments.ts';

export const segmentsHelp = `Usage:
  kaiku analyze segments --input FILE.csv --segment COL --column COL [options]
      NPS per segment; chi-square test of promoter/passive/detractor shares across segments,
      and every pair of segments compared with Holm-adjusted p-values.
  kaiku analyze segments --input FILE.csv --attributes A,B,... --k K|FROM-TO [options]
      Needs-based segmentation: k-means clusters of the answers, with silhouette and a
      description of each cluster. A range picks the k with the best silhouette.

Options:
  --correction holm|bonferroni   pairwise adjustment (default holm)
  --alpha A                      significance level for "significant" (default 0.05)
  --standardise                  cluster on z-scores (attributes on different scales)
  --seed S                       seed for k-means++ starts (default 1)
  --format json                  output format (json)
`;

export async function run(_method: string, args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    input: { type: 'string' },
    segment: { type: 'string' },
    column: { type: 'string' },
    correction: { type: 'string', default: 'holm' },
    alpha: { type: 'string' },
    attributes: { type: 'string' },
    k: { type: 'string' },
    standardise: { type: 'boolean', default: false },
    seed: { type: 'string' },
    format: { type: 'string', default: 'json' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(segmentsHelp);
    return 0;
  }
  if (values.format !== 'json') throw new UsageError(`--format must be json (got "${values.format}")`);
  const table = await readCsvFile(requireOption(values, 'input'));

  if (values.attributes !== undefined) {
    const names = listOption(values.attributes, 'attributes');
    const kText = requireOption(values, 'k');
    const range = /^(\d+)-(\d+)$/.exec(kText);
    const k: number | [number, number] = range ? [Number(range[1]), Number(range[2])] : integerOption(kText, 'k', 2);
    if (range && !(Number(range[1]) >= 1 && Number(range[2]) >= Number(range[1]))) throw new UsageError(`--k range must be FROM-TO with 1 ≤ FROM ≤ TO (got "${kText}")`);
    const result = segmentByNeeds(names.map((name) => ({ name, values: numericCsvColumn(table, name) })), {
      k,
      random: createRandom(integerOption(values.seed, 'seed', 1, 0)),
      standardise: values.standardise,
    });
    const { assignments, ...summary } = result;
    io.out(`${JSON.stringify({ ...summary, assignments: Array.from(assignments) }, null, 2)}\n`);
    return 0;
  }

  const segmentColumn = requireOption(values, 'segment');
  const scoreColumn = requireOption(values, 'column');
  const correction = values.correction;
  if (correction !== 'holm' && correction !== 'bonferroni') throw new UsageError(`--correction must be holm or bonferroni (got "${correction}")`);
  const alpha = values.alpha === undefined ? 0.05 : Number(values.alpha);
  if (!(alpha > 0 && alpha < 1)) throw new UsageError(`--alpha must be between 0 and 1 (got "${values.alpha}")`);
  requireColumn(table, segmentColumn);
  const segments = table.rows.map((row) => (missingAnswerTokens.has(row[segmentColumn].trim().toLowerCase()) ? '' : row[segmentColumn].trim()));
  const result = compareNpsAcrossSegments(segments, numericCsvColumn(table, scoreColumn), { correction, alpha, scoreName: scoreColumn });
  io.out(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}
