/**
 * Entry point of an export worker thread (src/exports/isolated.ts starts it). It opens one
 * PostgreSQL connection of its own, runs `exportTable` into a stream whose bytes are posted to
 * the parent, and waits for the parent to acknowledge them before producing more: the HTTP
 * client's pace reaches back to the database cursor through the parent's socket.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Writable } from 'node:stream';
import { openPostgres } from '../db/connection.ts';
import { inOrgScope } from '../db/scope.ts';
import { exportTable, type ExportRequest } from './service.ts';

export interface ExportWorkerData {
  databaseUrl: string;
  request: ExportRequest;
  /** Bytes posted and not yet written by the parent before the worker waits. */
  windowBytes: number;
}

/** Worker → parent. */
export type ExportWorkerMessage =
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'done'; rows: number }
  | { type: 'failed'; message: string };

/** Parent → worker: this many bytes have been written out. */
export interface ExportAck { written: number }

const port = parentPort!;
const { databaseUrl, request, windowBytes } = workerData as ExportWorkerData;

let unacknowledged = 0;
let resume: (() => void) | undefined;
port.on('message', (ack: ExportAck) => {
  unacknowledged -= ack.written;
  if (resume && unacknowledged < windowBytes) {
    const go = resume;
    resume = undefined;
    go();
  }
});

const toParent = new Writable({
  highWaterMark: 64 * 1024,
  write(chunk: Buffer, _encoding, callback) {
    // A copy of its own, so transferring it cannot detach a buffer Node pools for small writes.
    const bytes = new Uint8Array(chunk.length);
    bytes.set(chunk);
    unacknowledged += bytes.length;
    port.postMessage({ type: 'chunk', bytes } satisfies ExportWorkerMessage, [bytes.buffer]);
    if (unacknowledged < windowBytes) callback();
    else resume = () => callback();
  },
});

const db = openPostgres({ url: databaseUrl, max: 1 });
try {
  // In the organisation's scope, as the request was: with row-level security on, the database
  // itself keeps the export to that organisation's rows.
  const progress = await inOrgScope(request.orgId, () => exportTable(db, request, toParent));
  port.postMessage({ type: 'done', rows: progress.rows } satisfies ExportWorkerMessage);
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies ExportWorkerMessage);
} finally {
  await db.close();
  port.close();
}
