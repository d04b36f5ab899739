/**
 * A pooled mailer whose SMTP conversation runs in a worker thread (src/mail/worker.ts). Each
 * message takes several round trips (MAIL FROM, RCPT TO, DATA, the body), and each waits for a
 * turn of the event loop that reads the reply: on the app's own loop, busy ingesting 500
 * responses a second, that turn took 12–38 ms at the median, so 32 connections carried only
 * 100–150 e-mails a second (bench/loop.ts, BENCHMARKS.md). The worker's loop does nothing
 * else; building the MIME message moves there too.
 *
 * The worker starts with the first e-mail and ends with `close()`; if it dies, the e-mails in
 * flight fail (their claims are given back, src/notifications/service.ts) and the next e-mail
 * starts a new one.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../threads.ts';
import { emailsSent } from '../observability/metrics.ts';
import type { Mailer, MailerConfig, MailMessage } from './mailer.ts';
import type { MailWorkerData, MailWorkerReply, MailWorkerRequest } from './worker.ts';

export function createThreadedMailer(config: MailerConfig, options: { maxConnections: number }): Mailer | undefined {
  if (!config.smtpHost) return undefined;
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const start = () => {
    const script = workerScript('mail-worker', new URL('./worker.ts', import.meta.url));
    const started = new Worker(script.file, {
      argv: script.argv,
      workerData: { config, maxConnections: options.maxConnections } satisfies MailWorkerData,
      // A small heap: it holds the messages in flight and the connections.
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    });
    started.on('message', (reply: MailWorkerReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.error === undefined) {
        emailsSent.inc({ outcome: 'sent' });
        p.resolve();
      } else {
        emailsSent.inc({ outcome: 'failed' });
        p.reject(new Error(reply.error));
      }
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`The mail worker stopped (exit code ${code})`));
    });
    // Nothing waits for it at exit: the job queue closes it when it stops.
    started.unref();
    return started;
  };

  return {
    send(message: MailMessage) {
      worker ??= start();
      const id = nextId++;
      const sent = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage({ type: 'send', id, message } satisfies MailWorkerRequest);
      return sent;
    },
    close() {
      worker?.postMessage({ type: 'close' } satisfies MailWorkerRequest);
      worker = undefined;
    },
  };
}
