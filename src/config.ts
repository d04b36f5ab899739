/**
 * All configuration comes from environment variables, read here and nowhere else.
 * docs/operations.md lists each with its default.
 */
export interface Config {
  port: number;
  host: string;
  /** Postgres server; unset = embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  poolSize: number;
  /** Public base URL used in links (survey invitations, printed at start). */
  publicUrl: string;
  /** Seed the demo organisation when the database has no organisation yet. */
  seedDemo: boolean;
  /** Cookies marked Secure (set when served over HTTPS). */
  secureCookies: boolean;
  logLevel: string;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /** SMTP server for notification e-mail; unset = no e-mail is sent (in-app notifications only). */
  smtpHost?: string;
  smtpPort: number;
  /** TLS from the first byte (port 465); false = plain, upgraded by STARTTLS when the server offers it. */
  smtpSecure: boolean;
  smtpUser?: string;
  smtpPassword?: string;
  /** The From address of every e-mail Kaiku sends. */
  mailFrom: string;
  /** Let webhooks call private and loopback addresses (off by default: SSRF protection). */
  webhooksAllowPrivate: boolean;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(raw.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer(env, 'PORT', 3000);
  const host = env.HOST || '0.0.0.0';
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.KAIKU_DATA_DIR || './data',
    poolSize: integer(env, 'KAIKU_DB_POOL_SIZE', 20),
    publicUrl: (env.KAIKU_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    seedDemo: flag(env, 'KAIKU_DEMO', true),
    secureCookies: flag(env, 'KAIKU_SECURE_COOKIES', false),
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimit: integer(env, 'KAIKU_BODY_LIMIT', 5 * 1024 * 1024),
    smtpHost: env.SMTP_HOST || undefined,
    smtpPort: integer(env, 'SMTP_PORT', flag(env, 'SMTP_SECURE', false) ? 465 : 587),
    smtpSecure: flag(env, 'SMTP_SECURE', false),
    smtpUser: env.SMTP_USER || undefined,
    smtpPassword: env.SMTP_PASSWORD || undefined,
    mailFrom: env.KAIKU_MAIL_FROM || 'Kaiku <kaiku@localhost>',
    webhooksAllowPrivate: flag(env, 'KAIKU_WEBHOOKS_ALLOW_PRIVATE', false),
  };
}
