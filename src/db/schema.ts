/**
 * Kaiku's one schema. Every tenant table carries `org_id` as the first column of its primary
 * key, unique constraints and foreign keys, so rows of one organisation never reference
 * another's and the schema can be distributed by `org_id` (Citus) without changes.
 * Migrations are generated from this file by drizzle-kit into src/db/migrations/ and are never
 * edited after they land.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  bigint,
  pgEnum,
  pgSchema,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['admin', 'analyst', 'unit_manager', 'frontline', 'viewer']);
export const stagePhaseEnum = pgEnum('stage_phase', ['before', 'during', 'after']);
export const channelEnum = pgEnum('channel', [
  'web', 'email', 'sms', 'phone', 'chat', 'app', 'store', 'field', 'kiosk', 'mail', 'social', 'other',
]);
export const touchpointModeEnum = pgEnum('touchpoint_mode', ['active', 'passive']);
export const surveyKindEnum = pgEnum('survey_kind', ['strategic', 'pulse', 'adhoc']);
export const surveyStatusEnum = pgEnum('survey_status', ['draft', 'active', 'closed']);
export const questionTypeEnum = pgEnum('question_type', [
  'nps', 'csat', 'ces', 'likert7', 'rating', 'single_choice', 'multi_choice', 'text',
]);
export const responseSourceEnum = pgEnum('response_source', ['web', 'api', 'import', 'kiosk', 'widget', 'email', 'demo']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  defaultLanguage: text('default_language').notNull().default('fi'),
  timeZone: text('time_zone').notNull().default('Europe/Helsinki'),
  /** Person-level views hide any group with fewer answers than this. */
  minGroupSize: integer('min_group_size').notNull().default(5),
  /** Industry code the benchmarks compare the organisation with (e.g. "retail"); null = not set. */
  industry: text('industry'),
  /** Case SLAs count these hours only: { days: [1..7 ISO weekdays], start: 'HH:MM', end: 'HH:MM' } in timeZone. */
  businessHours: jsonb('business_hours').notNull().default({ days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' }),
  /** No contact is invited more than once per this many days, across all surveys (src/distribution). */
  quarantineDays: integer('quarantine_days').notNull().default(30),
  /** The organisation's "is it solved?" survey that cases send after resolution (created on first use). */
  resurveySurveyId: uuid('resurvey_survey_id'),
  /**
   * The period the analytic pages show when the URL gives no from/to: the last 30, 90, 180 or
   * 365 days, or '18m' = the last 18 calendar months (src/pages/default-period.ts). Every
   * organisation, existing and new, starts at '18m': that is what the overview, the page people
   * land on, has always shown (with its 18-month trend), so nothing changes until an admin
   * chooses a shorter period on /app/setup/organisation.
   */
  defaultPeriod: text('default_period').notNull().default('18m'),
  createdAt: createdAt(),
}, (t) => [
  check('organizations_default_period_known', sql`${t.defaultPeriod} in ('30d', '90d', '180d', '365d', '18m')`),
]);

export const units = pgTable('units', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  parentId: uuid('parent_id'),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('unit'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id] }),
]);

export const users = pgTable('users', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  role: roleEnum('role').notNull(),
  unitId: uuid('unit_id'),
  language: text('language').notNull().default('fi'),
  /** Gather notifications into one e-mail a day instead of one e-mail each. */
  notificationDigest: boolean('notification_digest').notNull().default(false),
  /** TOTP second factor (src/auth/totp.ts): base32 secret, set at enrolment, active once confirmed. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last accepted time step: a code is accepted once (RFC 6238 §5.2). */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  /** SHA-256 of the unused one-time recovery codes. */
  recoveryCodeHashes: text('recovery_code_hashes').array(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('users_org_email').on(t.orgId, t.email),
  index('users_email').on(t.email),
  foreignKey({ columns: [t.orgId, t.unitId], foreignColumns: [units.orgId, units.id] }),
  check('unit_scoped_roles_have_unit', sql`${t.role} not in ('unit_manager') or ${t.unitId} is not null`),
]);

/** Frontline employees who serve customers; `user_id` links one to a login for "my feedback". */
export const employees = pgTable('employees', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  unitId: uuid('unit_id').notNull(),
  name: text('name').notNull(),
  externalId: text('external_id'),
  userId: uuid('user_id'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('employees_org_external').on(t.orgId, t.externalId),
  foreignKey({ columns: [t.orgId, t.unitId], foreignColumns: [units.orgId, units.id] }),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
]);

/** Browser sessions; the cookie holds the org id and a random token, the table only its hash. */
export const sessions = pgTable('sessions', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.tokenHash] }),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
]);

