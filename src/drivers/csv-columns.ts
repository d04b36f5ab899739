import type { CsvTable } from '../cli/csv.ts';
import { requireColumn } from '../cli/csv.ts';
import { badInput } from '../errors.ts';
import { UsageError } from '../cli/io.ts';

/**
 * Cell values read as "no answer": empty cells, R/Excel missing markers and "don't know" in
 * Kaiku's four languages (EOS = en osaa sanoa, vet ej, nie wiem). Compared case-insensitively.
 */
export const missingAnswerTokens: ReadonlySet<string> = new Set([
  '', 'na', 'n/a', 'nan', 'null', '.', '-',
  'dk', "don't know", 'dont know', 'eos', 'en osaa sanoa', 'vet ej', 'nie wiem',
]);

/** A cell as a number: NaN for a missing/don't-know token, null when it is not a number at all. */
export function parseAnswer(text: string): number | null {
  const trimmed = text.trim();
  if (missingAnswerTokens.has(trimmed.toLowerCase())) return Number.NaN;
  // Finnish and Polish spreadsheets write decimals with a comma.
  const normalised = /^[-+]?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/**
 * One CSV column as a Float64Array (NaN = missing or don't know). Throws naming the column, the
 * line and the value when a cell is neither a number nor a missing marker.
 */
export function numericCsvColumn(table: CsvTable, column: string): Float64Array {
  requireColumn(table, column);
  const out = new Float64Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const text = table.rows[i][column];
    const value = parseAnswer(text);
    if (value === null) {
      throw badInput(`Column "${column}" has a non-numeric value "${text}" on line ${i + 2}; use a number, or leave it empty for no answer`, column);
    }
    out[i] = value;
  }
  return out;
}

/** Splits "A,B,C" (an option value) into trimmed, non-empty names. */
export function listOption(value: string, option: string): string[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--${option} needs at least one column name`);
  return names;
}

/** Parses a positive whole-number option. */
export function integerOption(value: string | undefined, option: string, fallback: number, minimum = 1): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < minimum) throw new UsageError(`--${option} must be a whole number of at least ${minimum} (got "${value}")`);
  return parsed;
}
