import { open, readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { KaikuError } from '../errors.ts';

export interface CsvTable {
  columns: string[];
  /** Records keyed by header name; `line` is the 1-based data row number (header excluded). */
  rows: Array<Record<string, string>>;
}

/**
 * Reads a whole CSV file with a header row. The delimiter (comma, semicolon or tab) is
 * detected from the header line, because Finnish and Polish Excel exports use semicolons.
 */
export async function readCsvFile(path: string): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new KaikuError('file_not_readable', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseCsvText(text);
}

export function detectDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

export function parseCsvText(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.indexOf('\n') === -1 ? body.length : body.indexOf('\n'));
  let records: string[][];
  try {
    records = parse(body, { delimiter: detectDelimiter(firstLine), relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new KaikuError('invalid_csv', `The CSV file could not be parsed: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new KaikuError('invalid_csv', 'The CSV file is empty: a header row is required');
  const columns = records[0];
  const rows = records.slice(1).map((values) => {
    const row: Record<string, string> = {};
    columns.forEach((column, i) => {
      row[column] = values[i] ?? '';
    });
    return row;
  });
  return { columns, rows };
}

/** Throws a usage-level error naming the column and the columns that do exist. */
export function requireColumn(table: CsvTable, column: string): void {
  if (!table.columns.includes(column)) {
    throw new KaikuError('unknown_column', `Column "${column}" is not in the file (columns: ${table.columns.join(', ')})`);
  }
}

/** The delimiter of a CSV file, from its header line (read without loading the whole file). */
export async function delimiterOfFile(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const end = text.indexOf('\n');
    return detectDelimiter(end === -1 ? text : text.slice(0, end));
  } finally {
    await handle.close();
  }
}
