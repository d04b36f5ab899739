/**
 * Public survey pages: `/s/:surveyId` (open link, optional `?tp=&unit=&employee=` context)
 * and `/r/:token` (personal invitation, one response per token). GET renders the form, POST
 * stores the answers (303 to the thank-you page) or re-renders the form with messages.
 *
 * Language: `?lang=` (the switcher), then the invitation's, then the contact's, then
 * Accept-Language, then the survey default. Pages are never cached (they carry a nonce and
 * personal links), never framed (see surveyCsp) and send no Referer (tokens are in URLs).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Queryable } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { chooseLanguage, fromAcceptLanguage, uiLanguages } from '../i18n/index.ts';
import { ingestResponses, type ResponseInput } from '../responses/service.ts';
import type { SubmittedAnswer } from '../responses/validate.ts';
import type { Survey } from '../surveys/schema.ts';
import { findSurveyOrg, getSurvey } from '../surveys/service.ts';
import { findInvitation, markOpened, type Invitation } from '../surveys/invitations.ts';
import { parseSurveyForm, prefillFromQuery, type FieldError } from './survey-form.ts';
import { renderMessage, renderSurveyForm, type LanguageLink, type MessageKind } from './survey-view.ts';
import { surveyCsp } from './survey.css.ts';
import { toProblem } from '../http/problem.ts';
import { checkSubmission, formTokenPattern, issueFormToken } from '../http/bot-guard.ts';
import { surveyPageTheme } from './theme-assets.ts';
import { checkContactForm, readContactForm, storeContactRequest, type ContactRequestForm } from '../surveys/contact-requests.ts';
import { UUID } from '../vocabulary.ts';

type Query = Record<string, unknown>;
type Body = Record<string, unknown>;

const NONCE = formTokenPattern;
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (value: unknown) => (typeof first(value) === 'string' ? (first(value) as string) : undefined);
/** The idempotency key of one rendered form: a double submit or retry of it stores once. */
const submissionKey = (surveyId: string, nonce: string) => `web:${surveyId}:${nonce}`;

/** Where the answers come from: an open link (context from the query) or an invitation. */
interface Answering {
  survey: Survey;
  orgId: string;
  invitation?: Invitation;
  /** The page's own path, without query. */
  path: string;
  /** Context kept on every link of an open-link page (tp, unit, employee). */
  context: Record<string, string>;
  touchpointId: string | null;
  unitId: string | null;
  employeeId: string | null;
}

type Resolved = { answering: Answering } | { kind: MessageKind; status: number; survey?: Survey; invitation?: Invitation };

class AlreadyAnswered extends Error {}

/** Context ids from an open link, kept only when they exist in the survey's organisation. */
async function openContext(db: Queryable, orgId: string, query: Query) {
  const ids = { tp: text(query.tp), unit: text(query.unit), employee: text(query.employee) };
  const valid = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v && UUID.test(v) ? v.toLowerCase() : null])) as Record<'tp' | 'unit' | 'employee', string | null>;
  if (!valid.tp && !valid.unit && !valid.employee) return { touchpointId: null, unitId: null, employeeId: null, context: {} };
  const [row] = await db.query<{ tp: string | null; unit: string | null; employee: string | null }>(
    `select (select id from touchpoints where org_id = $1 and id = $2::uuid) as tp,
            (select id from units where org_id = $1 and id = $3::uuid) as unit,
            (select id from employees where org_id = $1 and id = $4::uuid) as employee`, [orgId, valid.tp, valid.unit, valid.employee]);
  const context: Record<string, string> = {};
  if (row.tp) context.tp = row.tp;
  if (row.unit) context.unit = row.unit;
  if (row.employee) context.employee = row.employee;
  return { touchpointId: row.tp, unitId: row.unit, employeeId: row.employee, context };
}

