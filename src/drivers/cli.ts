import { readCsvFile } from '../cli/csv.ts';
import { parseCommandArgs, requireOption, UsageError, type CliIO } from '../cli/io.ts';
import { createRandom } from '../linalg/random.ts';
import { bootstrapDriverWeights } from './bootstrap.ts';
import { listOption, integerOption, numericCsvColumn } from './csv-columns.ts';
import { prepareDriverData, type DriverInput } from './data.ts';
import { priorityFromWeights } from './priority.ts';
import { promoterLogistic } from './promoter-logistic.ts';
import { relativeWeights } from './relative-weights.ts';
import { shapleyWeights } from './shapley.ts';

const methods = ['relative-weights', 'shapley', 'promoter-logistic'] as const;
type Method = (typeof methods)[number];

export const driversHelp = `Usage: kaiku analyze drivers --input FILE.csv --target COL --attributes A,B,... [options]

Key-driver analysis: how much each attribute explains of the target.

Options:
  --method M        relative-weights (default) | shapley | promoter-logistic
  --bootstrap N     percentile confidence intervals from N resamples (weights methods)
  --seed S          seed of the resampling (default 1), so intervals are reproducible
  --level L         interval coverage (default 0.95)
  --format json     output format (json)

Empty cells and don't-know answers (NA, EOS, "don't know"...) are missing: a respondent
missing any of the columns is left out (listwise deletion) and "excluded" counts them.
promoter-logistic regresses promoters (9-10) against passives (7-8) on the attributes;
detractors (0-6) are left out.
`;

export async function run(_method: string, args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    input: { type: 'string' },
    target: { type: 'string' },
    attributes: { type: 'string' },
    method: { type: 'string', default: 'relative-weights' },
    bootstrap: { type: 'string' },
    seed: { type: 'string' },
    level: { type: 'string' },
    format: { type: 'string', default: 'json' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(driversHelp);
    return 0;
  }
  const method = values.method as Method;
  if (!methods.includes(method)) throw new UsageError(`--method must be one of ${methods.join(', ')} (got "${values.method}")`);
  if (values.format !== 'json') throw new UsageError(`--format must be json (got "${values.format}")`);
  const inputPath = requireOption(values, 'input');
  const targetName = requireOption(values, 'target');
  const attributeNames = listOption(requireOption(values, 'attributes'), 'attributes');
  const replicates = integerOption(values.bootstrap, 'bootstrap', 0);
  const seed = integerOption(values.seed, 'seed', 1, 0);
  const level = values.level === undefined ? 0.95 : Number(values.level);
  if (!(level > 0 && level < 1)) throw new UsageError(`--level must be between 0 and 1 (got "${values.level}")`);
  if (replicates > 0 && method === 'promoter-logistic') throw new UsageError('--bootstrap applies to relative-weights and shapley; promoter-logistic reports standard errors');

  const table = await readCsvFile(inputPath);
  const input: DriverInput = {
    target: { name: targetName, values: numericCsvColumn(table, targetName) },
    attributes: attributeNames.map((name) => ({ name, values: numericCsvColumn(table, name) })),
  };

  if (method === 'promoter-logistic') {
    io.out(`${JSON.stringify(promoterLogistic(input), null, 2)}\n`);
    return 0;
  }
  const prepared = prepareDriverData(input);
  const result = method === 'shapley' ? shapleyWeights(prepared) : relativeWeights(prepared);
  const output = {
    ...result,
    priority: priorityFromWeights(result),
    ...(replicates > 0
      ? { bootstrap: { seed, ...bootstrapDriverWeights(prepared, method, { replicates, random: createRandom(seed), level }) } }
      : {}),
  };
  io.out(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
