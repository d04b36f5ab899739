import { readFileSync } from 'node:fs';
import { parseCsvText, type CsvTable } from '../cli/csv.ts';

/**
 * Test fixtures: R's public data sets with published results (see the README in that folder).
 * A copy of the shared workspace's folder lives in the repository, so a clone tests on its own;
 * KAIKU_PUBLISHED_EXAMPLES points elsewhere.
 */
export const publishedExamplesDir =
  process.env.KAIKU_PUBLISHED_EXAMPLES ?? new URL('../../test/fixtures/published-examples/', import.meta.url).pathname;

export function publishedExamplePath(file: string): string {
  return `${publishedExamplesDir.replace(/\/$/, '')}/${file}`;
}

export function readPublishedExample(file: string): CsvTable {
  return parseCsvText(readFileSync(publishedExamplePath(file), 'utf8'));
}

/** One numeric column of a fixture as a Float64Array. */
export function numericColumn(table: CsvTable, name: string): Float64Array {
  return Float64Array.from(table.rows, (row) => Number(row[name]));
}
