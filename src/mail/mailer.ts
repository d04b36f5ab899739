/**
 * Outgoing e-mail over SMTP (nodemailer), configured by SMTP_* and KAIKU_MAIL_FROM. Without
 * SMTP_HOST there is no mailer: notifications stay in-app and nothing pretends to be sent.
 */
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
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'smtpHost' | 'smtpPort' | 'smtpSecure' | 'smtpUser' | 'smtpPassword' | 'mailFrom'>,
  options: { pool?: boolean; maxConnections?: number } = {}): Mailer | undefined {
  if (!config.smtpHost) return undefined;
  const transport: Transporter = nodemailer.createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpSecure,
    auth: config.smtpUser ? { user: config.smtpUser, pass: config.smtpPassword ?? '' } : undefined,
    // Without a pool: one connection per message (password resets, follow-ups, reports).
    // Pooled: reused connections, for hundreds of invitations a second (bench/invitation-mail.ts); the owner closes the pool.
    ...(options.pool ? { pool: true, maxConnections: options.maxConnections ?? 20, maxMessages: 1000 } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
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
        headers: { ...(message.language ? { 'Content-Language': message.language } : {}), ...message.headers },
      }).catch((error: unknown) => {
        emailsSent.inc({ outcome: 'failed' });
        throw error;
      });
      emailsSent.inc({ outcome: 'sent' });
    },
    close: () => transport.close(),
  };
}