async function resolveOpen(db: Database, surveyId: string, query: Query): Promise<Resolved> {
  if (!UUID.test(surveyId)) return { kind: 'notFound', status: 404 };
  const orgId = await findSurveyOrg(db, surveyId);
  if (!orgId) return { kind: 'notFound', status: 404 };
  const survey = await getSurvey(db, orgId, surveyId);
  // A draft is not published yet: to a respondent it does not exist.
  if (survey.status === 'draft') return { kind: 'notFound', status: 404 };
  if (survey.status === 'closed') return { kind: 'ended', status: 410, survey };
  const ctx = await openContext(db, orgId, query);
  return { answering: { survey, orgId, path: `/s/${survey.id}`, ...ctx } };
}

async function resolveToken(db: Database, token: string, now = Date.now()): Promise<Resolved> {
  const invitation = await findInvitation(db, token);
  if (!invitation) return { kind: 'notFound', status: 404 };
  const survey = await getSurvey(db, invitation.orgId, invitation.surveyId);
  if (survey.status === 'draft') return { kind: 'notFound', status: 404 };
  const answering: Answering = {
    survey, orgId: invitation.orgId, invitation, path: `/r/${invitation.token}`, context: {},
    touchpointId: invitation.touchpointId, unitId: invitation.unitId, employeeId: invitation.employeeId,
  };
  if (invitation.answeredAt) return { kind: 'already', status: 200, survey, invitation };
  if (survey.status === 'closed' || (invitation.expiresAt && new Date(invitation.expiresAt).getTime() <= now)) return { kind: 'ended', status: 410, survey, invitation };
  return { answering };
}

function pageLanguage(request: FastifyRequest, survey: Survey | undefined, invitation?: Invitation, submitted?: string): string {
  const query = request.query as Query;
  const accept = request.headers['accept-language'];
  if (!survey) return chooseLanguage([text(query.lang), fromAcceptLanguage(accept, uiLanguages)], uiLanguages, 'en');
  return chooseLanguage([submitted, text(query.lang), invitation?.language, invitation?.contactLanguage, fromAcceptLanguage(accept, survey.languages)],
    survey.languages, survey.defaultLanguage);
}

function href(path: string, params: Record<string, string>): string {
  const search = new URLSearchParams(params).toString();
  return search ? `${path}?${search}` : path;
}

function languageLinks(path: string, context: Record<string, string>, survey: Survey, current: string): LanguageLink[] {
  return survey.languages.map((language) => ({ language, href: href(path, { ...context, lang: language }), current: language === current }));
}

/** Only a respondent nobody knows is asked: an invitation's contact has their own consents. */
const asksContact = (answering: Answering) => answering.survey.askContactConsent && !answering.invitation;
const noContactForm: ContactRequestForm = { consent: false, email: '', phone: '' };

