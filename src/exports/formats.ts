/**
 * The three file formats as sinks: `start` with the columns, `rows` batch by batch, `finish`.
 * Each writes to a Node stream and waits when the stream's buffer is full, so a slow client
 * or disk slows the export down instead of growing memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { csvCell, neutralizeFormula, UTF8_BOM, type CellValue } from './cells.ts';
import type { Column } from './queries.ts';

export const formats = ['csv', 'xlsx', 'parquet'] as const;
export type Format = (typeof formats)[number];

export const contentTypes: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
};

export interface TableSink {
  start(columns: Column[]): Promise<void>;
  rows(rows: CellValue[][]): Promise<void>;
  finish(): Promise<void>;
}

/** Writes a chunk; resolves at once while the stream has room, after 'drain' when it is full. */
async function write(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (out.destroyed) throw new Error('The export stream was closed before the export finished');
  if (!out.write(chunk)) await drained(out);
}

async function drained(out: Writable): Promise<void> {
  // 'close' ends the wait too: a client that hangs up must not leave the export waiting forever.
  // The abort removes the listener that did not fire; otherwise every wait left one behind
  // (MaxListenersExceededWarning after ten waits on a slow client).
  const settled = new AbortController();
  try {
    await Promise.race([once(out, 'drain', { signal: settled.signal }), once(out, 'close', { signal: settled.signal })]);
  } finally {
    settled.abort();
  }
  if (out.destroyed) throw new Error('The export stream was closed before the export finished');
}

async function ended(out: Writable): Promise<void> {
  if (out.writableFinished) return;
  const done = once(out, 'finish');
  out.end();
  await done;
}

/** RFC 4180 with CRLF, UTF-8 with a byte order mark for Excel, text cells neutralised. */
export function csvSink(out: Writable): TableSink {
  // The answers of one response repeat its context (ids, channel, language…) as the very same
  // values: remembering each column's last cell saves most of the formatting.
  let lastValue: CellValue[] = [];
  let lastCell: string[] = [];
  return {
    async start(columns) {
      lastValue = new Array(columns.length).fill(undefined);
      lastCell = new Array(columns.length).fill('');
      await write(out, UTF8_BOM + columns.map((c) => c.name).join(',') + '\r\n');
    },
    async rows(rows) {
      let chunk = '';
      for (const row of rows) {
        for (let i = 0; i < row.length; i++) {
          const value = row[i]!;
          if (value !== lastValue[i]) {
            lastValue[i] = value;
            lastCell[i] = csvCell(value);
          }
          chunk += i === 0 ? lastCell[i] : `,${lastCell[i]}`;
        }
        chunk += '\r\n';
      }
      await write(out, chunk);
    },
    finish: () => ended(out),
  };
}

/** Excel's limit is 1,048,576 rows a sheet; longer exports continue on "answers 2", "answers 3"… */
export const XLSX_MAX_ROWS = 1_048_576;

/** Sheet XML written but not yet compressed, beyond which an XLSX export waits. */
const XLSX_BACKLOG_BYTES = 1 << 20;

/**
 * Bytes of a streaming worksheet not yet taken by the zip: in the deflate stream it writes to
 * (exceljs internals: the worksheet's StreamBuf and its pipe), or buffered before the zip starts
 * reading it. 0 when the internals are not as expected, so a changed exceljs only loses the wait.
 */
function sheetBacklog(sheet: ExcelJS.Worksheet | undefined): number {
  type Piped = { writableLength?: number; _writableState?: { length?: number } };
  const stream = (sheet as unknown as { _stream?: { pipes?: Piped[]; buffers?: Array<{ length?: number }> } })?._stream;
  if (!stream) return 0;
  // The zip's streams come from the readable-stream package, whose older versions lack writableLength.
  const pipe = stream.pipes?.[0];
  const piped = pipe?.writableLength ?? pipe?._writableState?.length;
  if (typeof piped === 'number') return piped;
  return (stream.buffers ?? []).reduce((sum, b) => sum + (typeof b.length === 'number' ? b.length : 0), 0);
}

/**
 * Streaming XLSX (exceljs WorkbookWriter): rows are committed as they come, no shared-strings
 * table (it would hold every text in memory). Scores are numbers, times real dates, text
 * neutralised like the CSV.
 */
