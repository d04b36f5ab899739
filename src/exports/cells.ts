/**
 * Pure text rules of the spreadsheet exports: formula-injection neutralisation and RFC 4180
 * CSV fields. No I/O, so they are tested exhaustively on their own.
 */

/**
 * Spreadsheet programs treat a cell that starts with one of these as a formula (or, for tab
 * and CR, strip the character and then look again). An open answer such as
 * `=HYPERLINK("http://evil.example","click")` must stay text when an analyst opens the export.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Text cells that a spreadsheet could run as a formula get a leading apostrophe (OWASP's
 * "CSV injection" advice): Excel and LibreOffice then show the text as typed. Applied to free
 * text (answers, segments, choices), never to numbers, so `-3` as a number stays a number.
 */
export function neutralizeFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field by RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell value as the exports see it. */
export type CellValue = string | number | boolean | Date | null;

/**
 * One CSV cell: null is empty, numbers and booleans as JavaScript prints them (`9`, `7.5`,
 * `true`), times in ISO 8601 UTC, text neutralised and then quoted.
 */
export function csvCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return csvField(neutralizeFormula(value));
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** One CSV record with its CRLF line break (RFC 4180 §2.1). */
export function csvRecord(values: readonly CellValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(values[i]!);
  }
  return `${line}\r\n`;
}

/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as the local code page (ä → Ã¤). */
export const UTF8_BOM = '\uFEFF';
