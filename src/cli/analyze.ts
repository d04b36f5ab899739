import type { Command, CliIO } from './io.ts';
import { UsageError } from './io.ts';

/**
 * `kaiku analyze <method>`: statistics on plain CSV files, no database needed.
 * Each method lives in its domain folder and is loaded only when asked for.
 */
type AnalysisModule = { run: (method: string, args: string[], io: CliIO) => Promise<number> };

// Literal import() calls, so the bundler (scripts/build.mjs) can see and split each module.
const metricsCli = () => import('../metrics/cli.ts') as Promise<AnalysisModule>;
const methods: Record<string, { load: () => Promise<AnalysisModule>; summary: string }> = {
  nps: { load: metricsCli, summary: 'Net Promoter Score with standard error and 95 % CI' },
  csat: { load: metricsCli, summary: 'CSAT top-2-box share with a Wilson 95 % CI' },
  ces: { load: metricsCli, summary: 'Customer Effort Score mean with a t-interval' },
  likert: { load: metricsCli, summary: 'Likert 1–7 agree / neutral / disagree buckets and don\'t-know share' },
  drivers: { load: () => import('../drivers/cli.ts'), summary: 'Key-driver analysis (relative weights, Shapley, promoter logistic)' },
  churn: { load: () => import('../churn/cli.ts'), summary: 'Train a churn model and score customers' },
  segments: { load: () => import('../segments/cli.ts'), summary: 'Compare NPS categories across segments (chi-square)' },
  text: { load: () => import('../text/cli.ts'), summary: 'Language, sentiment and topics of open answers' },
};

export function analyzeHelp(): string {
  const lines = Object.entries(methods).map(([name, m]) => `  ${name.padEnd(10)} ${m.summary}`);
  return `Usage: kaiku analyze <method> --input FILE.csv [options]\n\nMethods:\n${lines.join('\n')}\n\nRun kaiku analyze <method> --help for the options of one method.\n`;
}

export const analyze: Command = async (args: string[], io: CliIO) => {
  const [method, ...rest] = args;
  if (!method || method === '--help' || method === '-h') {
    io.out(analyzeHelp());
    return method ? 0 : 2;
  }
  const entry = methods[method];
  if (!entry) throw new UsageError(`Unknown analysis "${method}". Methods: ${Object.keys(methods).join(', ')}`);
  const mod = await entry.load();
  return mod.run(method, rest, io);
};