export function xlsxSink(out: Writable, sheetName: string, maxRows = XLSX_MAX_ROWS): TableSink {
  // exceljs is large: loaded when an XLSX export starts, so CSV and Parquet export workers start without it.
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  let header: string[] = [];
  let sheet: ExcelJS.Worksheet | undefined;
  let sheetRows = 0;
  let sheets = 0;
  const newSheet = () => {
    sheet?.commit();
    sheets++;
    sheet = workbook.addWorksheet(sheets === 1 ? sheetName : `${sheetName} ${sheets}`);
    sheet.addRow(header).commit();
    sheetRows = 1;
  };
  return {
    async start(columns) {
      const { default: excel } = await import('exceljs');
      workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
      header = columns.map((c) => c.name);
      newSheet();
    },
    async rows(rows) {
      for (const row of rows) {
        if (sheetRows >= maxRows) newSheet();
        sheet!.addRow(row.map((v) => (typeof v === 'string' ? neutralizeFormula(v) : v))).commit();
        sheetRows++;
      }
      // exceljs has no back-pressure of its own: a committed row goes into the sheet's buffer
      // and on into the zip's deflate stream whatever their fill. Wait here until compression
      // and `out` have caught up, or the sheet's XML piles up in memory (measured: the export
      // of 1,000,000 answers ran out of a 32 MB heap, and grew a server by 400 MB in-process).
      while (sheetBacklog(sheet) > XLSX_BACKLOG_BYTES) await new Promise((resolve) => setTimeout(resolve, 2));
      if (out.writableLength > out.writableHighWaterMark) await drained(out);
    },
    async finish() {
      sheet?.commit();
      const done = out.writableFinished ? Promise.resolve() : once(out, 'finish');
      await workbook.commit();
      await done;
    },
  };
}

/**
 * Rows per Parquet row group. A group's values live until it is written, long enough to be
 * promoted to V8's old generation and die there: 10,000 keeps that garbage (and peak RSS) small
 * at the same file size as 25,000 (Snappy compresses each page alike).
 */
export const PARQUET_ROW_GROUP = 10_000;

const parquetTypes = { string: 'STRING', number: 'DOUBLE', boolean: 'BOOLEAN', timestamp: 'TIMESTAMP' } as const;

/** hyparquet-writer's byte writer, emptied into the stream after every row group. */
class StreamByteWriter extends ByteWriter {
  constructor(private readonly out: Writable) {
    super(1 << 20);
  }

  private take(): Uint8Array {
    // A copy: the writer reuses its buffer for the next row group.
    const bytes = new Uint8Array(this.buffer.slice(0, this.index));
    this.index = 0;
    return bytes;
  }

  flush(): Promise<void> {
    return write(this.out, this.take());
  }

  override finish(): void {
    // finish() must be synchronous for ParquetWriter; the sink waits for the stream afterwards.
    this.out.write(this.take());
  }
}

/**
 * Parquet (hyparquet-writer, pure JavaScript, Snappy): typed columns (DOUBLE scores, BOOLEAN
 * don't-know, TIMESTAMP_MILLIS UTC times, UTF-8 text); values exactly as stored, since Parquet
 * is read by warehouses, not spreadsheets.
 */
export function parquetSink(out: Writable, rowGroup = PARQUET_ROW_GROUP): TableSink {
  let columns: Column[] = [];
  let writer: ParquetWriter | undefined;
  // Values are kept column by column as they arrive, so each row's array dies young instead of
  // living until its row group is written.
  let pending: CellValue[][] = [];
  let pendingRows = 0;
  const bytes = new StreamByteWriter(out);

  const flushGroup = async () => {
    if (pendingRows === 0) return;
    const columnData = columns.map((c, i) => ({ name: c.name, data: pending[i]! }));
    pending = columns.map(() => []);
    pendingRows = 0;
    await writer!.write({ columnData, rowGroupSize: columnData[0]!.data.length });
  };

  return {
    async start(cols) {
      columns = cols;
      const schema = schemaFromColumnData({
        columnData: cols.map((c) => ({ name: c.name, data: [], type: parquetTypes[c.type], nullable: true })),
      });
      writer = new ParquetWriter({ writer: bytes, schema, codec: 'SNAPPY', createdBy: 'Kaiku' });
      pending = cols.map(() => []);
    },
    async rows(rows) {
      for (const row of rows) {
        for (let i = 0; i < row.length; i++) pending[i]!.push(row[i]!);
      }
      pendingRows += rows.length;
      if (pendingRows >= rowGroup) await flushGroup();
    },
    async finish() {
      await flushGroup();
      await writer!.finish();
      await ended(out);
    },
  };
}

export function sinkFor(format: Format, out: Writable, sheetName: string): TableSink {
  switch (format) {
    case 'csv': return csvSink(out);
    case 'xlsx': return xlsxSink(out, sheetName);
    case 'parquet': return parquetSink(out);
  }
}
