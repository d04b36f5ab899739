/**
 * Sending a published survey to people, from the share hub or the survey list:
 *
 *  - GET  /app/setup/surveys/:id/send        the form: who (every contact who may be contacted, one segment of
 *                                             them, or one quarter's cohort), how (e-mail, text message, or
 *                                             e-mail and a text message to those who cannot be e-mailed: text
 *                                             messages only with an SMS gateway configured), when (now or a
 *                                             date-time in the organisation's time zone), an optional reminder;
 *  - POST /app/setup/surveys/:id/send        intent=check: the form again with the counts in words (per channel,
 *                                             per language, left out and why); intent=send: a wave (waves.ts),
 *                                             then on to the sends;
 *  - GET  /app/setup/surveys/:id/sends       the survey's waves with status and counts;
 *  - GET  /app/setup/surveys/:id/sends/:wave one wave's funnel (funnel.ts).
 *
 * The counts come from the wave engine's own decisions (previewWave), so the check says what sending will do.
 */
import type { FastifyInstance } from 'fastify';
import { contactFacets } from '../contacts/service.ts';
import { funnel } from '../distribution/funnel.ts';
import { DISPATCH_JOB } from '../distribution/jobs.ts';
import { parseQuarter, type PulseChannel } from '../distribution/policy.ts';
import { createSmsProvider } from '../distribution/sms.ts';
import { createWave, getWave, listWaves, previewWave, type Wave, type WaveInput } from '../distribution/waves.ts';
import { formatNumber } from '../i18n/index.ts';
import { sendText, type FunnelStep, type SendAudience, type SendChannel, type SendStrings } from '../i18n/send.ts';
import { instantOf, localTime } from '../i18n/calendar.ts';
import { getSurvey } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { canonicalSegment } from './filter-form.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { dateTime, errorSummary, hiddenFields, inputField, intField, notice, one, page, selectField, uuidParam, type Errors, type OpenPage } from './page-kit.ts';

const LIST = '/app/setup/surveys';
const sendPath = (id: string) => `${LIST}/${id}/send`;
const sendsPath = (id: string) => `${LIST}/${id}/sends`;
/** Invitation links work this long; a reminder must come before. */
const EXPIRY_DAYS = 30;

interface SendForm { audience: SendAudience; segment?: string; quarter?: string; channel: SendChannel; when: 'now' | 'later'; sendAt?: string; reminderDays?: string }

/** What the form offers: the contacts' segments, whether text messages can go out, the quarters this survey was already sent to. */
interface SendOptions { segments: string[]; smsAvailable: boolean; takenQuarters: Set<string> }

const audiences: SendAudience[] = ['all', 'segment', 'cohort'];
const sendChannels: Record<SendChannel, PulseChannel[]> = { email: ['email'], sms: ['sms'], both: ['email', 'sms'] };

/** A wave's channels as the form's choice (a wave made through the API may list them in another order). */
export const channelChoice = (channels: readonly PulseChannel[]): SendChannel =>
  channels.includes('sms') ? (channels.includes('email') ? 'both' : 'sms') : 'email';

/** The quarter `at` falls in, in `timeZone`, and the three after it ('2026-Q4', '2027-Q1', …). */
export function comingQuarters(at: Date, timeZone: string, count = 4): string[] {
  const { year, month } = localTime(at, timeZone);
  const quarter = Math.floor((month - 1) / 3);
  return Array.from({ length: count }, (_, i) => `${year + Math.floor((quarter + i) / 4)}-Q${((quarter + i) % 4) + 1}`);
}

/** 'YYYY-MM-DDTHH:MM' (a datetime-local field, seconds allowed) read as wall-clock time in `timeZone`. */
export function localDateTime(value: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return undefined;
  return new Date(instantOf(year, month, day, hour * 60 + minute, timeZone));
}

