/**
 * Outgoing e-mail over SMTP (nodemailer), configured by SMTP_* and KAIKU_MAIL_FROM. Without
 * SMTP_HOST there is no mailer: notifications stay in-app and nothing pretends to be sent.
 */
import net from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import { emailsSent } from '../observability/metrics.ts';

export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Files sent along (the board report's PDF). */
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
  /** BCP 47 language of the content (Content-Language header). */
  language?: string;
  /** Extra headers (e.g. List-Unsubscribe). */
  headers?: Record<string, string>;
  /** Message-ID header ("<local@domain>"); a resend of the same e-mail repeats it. Default: a new one. */
  messageId?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

const CONNECTION_TIMEOUT_MS = 10_000;

/**
 * Opens the SMTP connection for nodemailer with Nagle's algorithm off. nodemailer writes a
 * message's end ("\r\n.\r\n") as a small segment after the body; with Nagle on it waits for
 * the server's delayed ACK of the body, ~40 ms per message on a reused connection (measured: a
 * pooled connection sent 1 message per 45 ms, ~1 ms with no delay). TLS (implicit or STARTTLS)
 * is set up by nodemailer over this socket as before.
 */
function noDelaySocket(options: { host: string; port: number }, callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void) {
  const socket = net.connect({ host: options.host, port: options.port, noDelay: true });
  const timer = setTimeout(() => socket.destroy(new Error(`SMTP connection to ${options.host}:${options.port} timed out`)), CONNECTION_TIMEOUT_MS);
  const failed = (error: Error) => { clearTimeout(timer); callback(error); };
  socket.once('error', failed);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.off('error', failed);
    socket.setKeepAlive(true);
    callback(null, { connection: socket });
  });
}

export type MailerConfig = Pick<Config, 'smtpHost' | 'smtpPort' | 'smtpSecure' | 'smtpUser' | 'smtpPassword' | 'mailFrom'>;

/** `countSent: false` leaves the kaiku_emails_sent_total counter to the caller (a worker thread's parent). */
export function createMailer(config: MailerConfig,
  options: { pool?: boolean; maxConnections?: number; countSent?: boolean } = {}): Mailer | undefined {
  if (!config.smtpHost) return undefined;
  const count = options.countSent ?? true;
  const transport: Transporter = nodemailer.createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpSecure,
    auth: config.smtpUser ? { user: config.smtpUser, pass: config.smtpPassword ?? '' } : undefined,
    // Without a pool: one connection per message (password resets, follow-ups, reports).
    // Pooled: reused connections, for hundreds of invitations a second (bench/invitation-mail.ts); the owner closes the pool.
    ...(options.pool ? { pool: true, maxConnections: options.maxConnections ?? 20, maxMessages: 1000 } : {}),
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    getSocket: (_options: unknown, callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void) =>
      noDelaySocket({ host: config.smtpHost as string, port: config.smtpPort }, callback),
  });
  return {
    async send(message) {
      await transport.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        attachments: message.attachments,
        messageId: message.messageId,
        headers: { ...(message.language ? { 'Content-Language': message.language } : {}), ...message.headers },
      }).catch((error: unknown) => {
        if (count) emailsSent.inc({ outcome: 'failed' });
        throw error;
      });
      if (count) emailsSent.inc({ outcome: 'sent' });
    },
    close: () => transport.close(),
  };
}
