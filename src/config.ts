/**
 * All configuration comes from environment variables, read here and nowhere else.
 * docs/operations.md lists each with its default.
 */
import { randomBytes } from 'node:crypto';

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
  /** Headless Chromium that prints board reports to PDF (Debian's `chromium`). */
  chromiumPath: string;
  /** Cookies marked Secure (set when served over HTTPS). */
  secureCookies: boolean;
  logLevel: string;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /** PostgreSQL: each export runs in a worker thread with this V8 old-generation limit (MB). */
  exportHeapMb: number;
  /** PostgreSQL: export workers running at once; further exports wait. */
  exportWorkers: number;
  /**
   * The server's V8 old-generation bound in MB (0 = V8's default), applied as a Node option by
   * whoever starts the process (scripts/server-flags.mjs, npm start); checked here so a bad value stops `serve`.
   */
  heapMb: number;
  /** SMTP server for notification e-mail; unset = no e-mail is sent (in-app notifications only). */
  smtpHost?: string;
  smtpPort: number;
  /** TLS from the first byte (port 465); false = plain, upgraded by STARTTLS when the server offers it. */
  smtpSecure: boolean;
  smtpUser?: string;
  smtpPassword?: string;
  /** The From address of every e-mail Kaiku sends. */
  mailFrom: string;
  /** SMS gateway: invitations are POSTed as JSON to this URL; unset = no SMS channel. */
  smsUrl?: string;
  /** Authorization header value for the SMS gateway (e.g. "Bearer …"). */
  smsAuth?: string;
  /** Sender name or number of invitation SMS. */
  smsFrom: string;
  /** Let webhooks call private and loopback addresses (off by default: SSRF protection). */
  webhooksAllowPrivate: boolean;
  /** Key for signed form tokens; unset = random per process (set it when running several). */
  secret: string;
  /** Which proxies' X-Forwarded-For is believed (Fastify trustProxy): true, false, or addresses/ranges. */
  trustProxy: boolean | string;
  /** Strict-Transport-Security max-age in seconds; 0 = no HSTS header. */
  hstsMaxAge: number;
  /** Requests per minute (0 = unlimited): per IP on public pages, per IP on sign-in and password reset, per invitation token, per IP on ingestion, per API key by default. */
  rateLimitPublic: number;
  rateLimitLogin: number;
  rateLimitToken: number;
  rateLimitIngestIp: number;
  rateLimitApiKey: number;
  /** Public forms submitted sooner than this after rendering are refused as bots. */
  formMinFillMs: number;
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

/** Default: proxies on loopback and private networks, so a client cannot spoof its IP from outside. */
function trustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '') return 'loopback,linklocal,uniquelocal';
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  return raw;
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
    chromiumPath: env.KAIKU_CHROMIUM || '/usr/bin/chromium',
    secureCookies: flag(env, 'KAIKU_SECURE_COOKIES', false),
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimit: integer(env, 'KAIKU_BODY_LIMIT', 5 * 1024 * 1024),
    exportHeapMb: integer(env, 'KAIKU_EXPORT_HEAP_MB', 32),
    exportWorkers: integer(env, 'KAIKU_EXPORT_WORKERS', 2),
    heapMb: integer(env, 'KAIKU_HEAP_MB', 512),
    smtpHost: env.SMTP_HOST || undefined,
    smtpPort: integer(env, 'SMTP_PORT', flag(env, 'SMTP_SECURE', false) ? 465 : 587),
    smtpSecure: flag(env, 'SMTP_SECURE', false),
    smtpUser: env.SMTP_USER || undefined,
    smtpPassword: env.SMTP_PASSWORD || undefined,
    mailFrom: env.KAIKU_MAIL_FROM || 'Kaiku <kaiku@localhost>',
    smsUrl: env.KAIKU_SMS_URL || undefined,
    smsAuth: env.KAIKU_SMS_AUTH || undefined,
    smsFrom: env.KAIKU_SMS_FROM || 'Kaiku',
    webhooksAllowPrivate: flag(env, 'KAIKU_WEBHOOKS_ALLOW_PRIVATE', false),
    secret: env.KAIKU_SECRET || randomBytes(32).toString('base64url'),
    trustProxy: trustProxy(env.KAIKU_TRUST_PROXY),
    hstsMaxAge: integer(env, 'KAIKU_HSTS_MAX_AGE', 0),
    rateLimitPublic: integer(env, 'KAIKU_RATE_LIMIT_PUBLIC', 120),
    rateLimitLogin: integer(env, 'KAIKU_RATE_LIMIT_LOGIN', 30),
    rateLimitToken: integer(env, 'KAIKU_RATE_LIMIT_TOKEN', 30),
    rateLimitIngestIp: integer(env, 'KAIKU_RATE_LIMIT_INGEST_IP', 60_000),
    rateLimitApiKey: integer(env, 'KAIKU_RATE_LIMIT_API_KEY', 60_000),
    formMinFillMs: integer(env, 'KAIKU_FORM_MIN_FILL_MS', 2000),
  };
}
