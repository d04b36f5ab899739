/**
 * The benchmarks' mail server in a worker thread of its own: src/mail/test-smtp.ts (a real SMTP
 * server) with an event loop that is not also the load generator's, as a real mail server is a
 * program of its own. Each accepted message is posted to the parent with the time it was
 * accepted; `startSmtpSink` gives the parent the same `received` list startTestSmtp has.
 */
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { workerScript } from '../src/threads.ts';
import type { ReceivedMail } from '../src/mail/test-smtp.ts';

export interface SmtpSink {
  port: number;
  received: Array<Pick<ReceivedMail, 'envelopeTo' | 'subject' | 'text' | 'receivedAt'>>;
  close(): Promise<void>;
}

type SinkMessage = { type: 'listening'; port: number } | { type: 'mail'; envelopeTo: string[]; subject: string; text: string; receivedAt: number };

export async function startSmtpSink(): Promise<SmtpSink> {
  const script = workerScript('smtp-sink', new URL(import.meta.url));
  const worker = new Worker(script.file, { argv: script.argv });
  const received: SmtpSink['received'] = [];
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: SinkMessage) => {
      if (message.type === 'listening') resolve(message.port);
      else received.push({ envelopeTo: message.envelopeTo, subject: message.subject, text: message.text, receivedAt: new Date(message.receivedAt) });
    });
  });
  return { port, received, close: async () => { await worker.terminate(); } };
}

if (!isMainThread && parentPort) {
  const { startTestSmtp } = await import('../src/mail/test-smtp.ts');
  const smtp = await startTestSmtp();
  const port = parentPort;
  // Poll the list startTestSmtp keeps and pass on what is new.
  let sent = 0;
  setInterval(() => {
    for (; sent < smtp.received.length; sent++) {
      const m = smtp.received[sent];
      port.postMessage({ type: 'mail', envelopeTo: m.envelopeTo, subject: m.subject, text: m.text, receivedAt: m.receivedAt.getTime() } satisfies SinkMessage);
    }
  }, 20);
  port.postMessage({ type: 'listening', port: smtp.port } satisfies SinkMessage);
}
