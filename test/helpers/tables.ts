/**
 * Reading the dashboard's tables and their downloads in tests (src/pages/downloads.ts): the
 * cells of a table on the page, and the records of a downloaded CSV.
 */
import assert from 'node:assert/strict';

/** The cells of the page's table `id`: `<data value>`s where a cell has them (an interval has two), else its text ('' for '–'). */
export function pageTable(page: string, id: string): string[][] {
  const start = page.indexOf(`<table id="${id}"`);
  assert.ok(start >= 0, `no table ${id}`);
  const table = page.slice(start, page.indexOf('</table>', start));
  const rows = table.slice(table.indexOf('<tbody>')).match(/<tr[\s\S]*?<\/tr>/g) ?? [];
  const header = (/<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1].match(/<th[^>]*>[\s\S]*?<\/th>/g) ?? []).map(textOf);
  return [header, ...rows.map((row) => (row.match(/<t[hd][^>]*>[\s\S]*?<\/t[hd]>/g) ?? []).flatMap((cell) => {
    const data = [...cell.matchAll(/<data value="([^"]*)"/g)].map((m) => m[1]);
    if (data.length > 0) return data;
    const text = textOf(cell);
    return [text === '–' ? '' : text];
  }))];
}
const textOf = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()
  .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; } else field += c;
  }
  return records;
}

/** A CSV response's records, after checking its UTF-8 byte order mark (fetch's text() would drop it silently). */
export async function csvOf(res: Response): Promise<string[][]> {
  assert.equal(res.status, 200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3)));
}