/** The form read and checked: the wave's input, or the errors by field. */
function readForm(body: unknown, s: SendStrings, p: OpenPage, options: SendOptions, now: Date): { form: SendForm; input?: WaveInput; errors: Errors } {
  const errors: Errors = new Map();
  const audience = audiences.find((a) => a === one(body, 'audience')) ?? 'all';
  const channel = (Object.keys(sendChannels) as SendChannel[]).find((c) => c === one(body, 'channel')) ?? 'email';
  const form: SendForm = {
    audience, channel, segment: one(body, 'segment')?.trim() || undefined, quarter: one(body, 'quarter')?.trim() || undefined,
    when: one(body, 'when') === 'later' ? 'later' : 'now', sendAt: one(body, 'sendAt'), reminderDays: one(body, 'reminderDays'),
  };
  if (audience === 'segment') {
    // As the contacts spell it, whatever the letter case asked; a segment no contact has would send to no one.
    const segment = form.segment ? canonicalSegment(options.segments, form.segment) : undefined;
    if (!segment) errors.set('segment', p.w.common.required);
    else if (!options.segments.includes(segment)) errors.set('segment', s.unknownSegment(segment));
    form.segment = segment;
  }
  if (audience === 'cohort') {
    if (!form.quarter) errors.set('quarter', p.w.common.required);
    else if (!parseQuarter(form.quarter)) errors.set('quarter', s.quarterHint);
    else if (options.takenQuarters.has(form.quarter)) errors.set('quarter', s.quarterTaken(form.quarter));
  }
  if (channel !== 'email' && !options.smsAvailable) errors.set('channel', s.smsUnavailable);
  let sendAt = now;
  if (form.when === 'later') {
    const at = form.sendAt ? localDateTime(form.sendAt, p.timeZone) : undefined;
    if (!form.sendAt) errors.set('sendAt', p.w.common.required);
    else if (!at) errors.set('sendAt', s.badDateTime);
    else if (at.getTime() <= now.getTime()) errors.set('sendAt', s.pastDateTime);
    else sendAt = at;
  }
  const reminderDays = intField(body, 'reminderDays', 1, EXPIRY_DAYS - 1, p.w, errors, null);
  if (errors.size > 0) return { form, errors };
  return {
    form, errors, input: {
      ...(audience === 'segment' ? { segment: form.segment } : {}), ...(audience === 'cohort' ? { quarter: form.quarter } : {}),
      sendAt: sendAt.toISOString(), channels: sendChannels[channel], expiryDays: EXPIRY_DAYS, reminderDays: reminderDays ?? null,
    },
  };
}