function sendPage(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

async function sendMessage(db: Queryable, request: FastifyRequest, reply: FastifyReply, kind: MessageKind, status: number, survey?: Survey, invitation?: Invitation) {
  const body = request.body && typeof request.body === 'object' ? request.body as Body : {};
  const language = pageLanguage(request, survey, invitation, text(body._lang));
  const path = request.url.split('?')[0];
  const links = survey ? languageLinks(path, {}, survey, language) : undefined;
  const theme = survey ? await surveyPageTheme(db, survey.orgId, survey.id) : undefined;
  return sendPage(reply, status, renderMessage(kind, language, survey, links, theme));
}

/** A validator error (field like `answers[2].value`) pointed back at its question on the page. */
function errorsFromValidator(error: KaikuError, answers: SubmittedAnswer[]): FieldError[] {
  const index = /^answers\[(\d+)\]/.exec(error.field ?? '')?.[1];
  const question = index === undefined ? null : answers[Number(index)]?.question ?? null;
  return [{ question, problem: { kind: 'invalid' } }];
}

/**
 * onSend hook of the pages respondents open from a personal link: the survey CSP, and never
 * cached (tokens are in the URLs). nosniff, no Referer and no framing come from
 * src/http/security-headers.ts, which runs first for every response.
 */
export async function respondentPageHeaders(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.header('content-security-policy', surveyCsp);
  reply.header('cache-control', 'no-store');
  return payload;
}

export async function surveyPageRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  // The form token (src/http/bot-guard.ts) is the page's nonce: signed, bound to the survey, timed.
  const newNonce = (surveyId: string) => issueFormToken(config.secret, surveyId);

  app.addHook('onSend', respondentPageHeaders);

  // Respondents get a page in their language, never a JSON problem document.
  app.setErrorHandler((error, request, reply) => {
    // The API's mapping of errors, database errors caused by input (e.g. a NUL character) included.
    const status = toProblem(error).status;
    if (status >= 500) request.log.error({ err: error }, 'survey page failed');
    return sendPage(reply, status, renderMessage(status === 404 ? 'notFound' : 'failed', pageLanguage(request, undefined)));
  });

  async function sameSubmissionStored(orgId: string, surveyId: string, nonce: string | undefined) {
    if (!orgId || !nonce || !NONCE.test(nonce)) return false;
    const rows = await db.query(`select 1 from responses where org_id = $1 and idempotency_key = $2`, [orgId, submissionKey(surveyId, nonce)]);
    return rows.length > 0;
  }

  async function showForm(request: FastifyRequest, reply: FastifyReply, resolved: Resolved) {
    if (!('answering' in resolved)) return sendMessage(db, request, reply, resolved.kind, resolved.status, resolved.survey, resolved.invitation);
    const { answering } = resolved;
    if (answering.invitation) await markOpened(db, answering.invitation);
    const language = pageLanguage(request, answering.survey, answering.invitation);
    const theme = await surveyPageTheme(db, answering.orgId, answering.survey.id);
    return sendPage(reply, 200, renderSurveyForm({
      theme,
      survey: answering.survey, language, nonce: newNonce(answering.survey.id), errors: [],
      values: prefillFromQuery(answering.survey, request.query as Query),
      ...(asksContact(answering) ? { contact: { form: noContactForm, problems: [] } } : {}),
      action: href(answering.path, { ...answering.context, lang: language }),
      languageLinks: languageLinks(answering.path, answering.context, answering.survey, language),
    }));
  }

  async function submit(request: FastifyRequest, reply: FastifyReply, resolved: Resolved) {
    const body: Body = request.body && typeof request.body === 'object' ? request.body as Body : {};
    if (!('answering' in resolved)) {
      if (resolved.kind === 'already' && resolved.survey && await sameSubmissionStored(resolved.invitation?.orgId ?? '', resolved.survey.id, text(body._nonce))) {
        // A retry of the form that answered this token (its reply got lost): thank, do not refuse.
        return reply.redirect(href(`/s/${resolved.survey.id}/thanks`, { lang: pageLanguage(request, resolved.survey, resolved.invitation, text(body._lang)) }), 303);
      }
      // A token answered before: a polite refusal, and 409 so a client can tell it apart.
      const status = resolved.kind === 'already' ? 409 : resolved.status;
      return sendMessage(db, request, reply, resolved.kind, status, resolved.survey, resolved.invitation);
    }
    const { answering } = resolved;
    const { survey, invitation } = answering;
    const language = pageLanguage(request, survey, invitation, text(body._lang));
    const nonce = text(body._nonce);
    // Honeypot filled, token forged or stale: refused, nothing stored.
    const verdict = checkSubmission({ secret: config.secret, minFillMs: config.formMinFillMs }, survey.id, body, nonce);
    // A person must never read "could not be saved": a form sent back too fast, or from a page
    // open for over a day (expired token), comes back with the answers kept and asks for one
    // more press (issue 15.9). Only a filled honeypot or a forged/missing token is refused.
    if (!nonce || (verdict !== 'ok' && verdict !== 'too_fast' && verdict !== 'expired')) return sendMessage(db, request, reply, 'failed', 400, survey, invitation);
    const parsed = parseSurveyForm(survey, body);
    const theme = await surveyPageTheme(db, answering.orgId, survey.id);
    const contactForm = asksContact(answering) ? readContactForm(body) : undefined;
    const contact = contactForm ? checkContactForm(contactForm) : undefined;
    const rerender = (errors: FieldError[], status: number) => sendPage(reply, status, renderSurveyForm({
      theme, survey, language, nonce: verdict === 'expired' ? newNonce(survey.id) : nonce, errors, values: parsed.values,
      ...(contactForm && contact ? { contact: { form: contactForm, problems: contact.problems } } : {}),
      action: href(answering.path, { ...answering.context, lang: language }),
      languageLinks: languageLinks(answering.path, answering.context, survey, language),
    }));
    // Too fast for a person (a pre-filled link clicked through at once can be): nothing is
    // stored, the form comes back with the answers kept and the same token, so sending it
    // again a moment later goes through.
    if (verdict === 'too_fast' || verdict === 'expired') return rerender([{ question: null, problem: { kind: 'retry' } }], 400);
    if (parsed.errors.length > 0 || (contact?.problems.length ?? 0) > 0) return rerender(parsed.errors, 400);

    const idempotencyKey = submissionKey(survey.id, nonce);
    const input: ResponseInput = {
      surveyId: survey.id, touchpointId: answering.touchpointId, unitId: answering.unitId, employeeId: answering.employeeId,
      contactId: invitation?.contactId ?? null, invitationId: invitation?.id ?? null, language, idempotencyKey, answers: parsed.answers,
    };
    const thanks = href(`/s/${survey.id}/thanks`, { lang: language });
    try {
      if (invitation) {
        await db.transaction(async (tx) => {
          // Claiming the invitation first locks it, so two submits in flight store one response.
          const claimed = await tx.query(`update invitations set answered_at = now() where org_id = $1 and id = $2 and answered_at is null returning id`,
            [invitation.orgId, invitation.id]);
          if (claimed.length === 0) throw new AlreadyAnswered();
          await ingestResponses(tx, answering.orgId, [input], 'web', () => '');
        });
      } else if (contact?.request) {
        const request = contact.request;
        // The consent is stored with the response or not at all.
        await db.transaction(async (tx) => {
          const [stored] = await ingestResponses(tx, answering.orgId, [input], 'web', () => '');
          if (stored.created) await storeContactRequest(tx, answering.orgId, stored.id, request, app.deps.now ? app.deps.now() : new Date());
        });
      } else {
        await ingestResponses(db, answering.orgId, [input], 'web', () => '');
      }
    } catch (error) {
      const duplicate = (error as { code?: string }).code === '23505';
      if (error instanceof AlreadyAnswered || duplicate) {
        // The same form sent twice (double click, retry): the first one was stored, so thank them.
        if (await sameSubmissionStored(answering.orgId, survey.id, nonce)) return reply.redirect(thanks, 303);
        return sendMessage(db, request, reply, 'already', 409, survey, invitation);
      }
      if (error instanceof KaikuError && error.status === 400) return rerender(errorsFromValidator(error, parsed.answers), 400);
      throw error;
    }
    return reply.redirect(thanks, 303);
  }

  const hide = { schema: { hide: true }, config: { rateLimit: 'public' as const } };
  app.get<{ Params: { surveyId: string } }>('/s/:surveyId', hide, async (request, reply) =>
    showForm(request, reply, await resolveOpen(db, request.params.surveyId, request.query as Query)));
  app.post<{ Params: { surveyId: string } }>('/s/:surveyId', hide, async (request, reply) =>
    submit(request, reply, await resolveOpen(db, request.params.surveyId, request.query as Query)));
  app.get<{ Params: { token: string } }>('/r/:token', hide, async (request, reply) =>
    showForm(request, reply, await resolveToken(db, request.params.token)));
  app.post<{ Params: { token: string } }>('/r/:token', hide, async (request, reply) =>
    submit(request, reply, await resolveToken(db, request.params.token)));

  app.get<{ Params: { surveyId: string } }>('/s/:surveyId/thanks', hide, async (request, reply) => {
    const { surveyId } = request.params;
    const orgId = UUID.test(surveyId) ? await findSurveyOrg(db, surveyId) : undefined;
    if (!orgId) return sendMessage(db, request, reply, 'notFound', 404);
    return sendMessage(db, request, reply, 'thanks', 200, await getSurvey(db, orgId, surveyId));
  });
}
