/**
 * Exports in a worker thread with a heap of its own (PostgreSQL only). Measured on the server
 * (BENCHMARKS.md, "Exports"): an export's live data is small, but V8 let its garbage pile up in
 * the server's old generation, so a 1,000,000-answer export took the process 150–250 MB above
 * idle. A worker's isolate has `resourceLimits`: V8 collects within them instead of growing,
 * and an export that would need more fails alone (ERR_WORKER_OUT_OF_MEMORY) instead of
 * ballooning the server. The parent only passes bytes from the worker to the client and
 * acknowledges them once written, so a slow client slows the worker's cursor.
 *
 * At most `maxWorkers` exports run at once; further ones wait for a slot.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../threads.ts';
import type { Writable } from 'node:stream';
import type { ExportProgress, ExportRequest } from './service.ts';
import type { ExportAck, ExportWorkerData, ExportWorkerMessage } from './worker.ts';

export interface ExportIsolation {
  databaseUrl: string;
  /** V8 old-generation limit of each export worker, MB. */
  heapMb: number;
  /** Export workers running at once. */
  maxWorkers: number;
}

/** Bytes in flight between worker and client before the worker waits. */
const WINDOW_BYTES = 1 << 20;

let running = 0;
const queue: Array<() => void> = [];

async function slot(max: number): Promise<() => void> {
  if (running >= max) await new Promise<void>((resolve) => queue.push(resolve));
  else running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = queue.shift();
    if (next) next(); // the slot passes on: `running` stays
    else running--;
  };
}

/** Exports running or waiting for a slot (for tests and metrics). */
export const exportWorkers = () => ({ running, waiting: queue.length });

/**
 * Streams the export into `out` from a worker thread and ends `out`. Rejects when the worker
 * fails (database error, out of memory) or `out` closes first; the worker is stopped then.
 */
export async function exportInWorker(isolation: ExportIsolation, request: ExportRequest, out: Writable): Promise<ExportProgress> {
  const release = await slot(isolation.maxWorkers);
  try {
    if (out.destroyed) throw new Error('The export stream was closed before the export started');
    return await new Promise<ExportProgress>((resolve, reject) => {
      const data: ExportWorkerData = { databaseUrl: isolation.databaseUrl, request, windowBytes: WINDOW_BYTES };
      const script = workerScript('export-worker', new URL('./worker.ts', import.meta.url));
      const worker = new Worker(script.file, {
        argv: script.argv,
        workerData: data,
        // Young generation bounded too: the export's rows die young there, and a large nursery is
        // RSS. 16 MB rather than 8: at 1,000,000 answers CSV took 8.8 s instead of 10.3 s and
        // Parquet 9.3 s instead of 12.0 s (fewer scavenges), peak server RSS 237 MB either way
        // (BENCHMARKS.md, "Quiet re-run after session 4").
        resourceLimits: { maxOldGenerationSizeMb: isolation.heapMb, maxYoungGenerationSizeMb: 16 },
        stdout: false, stderr: false,
      });
      let settled = false;
      let finishing = false;
      const settle = (error: Error | undefined, progress?: ExportProgress) => {
        if (settled) return;
        settled = true;
        out.off('close', onClose);
        if (error) {
          void worker.terminate();
          reject(error);
        } else resolve(progress!);
      };
      const onClose = () => { if (!out.writableFinished) settle(new Error('The export stream was closed before the export finished')); };
      out.on('close', onClose);
      worker.on('message', (message: ExportWorkerMessage) => {
        if (settled) return;
        if (message.type === 'chunk') {
          const written = message.bytes.length;
          out.write(message.bytes, (error) => {
            if (!error && !settled) worker.postMessage({ written } satisfies ExportAck);
          });
        } else if (message.type === 'done') {
          finishing = true; // the worker exits now; `out` still has to flush
          out.end(() => settle(undefined, { rows: message.rows }));
        } else {
          settle(new Error(message.message));
        }
      });
      worker.on('error', (error) => settle(error));
      worker.on('exit', (code) => finishing || settle(new Error(`The export worker stopped (exit code ${code}) before the export finished`)));
    });
  } finally {
    release();
  }
}