/** Radio buttons in a fieldset (its id takes the error summary's link); a disabled choice says why in the hint. */
function radioGroup(id: string, legend: string, choices: Array<{ value: string; label: string; disabled?: boolean }>, checked: string, errors: Errors,
  hint?: string, after?: SafeHtml): SafeHtml {
  const described = [hint ? `${id}-hint` : '', errors.has(id) ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset class="choices${errors.has(id) ? ' field-error' : ''}" id="${id}"${raw(described ? ` aria-describedby="${described}"` : '')}><legend>${legend}</legend>
${hint ? html`<p class="muted hint" id="${id}-hint">${hint}</p>` : ''}${errors.has(id) ? html`<p class="error-message" id="${id}-error">${errors.get(id)}</p>` : ''}
${choices.map((c) => html`<div class="choice"><input type="radio" id="${id}-${c.value}" name="${id}" value="${c.value}"${c.value === checked && !c.disabled ? raw(' checked') : ''}${c.disabled ? raw(' disabled') : ''}><label for="${id}-${c.value}">${c.label}</label></div>`)}
${after ?? ''}</fieldset>`;
}

function audienceField(s: SendStrings, form: SendForm, errors: Errors, options: SendOptions, quarters: string[]): SafeHtml {
  const segments = options.segments.length > 0
    ? selectField('segment', s.segment, options.segments.map((g) => [g, g]), form.segment, errors)
    : html`<div class="field${errors.has('segment') ? ' field-error' : ''}" id="segment"><p class="muted hint">${s.noSegments}</p>${errors.has('segment') ? html`<p class="error-message" id="segment-error">${errors.get('segment')}</p>` : ''}</div>`;
  const offered = [...new Set([...quarters, ...(form.quarter && parseQuarter(form.quarter) ? [form.quarter] : [])])];
  const quarter = selectField('quarter', s.quarter, offered.map((q) => [q, options.takenQuarters.has(q) ? s.quarterSent(q) : q]), form.quarter, errors, { hint: s.quarterHint });
  return radioGroup('audience', s.audience, [
    { value: 'all', label: s.audiences.all }, { value: 'segment', label: s.audiences.segment, disabled: options.segments.length === 0 }, { value: 'cohort', label: s.audiences.cohort },
  ], form.audience, errors, undefined, html`${segments}${quarter}`);
}

function channelField(s: SendStrings, form: SendForm, errors: Errors, smsAvailable: boolean): SafeHtml {
  return radioGroup('channel', s.channel, (['email', 'sms', 'both'] as const).map((c) => ({ value: c, label: s.channels[c], disabled: c !== 'email' && !smsAvailable })),
    form.channel, errors, smsAvailable ? undefined : s.smsUnavailable);
}

function whenField(s: SendStrings, form: SendForm, errors: Errors, timeZone: string): SafeHtml {
  const radio = (value: SendForm['when'], label: string) => html`<div class="choice"><input type="radio" id="when-${value}" name="when" value="${value}"${form.when === value ? raw(' checked') : ''}><label for="when-${value}">${label}</label></div>`;
  return html`<fieldset class="choices"><legend>${s.when}</legend>${radio('now', s.now)}${radio('later', s.later)}
${inputField('sendAt', s.sendAt, form.sendAt, errors, { type: 'datetime-local', hint: s.sendAtHint(timeZone) })}</fieldset>`;
}

function notPublished(s: SendStrings, survey: Survey): SafeHtml {
  return survey.status === 'draft'
    ? html`<p class="notice" role="status">${s.notActive.draft} <a href="${LIST}/${survey.id}/publish">${s.publish}</a></p>`
    : html`<p class="notice" role="status">${s.notActive.closed} <a href="${LIST}/${survey.id}">${survey.name}</a></p>`;
}

const crumbs = (p: OpenPage, survey: Survey) => html`<nav aria-label="${p.w.setup.title}"><p><a href="/app/setup">${p.w.setup.title}</a> › <a href="${LIST}">${survey.name}</a></p></nav>`;

const waveTime = (wave: Wave, p: OpenPage) => dateTime(wave.sendAt, p.language, p.timeZone);

/** Who a wave went to, in words: a segment, a quarter's cohort (both, when the API made one so), or everyone. */
const audienceWords = (s: SendStrings, wave: Wave) =>
  [wave.segment ? s.inSegment(wave.segment) : '', wave.quarter ? s.cohort(wave.quarter) : ''].filter(Boolean).join(', ') || s.everyone;

/** Invitation counts of a wave by what happened (the engine's map of status or skip reason → count). */
function waveCounts(wave: Wave) {
  const n = (key: string) => Number(wave.invitations[key] ?? 0);
  const all = Object.values(wave.invitations).reduce((a, v) => a + Number(v), 0);
  const leftOut = Object.entries(wave.invitations).filter(([k]) => !['scheduled', 'sending', 'delivered', 'bounced', 'failed', 'waiting', 'created'].includes(k))
    .reduce((a, [, v]) => a + Number(v), 0);
  return { invited: all - leftOut, leftOut, delivered: n('delivered') };
}

export async function sendPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();

  /** What the form offers this organisation and survey now. */
  const sendOptions = async (orgId: string, surveyId: string): Promise<SendOptions> => {
    const [{ segments }, waves] = await Promise.all([contactFacets(db, orgId), listWaves(db, orgId, surveyId)]);
    return { segments, smsAvailable: createSmsProvider(app.deps.config) !== undefined, takenQuarters: new Set(waves.flatMap((w) => (w.quarter ? [w.quarter] : []))) };
  };

  /** The form; `posted` makes a survey that cannot be sent a 400, like a field error. */
  const renderForm = async (p: OpenPage, survey: Survey, form: SendForm, errors: Errors, posted: boolean, options: SendOptions, preview?: SafeHtml) => {
    const s = sendText(p.language);
    const title = s.title(survey.name);
    if (survey.status !== 'active') return p.send('setup', title, html`${crumbs(p, survey)}<h1>${title}</h1>${notPublished(s, survey)}`, posted ? 400 : 200);
    const status = errors.size > 0 ? 400 : 200;
    return p.send('setup', title, html`${crumbs(p, survey)}<h1>${title}</h1><p>${s.intro}</p>
${errorSummary(p.w, errors)}
<form method="post" action="${sendPath(survey.id)}" novalidate>
<input type="hidden" name="intent" value="check">
${audienceField(s, form, errors, options, comingQuarters(now(), p.timeZone))}
${channelField(s, form, errors, options.smsAvailable)}
${whenField(s, form, errors, p.timeZone)}
${inputField('reminderDays', s.reminder, form.reminderDays, errors, { type: 'number', hint: s.reminderHint, attrs: `min="1" max="${EXPIRY_DAYS - 1}"` })}
<div class="form-actions"><button class="button${preview ? ' secondary' : ''}" type="submit">${s.check}</button> <a href="${sendsPath(survey.id)}">${s.sendsTitle(survey.name)}</a></div>
</form>
${preview ?? ''}`, status);
  };

  page<{ id: string }>(app, 'GET', `${LIST}/:id/send`, 'distribution:manage', async (request, _reply, p) => {
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    return renderForm(p, survey, { audience: 'all', channel: 'email', when: 'now' }, new Map(), false, await sendOptions(p.auth.orgId, survey.id));
  });

  page<{ id: string }>(app, 'POST', `${LIST}/:id/send`, 'distribution:manage', async (request, reply, p) => {
    const s = sendText(p.language);
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const at = now();
    const options = await sendOptions(p.auth.orgId, survey.id);
    const { form, input, errors } = readForm(request.body, s, p, options, at);
    if (survey.status !== 'active' || !input) return renderForm(p, survey, form, errors, true, options);
    if (one(request.body, 'intent') === 'send') {
      const wave = await createWave(db, p.auth.orgId, survey.id, input, at);
      if (new Date(wave.sendAt).getTime() <= at.getTime()) await app.deps.jobs?.send(DISPATCH_JOB, {});
      return reply.redirect(`${sendsPath(survey.id)}?sent=${wave.id}`, 303);
    }
    const counts = await previewWave(db, p.auth.orgId, survey.id, input, at);
    const preview = html`<section class="confirm" aria-labelledby="preview-heading"><h2 id="preview-heading">${s.previewHeading}</h2>
<p id="preview-result">${s.preview(counts, form.channel)}</p>
${counts.invited > 0 ? html`<p id="preview-channels">${s.byChannel(counts.byChannel)}</p>
<p id="preview-languages">${s.byLanguage(counts.byLanguage, counts.defaultLanguageFallbacks, survey.defaultLanguage)}</p>
<form method="post" action="${sendPath(survey.id)}">${hiddenFields({
    audience: form.audience, segment: form.audience === 'segment' ? form.segment : undefined, quarter: form.audience === 'cohort' ? form.quarter : undefined,
    channel: form.channel, when: form.when, sendAt: form.when === 'later' ? form.sendAt : undefined, reminderDays: form.reminderDays, intent: 'send' })}
<div class="form-actions"><button class="button" type="submit">${s.sendNow(counts.invited)}</button></div></form>` : html`<p>${s.nobody}</p>`}</section>`;
    return renderForm(p, survey, form, errors, true, options, preview);
  });

  page<{ id: string }>(app, 'GET', `${LIST}/:id/sends`, 'distribution:read', async (request, _reply, p) => {
    const s = sendText(p.language);
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const waves = (await listWaves(db, p.auth.orgId, survey.id)).reverse();
    const sent = waves.find((w) => w.id === one(request.query, 'sent'));
    const title = s.sendsTitle(survey.name);
    const num = (n: number) => formatNumber(n, p.language);
    const rows = waves.map((w) => {
      const c = waveCounts(w);
      return html`<tr><th scope="row"><time datetime="${new Date(w.sendAt).toISOString()}">${waveTime(w, p)}</time></th><td>${audienceWords(s, w)}</td><td>${s.channelWords[channelChoice(w.channels)]}</td>
<td>${w.launchedAt ? s.launched : s.scheduled}</td><td class="num">${num(c.invited)}</td><td class="num">${num(c.leftOut)}</td><td class="num">${num(c.delivered)}</td>
<td><a href="${sendsPath(survey.id)}/${w.id}">${s.showFunnel}<span class="visually-hidden"> ${waveTime(w, p)}</span></a></td></tr>`;
    });
    const done = sent ? notice(sent.launchedAt || new Date(sent.sendAt).getTime() <= now().getTime() ? s.started : s.scheduledFor(waveTime(sent, p))) : '';
    return p.send('setup', title, html`${crumbs(p, survey)}<h1>${title}</h1><p>${s.sendsIntro}</p>${done}
${waves.length === 0 ? html`<div class="empty"><p>${s.noSends}</p></div>` : html`<div class="table-scroll"><table><caption>${s.sendsCaption}</caption>
<thead><tr><th scope="col">${s.columns.when}</th><th scope="col">${s.columns.audience}</th><th scope="col">${s.columns.channel}</th><th scope="col">${s.columns.status}</th><th scope="col" class="num">${s.columns.invited}</th>
<th scope="col" class="num">${s.columns.leftOut}</th><th scope="col" class="num">${s.columns.delivered}</th><th scope="col">${s.columns.funnel}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`}
${survey.status === 'active' && p.can('distribution:manage') ? html`<p><a class="button" href="${sendPath(survey.id)}">${s.newSend}</a></p>` : ''}`);
  });

  page<{ id: string; wave: string }>(app, 'GET', `${LIST}/:id/sends/:wave`, 'distribution:read', async (request, _reply, p) => {
    const s = sendText(p.language);
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const wave = await getWave(db, p.auth.orgId, uuidParam(request.params.wave, 'Send'));
    if (wave.surveyId !== survey.id) uuidParam(undefined, 'Send');
    const { total } = await funnel(db, p.auth.orgId, { waveId: wave.id });
    const title = s.funnelTitle(survey.name, waveTime(wave, p));
    const counts: Record<FunnelStep, number> = {
      invited: total.eligible - total.skipped, leftOut: total.skipped, sent: total.sent, delivered: total.delivered, opened: total.opened,
      started: total.started, completed: total.completed, bounced: total.bounced, unsubscribed: total.skippedBy.unsubscribed ?? 0,
    };
    const steps: FunnelStep[] = ['invited', 'sent', 'delivered', 'opened', 'started', 'completed', 'bounced', 'leftOut', 'unsubscribed'];
    return p.send('setup', title, html`${crumbs(p, survey)}<h1>${title}</h1>
${wave.launchedAt ? html`<p id="funnel-summary"><strong>${s.answered(total.completed, total.sent)}</strong></p>` : notice(s.notLaunched(waveTime(wave, p)))}
<div class="table-scroll"><table id="funnel"><caption>${s.funnelCaption}</caption><thead><tr><th scope="col">${p.w.common.status}</th><th scope="col" class="num">${s.count}</th></tr></thead>
<tbody>${steps.map((step) => html`<tr data-step="${step}"><th scope="row">${s.steps[step]}</th><td class="num">${formatNumber(counts[step], p.language)}</td></tr>`)}</tbody></table></div>
<p><a href="${sendsPath(survey.id)}">${s.backToSends}</a></p>`);
  });
}
