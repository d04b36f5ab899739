/**
 * Entry point of the mail worker thread (src/mail/threaded.ts starts it): a pooled SMTP
 * transport whose round trips are answered by an event loop of their own. The parent posts
 * each message with an id and gets back the id, with the error's text when the mail server
 * did not accept it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createMailer, type MailerConfig, type MailMessage } from './mailer.ts';

export interface MailWorkerData {
  config: MailerConfig;
  maxConnections: number;
}

/** Parent → worker. */
export type MailWorkerRequest = { type: 'send'; id: number; message: MailMessage } | { type: 'close' };

/** Worker → parent. */
export interface MailWorkerReply { id: number; error?: string }

const port = parentPort!;
const { config, maxConnections } = workerData as MailWorkerData;
// The parent counts what was sent (its metrics registry is the one /metrics serves).
const mailer = createMailer(config, { pool: true, maxConnections, countSent: false });

port.on('message', (request: MailWorkerRequest) => {
  if (request.type === 'close') {
    mailer?.close();
    port.close();
    return;
  }
  const { id, message } = request;
  if (!mailer) {
    port.postMessage({ id, error: 'No SMTP server is configured' } satisfies MailWorkerReply);
    return;
  }
  // Structured cloning turns Buffers into Uint8Arrays.
  const attachments = message.attachments?.map((a) => ({ ...a, content: Buffer.from(a.content) }));
  mailer.send({ ...message, attachments }).then(
    () => port.postMessage({ id } satisfies MailWorkerReply),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies MailWorkerReply));
});
