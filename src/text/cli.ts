import { readCsvFile, requireColumn } from '../cli/csv.ts';
import { parseCommandArgs, requireOption, UsageError, type CliIO } from '../cli/io.ts';
import { analyzeText } from './analyze.ts';
import { isLanguage, LANGUAGES } from './tokens.ts';

const HELP = `Usage: kaiku analyze text --input FILE.csv --text-column COL [--language-column COL] [--id-column COL] [--format json|table]

Language (fi, sv, en, pl or other), sentiment (positive, neutral, negative; score -1…1) and
default topics of each row's text. A row that cannot be analysed gets an "error" field;
the other rows are still analysed. Texts over 5,000 characters are analysed from their start
and marked "truncated": true.
`;

export interface TextRowResult {
  id: string;
  language?: string;
  sentiment?: string;
  score?: number;
  topics?: string[];
  truncated?: true;
  warning?: string;
  error?: string;
}

export async function run(_method: string, args: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    input: { type: 'string' },
    'text-column': { type: 'string' },
    'language-column': { type: 'string' },
    'id-column': { type: 'string' },
    format: { type: 'string', default: 'json' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const input = requireOption(values, 'input');
  const textColumn = requireOption(values, 'text-column');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new UsageError(`--format must be json or table, not "${format}"`);
  const table = await readCsvFile(input);
  requireColumn(table, textColumn);
  const languageColumn = values['language-column'];
  const idColumn = values['id-column'];
  if (languageColumn) requireColumn(table, languageColumn);
  if (idColumn) requireColumn(table, idColumn);

  const results = table.rows.map((row, i): TextRowResult => {
    const id = idColumn && row[idColumn] ? row[idColumn] : String(i + 1);
    try {
      const declared = languageColumn ? row[languageColumn].trim().toLowerCase() : '';
      if (declared && !isLanguage(declared) && declared !== 'other' && declared !== 'auto') {
        return { id, error: `language "${declared}" is not one of ${LANGUAGES.join(', ')} (leave it empty to detect)` };
      }
      const a = analyzeText(row[textColumn] ?? '', { language: declared || undefined });
      const result: TextRowResult = { id, language: a.language, sentiment: a.sentiment, score: a.score, topics: a.topics };
      if (a.truncated) result.truncated = true;
      if (a.warning) result.warning = a.warning;
      return result;
    } catch (error) {
      // One bad row must not stop the batch; the row says what went wrong.
      return { id, error: `could not analyse this row: ${(error as Error).message}` };
    }
  });

  if (format === 'json') io.out(`${JSON.stringify(results, null, 2)}\n`);
  else io.out(formatTable(results));
  return 0;
}

function formatTable(results: TextRowResult[]): string {
  const header = ['id', 'language', 'sentiment', 'score', 'topics'];
  const rows = results.map((r) =>
    r.error
      ? [r.id, '', '', '', `error: ${r.error}`]
      : [r.id, r.language ?? '', r.sentiment ?? '', (r.score ?? 0).toFixed(3), (r.topics ?? []).join(', ') + (r.truncated ? ' (truncated)' : '')],
  );
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