export const apiKeys = pgTable('api_keys', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull(),
  /** read, write, admin */
  scopes: text('scopes').array().notNull(),
  createdBy: uuid('created_by'),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** Requests per minute this key may make; null = KAIKU_RATE_LIMIT_API_KEY. */
  rateLimitPerMinute: integer('rate_limit_per_minute'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  // The permissions table (src/auth/permissions.ts) knows these three; any other would grant nothing.
  check('api_keys_scopes_known', sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array['read', 'write', 'admin']::text[]`),
]);

/** Password-reset links: only the SHA-256 of the token is stored; single use, short-lived. */
export const passwordResets = pgTable('password_resets', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.tokenHash] }),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
]);

/** Who did what among admin and data-export actions (src/audit/). Append-only. */
export const auditLog = pgTable('audit_log', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorUserId: uuid('actor_user_id'),
  actorApiKeyId: uuid('actor_api_key_id'),
  /** e.g. export.download, api_key.create, user.role_change, org.settings_change */
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  details: jsonb('details').notNull().default({}),
  ip: text('ip'),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  index('audit_log_org_at').on(t.orgId, t.at),
]);

/**
 * Abuse counters, not tenant data: they are keyed by IP, token or key hash, before any
 * organisation is known. Own schema, so tenant-table checks and policies leave them out.
 * `rate_counters` is UNLOGGED (the migration says so): losing counts in a crash is harmless.
 */
export const throttle = pgSchema('throttle');

/** Fixed-window request counters shared by every app process (src/http/rate-limit.ts). */
export const rateCounters = throttle.table('rate_counters', {
  bucket: text('bucket').notNull(),
  windowStart: bigint('window_start', { mode: 'number' }).notNull(),
  hits: integer('hits').notNull(),
}, (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })]);

/** Failed sign-ins per account (hashed e-mail) and per IP, with the lockout they caused. */
export const loginFailures = throttle.table('login_failures', {
  subject: text('subject').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const journeys = pgTable('journeys', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  name: text('name').notNull(),
  persona: text('persona'),
  description: text('description'),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.orgId, t.id] })]);

export const stages = pgTable('stages', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  journeyId: uuid('journey_id').notNull(),
  name: text('name').notNull(),
  phase: stagePhaseEnum('phase').notNull(),
  position: integer('position').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.journeyId], foreignColumns: [journeys.orgId, journeys.id] }).onDelete('cascade'),
  index('stages_journey').on(t.orgId, t.journeyId, t.position),
]);

export const touchpoints = pgTable('touchpoints', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  journeyId: uuid('journey_id').notNull(),
  stageId: uuid('stage_id').notNull(),
  name: text('name').notNull(),
  channel: channelEnum('channel').notNull(),
  mode: touchpointModeEnum('mode').notNull().default('active'),
  ownerUnitId: uuid('owner_unit_id'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.stageId], foreignColumns: [stages.orgId, stages.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.orgId, t.journeyId], foreignColumns: [journeys.orgId, journeys.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.orgId, t.ownerUnitId], foreignColumns: [units.orgId, units.id] }),
]);

export const contacts = pgTable('contacts', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  externalId: text('external_id'),
  email: text('email'),
  phone: text('phone'),
  name: text('name'),
  language: text('language'),
  segment: text('segment'),
  persona: text('persona'),
  /** Strategic-survey wave 0–3: each contact is asked once a year, one cohort a quarter. */
  cohort: smallint('cohort').notNull(),
  attributes: jsonb('attributes').notNull().default({}),
  createdAt: createdAt(),
  /** IANA zone (Europe/Helsinki) for quiet hours; null = the organisation's. */
  timeZone: text('time_zone'),
  /** Consent to survey invitations per channel; withdrawing records when (src/contacts/README.md). */
  consentSurveyEmail: boolean('consent_survey_email').notNull().default(false),
  consentSurveySms: boolean('consent_survey_sms').notNull().default(false),
  consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
  /** Operational data joined with experience data: { revenue, tenureMonths, plan, … } (scalars). */
  operational: jsonb('operational').notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set by the unsubscribe link of an invitation (it also withdraws consent). */
  unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('contacts_org_external').on(t.orgId, t.externalId),
  check('contacts_cohort_range', sql`${t.cohort} between 0 and 3`),
  // Search by e-mail is case-insensitive.
  index('contacts_org_email').on(t.orgId, sql`lower(${t.email})`),
]);

export const surveys = pgTable('surveys', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  name: text('name').notNull(),
  kind: surveyKindEnum('kind').notNull(),
  status: surveyStatusEnum('status').notNull().default('active'),
  defaultLanguage: text('default_language').notNull(),
  languages: text('languages').array().notNull(),
  /** Respondent-facing texts per language: { title: {fi, en…}, intro: {…}, thanks: {…} }. */
  texts: jsonb('texts').notNull(),
  touchpointId: uuid('touchpoint_id'),
  /** Anonymous respondents are asked whether the organisation may contact them (response_contact_requests). */
  askContactConsent: boolean('ask_contact_consent').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  // Public survey links carry only the survey id.
  index('surveys_id').on(t.id),
  foreignKey({ columns: [t.orgId, t.touchpointId], foreignColumns: [touchpoints.orgId, touchpoints.id] }),
]);

export const questions = pgTable('questions', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  surveyId: uuid('survey_id').notNull(),
  /** Stable code within the survey (e.g. "nps", "nps_why"), used in imports and display logic. */
  key: text('key').notNull(),
  position: integer('position').notNull(),
  type: questionTypeEnum('type').notNull(),
  required: boolean('required').notNull().default(false),
  /** { fi: { label, help? }, en: {…} } */
  texts: jsonb('texts').notNull(),
  /** Choice options: [{ value, labels: { fi, en… } }] */
  options: jsonb('options'),
  scaleMax: smallint('scale_max'),
  allowDontKnow: boolean('allow_dont_know').notNull().default(false),
  isDriver: boolean('is_driver').notNull().default(false),
  /** Show only if an earlier answer meets a condition: { question: key, op, value }. */
  displayIf: jsonb('display_if'),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('questions_survey_key').on(t.orgId, t.surveyId, t.key),
  foreignKey({ columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete('cascade'),
]);

export const invitations = pgTable('invitations', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  token: text('token').notNull(),
  surveyId: uuid('survey_id').notNull(),
  contactId: uuid('contact_id'),
  touchpointId: uuid('touchpoint_id'),
  unitId: uuid('unit_id'),
  employeeId: uuid('employee_id'),
  channel: channelEnum('channel').notNull().default('email'),
  language: text('language'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  openedAt: timestamp('opened_at', { withTimezone: true }),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  createdAt: createdAt(),
  /** Distribution (src/distribution): the pulse rule and event, or the wave, that made it. */
  ruleId: uuid('rule_id'),
  eventId: uuid('event_id'),
  waveId: uuid('wave_id'),
  /** created (a link handed out by the API) · scheduled · sending · delivered · bounced · failed · skipped · waiting (web: shown on the next visit). */
  status: text('status').notNull().default('created'),
  /** Why no invitation went out: quarantined, no_consent, unsubscribed, sampled_out, no_address, invalid_address, expired, survey_closed. */
  skipReason: text('skip_reason'),
  /** When it is (or was) due to go out: event + delay, moved out of quiet hours. */
  sendAt: timestamp('send_at', { withTimezone: true }),
  /** A sender's lease while it hands the message over (a crashed sender's lease runs out). */
  claimedAt: timestamp('claimed_at', { withTimezone: true }),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  bouncedAt: timestamp('bounced_at', { withTimezone: true }),
  /** The survey page was opened through the link (openedAt also counts the e-mail's pixel). */
  startedAt: timestamp('started_at', { withTimezone: true }),
  remindAt: timestamp('remind_at', { withTimezone: true }),
  remindedAt: timestamp('reminded_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('invitations_org_token').on(t.orgId, t.token),
  // Exactly one invitation per (contact, rule, event) and per (wave, contact), whichever process schedules it.
  unique('invitations_org_contact_rule_event').on(t.orgId, t.contactId, t.ruleId, t.eventId),
  unique('invitations_org_wave_contact').on(t.orgId, t.waveId, t.contactId),
  // Quarantine: a contact's latest invitation.
  index('invitations_org_contact_send').on(t.orgId, t.contactId, t.sendAt),
  index('invitations_org_survey_created').on(t.orgId, t.surveyId, t.createdAt),
  // What the senders pick up, across organisations.
  index('invitations_due').on(t.sendAt).where(sql`status = 'scheduled'`),
  index('invitations_reminders_due').on(t.remindAt).where(sql`remind_at is not null and reminded_at is null`),
  check('invitations_status', sql`${t.status} in ('created', 'scheduled', 'sending', 'delivered', 'bounced', 'failed', 'skipped', 'waiting')`),
  // Tokens are 128-bit random; this index serves the public page, which knows only the token.
  index('invitations_token').on(t.token),
  foreignKey({ columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
]);

export const responses = pgTable('responses', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  surveyId: uuid('survey_id').notNull(),
  touchpointId: uuid('touchpoint_id'),
  channel: channelEnum('channel'),
  unitId: uuid('unit_id'),
  employeeId: uuid('employee_id'),
  contactId: uuid('contact_id'),
  invitationId: uuid('invitation_id'),
  /** Contact's segment when the answer was given, so later re-segmentation keeps history. */
  segment: text('segment'),
  language: text('language').notNull(),
  source: responseSourceEnum('source').notNull(),
  idempotencyKey: text('idempotency_key'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('responses_org_idempotency').on(t.orgId, t.idempotencyKey),
  unique('responses_org_invitation').on(t.orgId, t.invitationId),
  index('responses_org_time').on(t.orgId, t.submittedAt),
  index('responses_org_employee').on(t.orgId, t.employeeId),
  // Touchpoint × time: a month of one touchpoint's responses (OData feed, metrics by touchpoint)
  // is one index range, counted without visiting the table (bench/odata.ts).
  index('responses_org_touchpoint_time').on(t.orgId, t.touchpointId, t.submittedAt),
  index('responses_org_unit').on(t.orgId, t.unitId),
  index('responses_org_survey').on(t.orgId, t.surveyId),
  // No foreign keys on the ingestion tables. The ingestion statement (src/responses/service.ts)
  // checks survey, touchpoint, unit, employee, contact and invitation itself, because
  //  - every concurrent insert took a KEY SHARE lock on the same few parent rows, and that
  //    contention halved throughput under load (bench/ingest.ts --drop-fks), and
  //  - a foreign-key check keeps the plan it was given when the parent table was nearly empty,
  //    so on a new database it scanned the whole parent table for every row thereafter.
  // Deleting a referenced parent is refused by the services (assertUnreferenced).
]);

/**
 * One typed row per answered question. Exactly one of number / choice / choices / text is set,
 * or dont_know is true. Scores are numbers so histograms and means come straight from SQL.
 */
export const answers = pgTable('answers', {
  orgId: uuid('org_id').notNull(),
  responseId: uuid('response_id').notNull(),
  questionId: uuid('question_id').notNull(),
  number: doublePrecision('number'),
  choice: text('choice'),
  choices: text('choices').array(),
  text: text('text'),
  dontKnow: boolean('dont_know').notNull().default(false),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.responseId, t.questionId] }),
  index('answers_org_question').on(t.orgId, t.questionId),
  // Answers are written only in the statement that writes their response (joined on its id),
  // and deleted with it by the services; question ids come from the validated survey
  // definition. See responses for why there are no foreign keys here.
  check('answers_one_value', sql`(
    (${t.number} is not null)::int + (${t.choice} is not null)::int + (${t.choices} is not null)::int
    + (${t.text} is not null)::int + ${t.dontKnow}::int) = 1`),
]);

/**
 * An anonymous respondent's consent to be contacted about their answer, with the address they
 * gave (issue 15.4). Written with the response, deleted with it (retention) or with its open
 * texts, and on erasure of a contact with the same address (src/privacy/erase.ts). No foreign key
 * to responses, for the reasons given there.
 */
export const responseContactRequests = pgTable('response_contact_requests', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  responseId: uuid('response_id').notNull(),
  email: text('email'),
  phone: text('phone'),
  consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.responseId] }),
  index('response_contact_requests_email').on(t.orgId, t.email),
  check('response_contact_requests_address', sql`${t.email} is not null or ${t.phone} is not null`),
]);

/**
 * Score-histogram rollups (issue 4): how many score answers, joined to their responses, gave
 * each score 0–10 or "don't know", per question × survey × unit × touchpoint × channel and
 * local day or month in the organisation's time zone. Triggers on answers and responses
 * (migrations 0012, 0017) append signed deltas in the changing statement's own transaction;
 * `kaiku_fold_score_histograms()` (migration 0017) folds them into the day and month tables,
 * and readers add the deltas not yet folded — so the rollup is exact at every moment.
 * src/metrics/rollups.ts reads it.
 */
const scoreHistogramGroup = {
  orgId: uuid('org_id').notNull(),
  id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  questionId: uuid('question_id').notNull(),
  unitId: uuid('unit_id'),
  touchpointId: uuid('touchpoint_id'),
  channel: channelEnum('channel'),
  surveyId: uuid('survey_id').notNull(),
};

/** One row per group holds its whole histogram (every score scale is within 0–10), so a read adds few rows. */
const histogramCounts = {
  ...scoreHistogramGroup,
  score0: integer('score_0').notNull().default(0),
  score1: integer('score_1').notNull().default(0),
  score2: integer('score_2').notNull().default(0),
  score3: integer('score_3').notNull().default(0),
  score4: integer('score_4').notNull().default(0),
  score5: integer('score_5').notNull().default(0),
  score6: integer('score_6').notNull().default(0),
  score7: integer('score_7').notNull().default(0),
  score8: integer('score_8').notNull().default(0),
  score9: integer('score_9').notNull().default(0),
  score10: integer('score_10').notNull().default(0),
  dontKnow: integer('dont_know').notNull().default(0),
};

/**
 * Signed changes not folded yet, one row per group and quarter-hour per writing statement:
 * append-only, so concurrent ingestion never waits on a hot rollup row.
 */
export const scoreHistogramDeltas = pgTable('score_histogram_deltas', {
  ...histogramCounts,
  /** submitted_at to the quarter-hour (UTC): the fold places it on the organisation's local day. */
  bucket: timestamp('bucket', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.orgId, t.id] })]);

export const scoreHistogramDays = pgTable('score_histogram_days', {
  ...histogramCounts,
  day: date('day').notNull(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('score_histogram_days_group').on(t.orgId, t.questionId, t.unitId, t.day, t.touchpointId, t.channel, t.surveyId).nullsNotDistinct(),
]);

export const scoreHistogramMonths = pgTable('score_histogram_months', {
  ...histogramCounts,
  month: date('month').notNull(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('score_histogram_months_group').on(t.orgId, t.questionId, t.unitId, t.month, t.touchpointId, t.channel, t.surveyId).nullsNotDistinct(),
]);

/**
 * "Contact X met touchpoint Y at time T, served by employee E in unit U": sent by a CRM, POS,
 * ticketing or billing system; pulse rules turn events into invitations. Like responses, an
 * ingestion table without foreign keys: src/events/service.ts checks touchpoint, contact,
 * employee and unit in the insert statement itself (see responses for why).
 */
export const touchpointEvents = pgTable('touchpoint_events', {
  orgId: uuid('org_id').notNull(),
  /** uuidv7: time-ordered, so inserts land at the right edge of the indexes. */
  id: uuid('id').notNull(),
  touchpointId: uuid('touchpoint_id').notNull(),
  contactId: uuid('contact_id').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  employeeId: uuid('employee_id'),
  unitId: uuid('unit_id'),
  attributes: jsonb('attributes').notNull().default({}),
  idempotencyKey: text('idempotency_key'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('touchpoint_events_org_idempotency').on(t.orgId, t.idempotencyKey),
  // Serves "events received after a watermark" for the rule engine, and the newest-first list.
  index('touchpoint_events_org_received').on(t.orgId, t.receivedAt, t.id),
  // A contact's history (quarantine, contact view).
  index('touchpoint_events_org_contact').on(t.orgId, t.contactId, t.occurredAt),
]);

// ---------------------------------------------------------------------------------------------
// Closing the loop (issue 6): alert rules turn responses into cases with an owner and an SLA.

/**
 * Transactional outbox of stored responses awaiting alert evaluation: written by the ingestion
 * statement itself, so no committed response can miss its rules, and drained by a job
 * (SKIP LOCKED), so a 50,000-row import is evaluated in batches, not all at once.
 */
export const responseOutbox = pgTable('response_outbox', {
  orgId: uuid('org_id').notNull(),
  responseId: uuid('response_id').notNull(),
  enqueuedAt: timestamp('enqueued_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.responseId] })]);

export const casePriorityEnum = pgEnum('case_priority', ['low', 'normal', 'high', 'urgent']);
export const caseStatusEnum = pgEnum('case_status', ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed']);
export const caseKindEnum = pgEnum('case_kind', ['problem', 'praise']);

export const alertRules = pgTable('alert_rules', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** problem → a case to resolve; praise → routed to the employee/unit and the praise wall. */
  kind: caseKindEnum('kind').notNull().default('problem'),
  /** A condition tree: { all: [...] } | { any: [...] } | a leaf on an answer, text or context. */
  condition: jsonb('condition').notNull(),
  /** { to: 'touchpoint_owner' } | { to: 'user', userId } | { to: 'round_robin', unitId } */
  route: jsonb('route').notNull(),
  priority: casePriorityEnum('priority').notNull().default('normal'),
  /** Business hours until the case is due. */
  slaHours: integer('sla_hours').notNull().default(24),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.id] })]);

export const rootCauseCodes = pgTable('root_cause_codes', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  /** { fi: '…', en: '…' } */
  labels: jsonb('labels').notNull(),
  active: boolean('active').notNull().default(true),
}, (t) => [primaryKey({ columns: [t.orgId, t.code] })]);

export const cases = pgTable('cases', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull(),
  kind: caseKindEnum('kind').notNull().default('problem'),
  title: text('title').notNull(),
  status: caseStatusEnum('status').notNull().default('new'),
  priority: casePriorityEnum('priority').notNull().default('normal'),
  ruleId: uuid('rule_id'),
  /** Responses keep no foreign keys (see responses); cases refer to them by id. */
  responseId: uuid('response_id'),
  contactId: uuid('contact_id'),
  touchpointId: uuid('touchpoint_id'),
  unitId: uuid('unit_id'),
  employeeId: uuid('employee_id'),
  ownerUserId: uuid('owner_user_id'),
  ownerUnitId: uuid('owner_unit_id'),
  dueAt: timestamp('due_at', { withTimezone: true }),
  firstActionAt: timestamp('first_action_at', { withTimezone: true }),
  escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  reopenCount: integer('reopen_count').notNull().default(0),
  rootCauseCode: text('root_cause_code'),
  /** How the customer came out of it, recorded when the case is closed (src/loop/closure.ts recoveryOutcomes). */
  recoveryOutcome: text('recovery_outcome'),
  resolution: text('resolution'),
  /** The re-survey invitation sent to the contact after resolution (an `invitations` row). */
  resurveyInvitationId: uuid('resurvey_invitation_id'),
  /** The contact's first answer with a 0–10 score after the case's response: the re-survey or their next one. */
  followUpResponseId: uuid('follow_up_response_id'),
  followUpScore: smallint('follow_up_score'),
  /** "Is it solved?" from the re-survey; null when the follow-up answer was another survey. */
  followUpSolved: boolean('follow_up_solved'),
  /** For cases on a detractor answer: is the follow-up answer no longer a detractor (≥ 7)? */
  recovered: boolean('recovered'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  // Follow-up answers are matched to open recovery by contact.
  index('cases_org_contact').on(t.orgId, t.contactId),
  // A rule opens at most one case per response, however often the response is re-evaluated.
  unique('cases_org_rule_response').on(t.orgId, t.ruleId, t.responseId),
  index('cases_org_status_due').on(t.orgId, t.status, t.dueAt),
  index('cases_org_owner').on(t.orgId, t.ownerUserId, t.status),
  index('cases_org_unit').on(t.orgId, t.ownerUnitId, t.status),
  foreignKey({ columns: [t.orgId, t.ownerUserId], foreignColumns: [users.orgId, users.id] }),
  foreignKey({ columns: [t.orgId, t.ownerUnitId], foreignColumns: [units.orgId, units.id] }),
  foreignKey({ columns: [t.orgId, t.rootCauseCode], foreignColumns: [rootCauseCodes.orgId, rootCauseCodes.code] }),
  check('cases_recovery_outcome', sql`${t.recoveryOutcome} in ('recovered', 'partly', 'not_recovered', 'unreachable')`),
]);

/** Append-only history of a case: creation, assignment, status changes, notes, e-mails, escalation. */
export const caseActivity = pgTable('case_activity', {
  orgId: uuid('org_id').notNull(),
  caseId: uuid('case_id').notNull(),
  id: uuid('id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorUserId: uuid('actor_user_id'),
  kind: text('kind').notNull(),
  data: jsonb('data').notNull().default({}),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.caseId, t.id] }),
  foreignKey({ columns: [t.orgId, t.caseId], foreignColumns: [cases.orgId, cases.id] }).onDelete('cascade'),
]);

/** In-app and e-mail notifications; `digest` ones are gathered into one e-mail a day. */
export const notifications = pgTable('notifications', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull(),
  userId: uuid('user_id').notNull(),
  caseId: uuid('case_id'),
  kind: text('kind').notNull(),
  data: jsonb('data').notNull().default({}),
  /** When the SMTP server accepted the e-mail that carried it (null: not e-mailed yet). */
  emailSentAt: timestamp('email_sent_at', { withTimezone: true }),
  /**
   * A sender holds it until then: set when claimed for an e-mail, cleared when the e-mail is sent
   * or fails. A process that dies mid-send leaves it to expire, and the minute sweep sends it again.
   */
  emailLeaseUntil: timestamp('email_lease_until', { withTimezone: true }),
  /** The Message-ID of the e-mail it goes in, kept from the first attempt so a resend repeats it. */
  emailMessageId: text('email_message_id'),
  readAt: timestamp('read_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  index('notifications_org_user').on(t.orgId, t.userId, t.createdAt),
  // The minute sweep and the digest look only at what is not e-mailed yet.
  index('notifications_email_unsent').on(t.orgId, t.userId).where(sql`email_sent_at is null`),
  // The bell on every signed-in page counts a person's unread ones.
  index('notifications_unread').on(t.orgId, t.userId).where(sql`read_at is null`),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
]);

export const webhooks = pgTable('webhooks', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  url: text('url').notNull(),
  /** HMAC-SHA256 key; shown once at creation. */
  secret: text('secret').notNull(),
  events: text('events').array().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.orgId, t.id] })]);

export const webhookDeliveries = pgTable('webhook_deliveries', {
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull(),
  webhookId: uuid('webhook_id').notNull(),
  event: text('event').notNull(),
  payload: jsonb('payload').notNull(),
  attempts: integer('attempts').notNull().default(0),
  status: text('status').notNull().default('pending'),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  /** One entry per attempt, oldest first: { at, statusCode, error, durationMs }, for the delivery log. */
  attemptLog: jsonb('attempt_log').notNull().default([]),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  index('webhook_deliveries_org_hook').on(t.orgId, t.webhookId, t.createdAt),
  foreignKey({ columns: [t.orgId, t.webhookId], foreignColumns: [webhooks.orgId, webhooks.id] }).onDelete('cascade'),
]);

export const actionPlanStatusEnum = pgEnum('action_plan_status', ['planned', 'in_progress', 'done', 'cancelled']);

/** An improvement tied to a driver, touchpoint or topic; its effect is the metric before vs after `startsOn`. */
export const actionPlans = pgTable('action_plans', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  title: text('title').notNull(),
  description: text('description'),
  ownerUserId: uuid('owner_user_id'),
  status: actionPlanStatusEnum('status').notNull().default('planned'),
  metric: text('metric').notNull().default('nps'),
  touchpointId: uuid('touchpoint_id'),
  questionId: uuid('question_id'),
  topic: text('topic'),
  startsOn: timestamp('starts_on', { withTimezone: true }).notNull(),
  dueOn: timestamp('due_on', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.ownerUserId], foreignColumns: [users.orgId, users.id] }),
  foreignKey({ columns: [t.orgId, t.touchpointId], foreignColumns: [touchpoints.orgId, touchpoints.id] }),
]);

/** Board reports e-mailed monthly to a list (src/reports/). */
export const boardReportSchedules = pgTable('board_report_schedules', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  recipients: text('recipients').array().notNull(),
  language: text('language').notNull().default('fi'),
  /** Sent on this day of the month (1–28) at `hour` o'clock in the organisation's time zone, about the previous month. */
  dayOfMonth: smallint('day_of_month').notNull().default(1),
  hour: smallint('hour').notNull().default(7),
  enabled: boolean('enabled').notNull().default(true),
  /** 'YYYY-MM' of the last month reported, so a schedule sends each month once. */
  lastSentPeriod: text('last_sent_period'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  check('board_report_day', sql`${t.dayOfMonth} between 1 and 28`),
  check('board_report_hour', sql`${t.hour} between 0 and 23`),
]);

// ---------------------------------------------------------------------------------------------
// Distribution (issue 3): pulse rules turn touchpoint events into invitations; strategic waves
// invite one cohort a quarter. Invitations (above) carry the outcome of each: sent, skipped (why).

/** "After an event at this touchpoint, invite the contact to this survey": delay, channels, sampling, quiet hours, expiry. */
export const pulseRules = pgTable('pulse_rules', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  name: text('name').notNull(),
  touchpointId: uuid('touchpoint_id').notNull(),
  surveyId: uuid('survey_id').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  delayMinutes: integer('delay_minutes').notNull().default(0),
  /** Tried in order; the first the contact has an address and consent for is used ('email', 'sms', 'web'). */
  channels: text('channels').array().notNull(),
  /** Share of events that get an invitation (decided by a hash of event and rule, so a retry decides the same). */
  samplingRate: doublePrecision('sampling_rate').notNull().default(1),
  /** 'HH:MM' in the contact's time zone (else the organisation's): nothing is sent from quietStart to quietEnd. */
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  /** The pulse is about this event for this long: not sent later, and its link stops working then. */
  expiryHours: integer('expiry_hours').notNull().default(168),
  /** One reminder this many days after sending, to non-responders; null = none. */
  reminderDays: integer('reminder_days'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  index('pulse_rules_org_touchpoint').on(t.orgId, t.touchpointId),
  foreignKey({ columns: [t.orgId, t.touchpointId], foreignColumns: [touchpoints.orgId, touchpoints.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete('cascade'),
  check('pulse_rules_sampling', sql`${t.samplingRate} > 0 and ${t.samplingRate} <= 1`),
]);

/**
 * Events awaiting the pulse scheduler: written by the event ingestion statement itself (only
 * for touchpoints with an enabled rule), drained by a job with SKIP LOCKED, so no committed
 * event misses its rules and N processes share the work.
 */
export const pulseOutbox = pgTable('pulse_outbox', {
  orgId: uuid('org_id').notNull(),
  eventId: uuid('event_id').notNull(),
  enqueuedAt: timestamp('enqueued_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId, t.eventId] })]);

/** A strategic-survey wave: one cohort (0–3) of the contact base invited in one quarter. */
export const surveyWaves = pgTable('survey_waves', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  surveyId: uuid('survey_id').notNull(),
  /** '2026-Q3'; the cohort is the quarter's number − 1. Both null: every contact (sent from the survey's Send page). */
  quarter: text('quarter'),
  cohort: smallint('cohort'),
  /** Only the contacts of this segment (matched in any letter case); null: no segment limit. */
  segment: text('segment'),
  channels: text('channels').array().notNull(),
  sendAt: timestamp('send_at', { withTimezone: true }).notNull(),
  expiryDays: integer('expiry_days').notNull().default(30),
  reminderDays: integer('reminder_days'),
  /** null until the scheduler created its invitations. */
  launchedAt: timestamp('launched_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('survey_waves_org_survey_quarter').on(t.orgId, t.surveyId, t.quarter),
  foreignKey({ columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete('cascade'),
  check('survey_waves_cohort_range', sql`${t.cohort} between 0 and 3`),
  check('survey_waves_quarter_cohort', sql`(${t.quarter} is null) = (${t.cohort} is null)`),
  index('survey_waves_due').on(t.sendAt).where(sql`launched_at is null`),
]);

// ---------------------------------------------------------------------------------------------
// Text analytics (issue 5): persisted analyses, organisation taxonomies, imported feedback texts.

/**
 * Per organisation: the taxonomy version (bumped by every topic, rule or label change, which
 * re-analyses the texts), the topic model learned from its labelled examples (learn.ts JSON),
 * and how far the analysis job has scanned new answers (response ids are uuidv7, so in order).
 */
export const textAnalysisState = pgTable('text_analysis_state', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  taxonomyVersion: integer('taxonomy_version').notNull().default(1),
  model: jsonb('model'),
  modelExamples: integer('model_examples').notNull().default(0),
  scannedThrough: uuid('scanned_through').notNull().default(sql`'00000000-0000-0000-0000-000000000000'`),
  reanalysisStartedAt: timestamp('reanalysis_started_at', { withTimezone: true }),
  reanalysisFinishedAt: timestamp('reanalysis_finished_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.orgId] })]);

/** An organisation's own topic, or extra keywords for a default one (same id). Keywords: { fi: [...], any: [...] }. */
export const textTopics = pgTable('text_topics', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: text('id').notNull(),
  label: text('label'),
  keywords: jsonb('keywords').notNull().default({}),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  check('text_topics_id', sql`${t.id} ~ '^[a-z][a-z0-9_]{0,62}$'`),
]);

/** A text labelled with its topics by an analyst; the learned topic model is trained from these. */
export const textTopicExamples = pgTable('text_topic_examples', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  text: text('text').notNull(),
  language: text('language'),
  topics: text('topics').array().notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.orgId, t.id] })]);

/**
 * The analysis of one open answer, written by the text-analysis job. Deleted with its answer.
 * taxonomy_version below the organisation's marks it for re-analysis.
 */
export const textInsights = pgTable('text_insights', {
  orgId: uuid('org_id').notNull(),
  responseId: uuid('response_id').notNull(),
  questionId: uuid('question_id').notNull(),
  language: text('language').notNull(),
  sentiment: text('sentiment').notNull(),
  score: doublePrecision('score').notNull(),
  topics: text('topics').array().notNull(),
  truncated: boolean('truncated').notNull().default(false),
  warning: text('warning'),
  /** 0–1, the analyser's probability of `sentiment`; null for analyses stored before confidences (shown as certain). */
  sentimentConfidence: doublePrecision('sentiment_confidence'),
  /** The sentiment or a topic is close to its decision boundary: shown as uncertain. Null before confidences. */
  lowConfidence: boolean('low_confidence'),
  taxonomyVersion: integer('taxonomy_version').notNull(),
  analyserVersion: text('analyser_version').notNull(),
  analysedAt: timestamp('analysed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.responseId, t.questionId] }),
  foreignKey({ columns: [t.orgId, t.responseId, t.questionId], foreignColumns: [answers.orgId, answers.responseId, answers.questionId] }).onDelete('cascade'),
  check('text_insights_sentiment', sql`${t.sentiment} in ('positive', 'neutral', 'negative')`),
  check('text_insights_sentiment_confidence', sql`${t.sentimentConfidence} is null or ${t.sentimentConfidence} between 0 and 1`),
]);

/**
 * Feedback that did not come from a survey: complaints, chat transcripts, e-mails, social posts,
 * reviews. Idempotent by external id; analysed by the same job as open answers (the analysis
 * columns stay null until then).
 */
export const feedbackTexts = pgTable('feedback_texts', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  /** uuidv7 of the time it was received. */
  id: uuid('id').notNull(),
  source: text('source').notNull(),
  externalId: text('external_id'),
  text: text('text').notNull(),
  /** Language given by the sender (fi, sv, en, pl), a hint for the analysis. */
  languageHint: text('language_hint'),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  contactId: uuid('contact_id'),
  unitId: uuid('unit_id'),
  touchpointId: uuid('touchpoint_id'),
  // No foreign key to contacts: erasing a contact must not be blocked by its complaints; the
  // import checks the contact exists (src/text/feedback.ts).
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  language: text('language'),
  sentiment: text('sentiment'),
  score: doublePrecision('score'),
  topics: text('topics').array(),
  truncated: boolean('truncated'),
  warning: text('warning'),
  /** As in text_insights. */
  sentimentConfidence: doublePrecision('sentiment_confidence'),
  lowConfidence: boolean('low_confidence'),
  taxonomyVersion: integer('taxonomy_version'),
  analyserVersion: text('analyser_version'),
  analysedAt: timestamp('analysed_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('feedback_texts_org_external').on(t.orgId, t.externalId),
  index('feedback_texts_org_time').on(t.orgId, t.occurredAt),
  index('feedback_texts_unanalysed').on(t.orgId, t.id).where(sql`${t.analysedAt} is null`),
  foreignKey({ columns: [t.orgId, t.unitId], foreignColumns: [units.orgId, units.id] }),
  foreignKey({ columns: [t.orgId, t.touchpointId], foreignColumns: [touchpoints.orgId, touchpoints.id] }),
  check('feedback_texts_source', sql`${t.source} in ('complaint', 'chat', 'email', 'social', 'review', 'other')`),
  check('feedback_texts_sentiment', sql`${t.sentiment} is null or ${t.sentiment} in ('positive', 'neutral', 'negative')`),
  check('feedback_texts_sentiment_confidence', sql`${t.sentimentConfidence} is null or ${t.sentimentConfidence} between 0 and 1`),
]);

export const churnModelStatusEnum = pgEnum('churn_model_status', ['queued', 'running', 'done', 'failed']);

/**
 * A churn-risk training run and, once done, the model it produced (src/churn/service.ts): the
 * options asked for, progress while the job runs, the fitted model and its holdout quality
 * (AUC, lift by decile, calibration). The latest `done` run is the organisation's model.
 */
export const churnModels = pgTable('churn_models', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  status: churnModelStatusEnum('status').notNull().default('queued'),
  /** 0–100 while running; `stage` names the step (features, training, scoring). */
  progress: smallint('progress').notNull().default(0),
  stage: text('stage'),
  /** { target, features, l2, holdoutFraction, seed } */
  options: jsonb('options').notNull(),
  /** 'api' or 'schedule'. */
  trigger: text('trigger').notNull().default('api'),
  requestedBy: uuid('requested_by'),
  model: jsonb('model'),
  /** Holdout report, warnings and feature summary. */
  quality: jsonb('quality'),
  auc: doublePrecision('auc'),
  trainedOn: integer('trained_on'),
  scored: integer('scored'),
  error: text('error'),
  createdAt: createdAt(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  index('churn_models_org_created').on(t.orgId, t.createdAt),
  // One run at a time per organisation, kept by the database: an API request and the scheduled
  // retrain (or two processes) racing past the "nothing queued or running" check cannot both insert.
  uniqueIndex('churn_models_one_active').on(t.orgId).where(sql`status in ('queued', 'running')`),
]);

/**
 * Churn risk of every contact not yet churned, per model; the at-risk list reads it by risk.
 * No foreign keys, like responses and answers: a training run writes a score for up to every
 * contact at once, and the two per-row key checks took about 60 % of storing 590,000 scores
 * (bench/churn-db.ts). Integrity is kept by the code instead: a run writes only the ids it has
 * just read from contacts, the run's own model id, and deletes the scores of other models when
 * it finishes (src/churn/service.ts); deleting a contact deletes its scores
 * (src/contacts/service.ts); the at-risk list joins contacts, so a score never outlives its
 * contact in what anyone sees.
 */
export const churnScores = pgTable('churn_scores', {
  orgId: uuid('org_id').notNull(),
  modelId: uuid('model_id').notNull(),
  contactId: uuid('contact_id').notNull(),
  risk: doublePrecision('risk').notNull(),
  /** Top reasons at scoring time: [{ feature, value, contribution }], largest first. */
  reasons: jsonb('reasons').notNull().default([]),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.modelId, t.contactId] }),
  index('churn_scores_org_model_risk').on(t.orgId, t.modelId, t.risk.desc(), t.contactId),
]);

/**
 * Industry comparison figures imported by the organisation (`kaiku import benchmarks`):
 * one row per industry × metric × period with n, mean and the given percentiles
 * ([[10, -12], [25, 5], …] as [percentile, value] pairs, increasing).
 */
export const benchmarks = pgTable('benchmarks', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  industry: text('industry').notNull(),
  metric: text('metric').notNull(),
  period: text('period').notNull(),
  n: integer('n'),
  mean: doublePrecision('mean'),
  percentiles: jsonb('percentiles').notNull(),
  source: text('source'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.industry, t.metric, t.period] }),
]);

// ---------------------------------------------------------------------------------------------
// Collection channels (issue 3): the web widget's site keys and kiosk links (src/collection/).

export const collectorKindEnum = pgEnum('collector_kind', ['widget', 'kiosk']);

/** A public entry point for answers: a widget site key or a kiosk link, for one survey and touchpoint. */
export const collectors = pgTable('collectors', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().defaultRandom(),
  kind: collectorKindEnum('kind').notNull(),
  name: text('name').notNull(),
  /** In the snippet or kiosk URL; 128-bit random, not a secret: it only lets its holder answer this survey. */
  publicKey: text('public_key').notNull(),
  surveyId: uuid('survey_id').notNull(),
  touchpointId: uuid('touchpoint_id'),
  unitId: uuid('unit_id'),
  /** Web origins (scheme://host[:port]) allowed to send answers; a kiosk's own origin is always allowed. */
  allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
  /** Widget triggers: [{ type: 'pageview', urlPattern } | { type: 'click', selector } | { type: 'exit_intent' } | { type: 'event', name }]. */
  triggers: jsonb('triggers').notNull().default([]),
  /** A widget visitor is asked at most once in this many days. */
  frequencyDays: integer('frequency_days').notNull().default(30),
  /** A kiosk returns to its first question this many seconds after thanking. */
  resetSeconds: integer('reset_seconds').notNull().default(8),
  /** A kiosk gives up on a customer who stopped touching it mid-survey after this many seconds (their answers kept) and starts over. */
  idleSeconds: integer('idle_seconds').notNull().default(45),
  /** Kiosks: the survey language the device link starts in and returns to after each answer; null = the tablet's browser language. */
  language: text('language'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: createdAt(),
  /**
   * Widgets: the key of the signatures with which the customer's site identifies its signed-in
   * visitors (HMAC-SHA256 of the contact's external id), so the widget can show their waiting web
   * invitations; null = not enabled (set by creating the widget or rotating it).
   */
  identitySecret: text('identity_secret'),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  unique('collectors_org_public_key').on(t.orgId, t.publicKey),
  // The public endpoints know only the key.
  index('collectors_public_key').on(t.publicKey),
  foreignKey({ columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.orgId, t.touchpointId], foreignColumns: [touchpoints.orgId, touchpoints.id] }),
  foreignKey({ columns: [t.orgId, t.unitId], foreignColumns: [units.orgId, units.id] }),
  check('collectors_frequency_days', sql`${t.frequencyDays} between 0 and 3650`),
  check('collectors_reset_seconds', sql`${t.resetSeconds} between 2 and 300`),
  check('collectors_idle_seconds', sql`${t.idleSeconds} between 15 and 600`),
]);

/** When a widget last showed its survey to an anonymous visitor (a random id kept in their browser). */
export const widgetVisitors = pgTable('widget_visitors', {
  orgId: uuid('org_id').notNull(),
  collectorId: uuid('collector_id').notNull(),
  visitorId: text('visitor_id').notNull(),
  shownAt: timestamp('shown_at', { withTimezone: true }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.collectorId, t.visitorId] }),
  foreignKey({ columns: [t.orgId, t.collectorId], foreignColumns: [collectors.orgId, collectors.id] }).onDelete('cascade'),
]);

// ---------------------------------------------------------------------------------------------
// Privacy (issue 9): how long an organisation keeps personal data (src/privacy/).

/**
 * Per organisation, how many months personal data is kept; null = kept until deleted. A daily
 * job (src/privacy/retention.ts) deletes open texts (answer texts and imported feedback texts)
 * and whole responses older than that, and erases contacts without activity for that long.
 * The last run's figures are kept here for the settings API.
 */
export const retentionPolicies = pgTable('retention_policies', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  openTextMonths: integer('open_text_months'),
  responseMonths: integer('response_months'),
  inactiveContactMonths: integer('inactive_contact_months'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  /** { openTexts, feedbackTexts, responses, contacts } deleted or erased by the last run. */
  lastRun: jsonb('last_run'),
}, (t) => [
  primaryKey({ columns: [t.orgId] }),
  check('retention_open_text_months', sql`${t.openTextMonths} between 1 and 1200`),
  check('retention_response_months', sql`${t.responseMonths} between 1 and 1200`),
  check('retention_inactive_contact_months', sql`${t.inactiveContactMonths} between 1 and 1200`),
]);

// ---------------------------------------------------------------------------------------------
// Contact imports from the import page (issue 15; src/contacts/import-jobs.ts).

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A contacts file uploaded on /app/contacts/import, kept here (not in one process's memory) so
 * that the mapping, the preview and the import job may each run in any app process. The file's
 * content is dropped once the import has finished; the counts and rejected rows stay for the
 * result page.
 */
export const contactImports = pgTable('contact_imports', {
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull(),
  createdBy: uuid('created_by'),
  fileName: text('file_name').notNull(),
  fileKind: text('file_kind').notNull(),
  content: bytea('content'),
  /** The header row. */
  columns: jsonb('columns').notNull(),
  /** Each column's use (src/contacts/import.ts ColumnTarget), once chosen. */
  mapping: jsonb('mapping'),
  totalRows: integer('total_rows').notNull(),
  status: text('status').notNull().default('uploaded'),
  rowsDone: integer('rows_done').notNull().default(0),
  created: integer('created').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  /** [{ row, field, reason }] of the finished import. */
  rejected: jsonb('rejected'),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  check('contact_imports_kind', sql`${t.fileKind} in ('csv', 'xlsx')`),
  check('contact_imports_status', sql`${t.status} in ('uploaded', 'queued', 'running', 'done', 'failed')`),
]);

/**
 * The organisation's theme on the pages respondents see (survey pages, widget, kiosk): a brand
 * colour that meets WCAG AA with white text and on the pages' backgrounds (src/orgs/theme.ts
 * checks it) and a logo of at most 200 kB, PNG, JPEG or SVG (only ever shown through <img> and
 * served with a policy under which no script runs). A missing row, or nulls, mean Kaiku's own look.
 */
export const orgThemes = pgTable('org_themes', {
  orgId: uuid('org_id').notNull().primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  brandColor: text('brand_color'),
  logo: bytea('logo'),
  logoType: text('logo_type'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('org_themes_color', sql`${t.brandColor} ~ '^#[0-9a-f]{6}$'`),
  check('org_themes_logo_type', sql`${t.logoType} in ('image/png', 'image/jpeg', 'image/svg+xml')`),
  check('org_themes_logo_pair', sql`(${t.logo} is null) = (${t.logoType} is null)`),
  check('org_themes_logo_size', sql`octet_length(${t.logo}) <= 204800`),
]);
