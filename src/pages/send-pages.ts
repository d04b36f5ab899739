/**
 * Sending a published survey by e-mail, from the share hub or the survey list:
 *
 *  - GET  /app/setup/surveys/:id/send        the form: who (every contact who may be e-mailed), when (now or a
 *                                             date-time in the organisation's time zone), an optional reminder;
 *  - POST /app/setup/surveys/:id/send        intent=check: the form again with the count in words; intent=send:
 *                                             a wave (waves.ts) without a quarter, then on to the sends;
 *  - GET  /app/setup/surveys/:id/sends       the survey's waves with status and counts;
 *  - GET  /app/setup/surveys/:id/sends/:wave one wave's funnel (funnel.ts).
 *
 * The counts come from the wave engine's own decisions (previewWave), so the check says what sending will do.
 */
import type { FastifyInstance } from 'fastify';
import { funnel } from '../distribution/funnel.ts';
import { DISPATCH_JOB } from '../distribution/jobs.ts';
import { createWave, getWave, listWaves, previewWave, type Wave, type WaveInput } from '../distribution/waves.ts';
import { formatNumber } from '../i18n/index.ts';
import { sendText, type FunnelStep, type SendStrings } from '../i18n/send.ts';
import { instantOf } from '../loop/sla.ts';
import { getSurvey } from '../surveys/service.ts';
import type { Survey } from '../surveys/schema.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { dateTime, errorSummary, hiddenFields, inputField, intField, notice, one, page, uuidParam, type Errors, type OpenPage } from './page-kit.ts';

const LIST = '/app/setup/surveys';
const sendPath = (id: string) => `${LIST}/${id}/send`;
const sendsPath = (id: string) => `${LIST}/${id}/sends`;
/** Invitation links work this long; a reminder must come before. */
const EXPIRY_DAYS = 30;

interface SendForm { when: 'now' | 'later'; sendAt?: string; reminderDays?: string }

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
function readForm(body: unknown, s: SendStrings, p: OpenPage, now: Date): { form: SendForm; input?: WaveInput; errors: Errors } {
  const errors: Errors = new Map();
  const form: SendForm = { when: one(body, 'when') === 'later' ? 'later' : 'now', sendAt: one(body, 'sendAt'), reminderDays: one(body, 'reminderDays') };
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
  return { form, errors, input: { sendAt: sendAt.toISOString(), channels: ['email'], expiryDays: EXPIRY_DAYS, reminderDays: reminderDays ?? null } };
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

  /** The form; `posted` makes a survey that cannot be sent a 400, like a field error. */
  const renderForm = async (p: OpenPage, survey: Survey, form: SendForm, errors: Errors, posted: boolean, preview?: SafeHtml) => {
    const s = sendText(p.language);
    const title = s.title(survey.name);
    if (survey.status !== 'active') return p.send('setup', title, html`${crumbs(p, survey)}<h1>${title}</h1>${notPublished(s, survey)}`, posted ? 400 : 200);
    const status = errors.size > 0 ? 400 : 200;
    return p.send('setup', title, html`${crumbs(p, survey)}<h1>${title}</h1><p>${s.intro}</p>
${errorSummary(p.w, errors)}
<form method="post" action="${sendPath(survey.id)}" novalidate>
<input type="hidden" name="intent" value="check">
<p><strong>${s.audience}:</strong> ${s.audienceAll}</p>
${whenField(s, form, errors, p.timeZone)}
${inputField('reminderDays', s.reminder, form.reminderDays, errors, { type: 'number', hint: s.reminderHint, attrs: `min="1" max="${EXPIRY_DAYS - 1}"` })}
<div class="form-actions"><button class="button${preview ? ' secondary' : ''}" type="submit">${s.check}</button> <a href="${sendsPath(survey.id)}">${s.sendsTitle(survey.name)}</a></div>
</form>
${preview ?? ''}`, status);
  };

  page<{ id: string }>(app, 'GET', `${LIST}/:id/send`, 'distribution:manage', async (request, _reply, p) => {
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    return renderForm(p, survey, { when: 'now' }, new Map(), false);
  });

  page<{ id: string }>(app, 'POST', `${LIST}/:id/send`, 'distribution:manage', async (request, reply, p) => {
    const s = sendText(p.language);
    const survey = await getSurvey(db, p.auth.orgId, uuidParam(request.params.id, 'Survey'));
    const at = now();
    const { form, input, errors } = readForm(request.body, s, p, at);
    if (survey.status !== 'active' || !input) return renderForm(p, survey, form, errors, true);
    if (one(request.body, 'intent') === 'send') {
      const wave = await createWave(db, p.auth.orgId, survey.id, input, at);
      if (new Date(wave.sendAt).getTime() <= at.getTime()) await app.deps.jobs?.send(DISPATCH_JOB, {});
      return reply.redirect(`${sendsPath(survey.id)}?sent=${wave.id}`, 303);
    }
    const counts = await previewWave(db, p.auth.orgId, survey.id, input, at);
    const preview = html`<section class="confirm" aria-labelledby="preview-heading"><h2 id="preview-heading">${s.previewHeading}</h2>
<p id="preview-result">${s.preview(counts.invited, counts.leftOutBy)}</p>
${counts.invited > 0 ? html`<form method="post" action="${sendPath(survey.id)}">${hiddenFields({ when: form.when, sendAt: form.when === 'later' ? form.sendAt : undefined, reminderDays: form.reminderDays, intent: 'send' })}
<div class="form-actions"><button class="button" type="submit">${s.sendNow(counts.invited)}</button></div></form>` : html`<p>${s.nobody}</p>`}</section>`;
    return renderForm(p, survey, form, errors, true, preview);
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
      return html`<tr><th scope="row"><time datetime="${new Date(w.sendAt).toISOString()}">${waveTime(w, p)}</time></th><td>${w.quarter ? s.cohort(w.quarter) : s.everyone}</td>
<td>${w.launchedAt ? s.launched : s.scheduled}</td><td class="num">${num(c.invited)}</td><td class="num">${num(c.leftOut)}</td><td class="num">${num(c.delivered)}</td>
<td><a href="${sendsPath(survey.id)}/${w.id}">${s.showFunnel}<span class="visually-hidden"> ${waveTime(w, p)}</span></a></td></tr>`;
    });
    const done = sent ? notice(sent.launchedAt || new Date(sent.sendAt).getTime() <= now().getTime() ? s.started : s.scheduledFor(waveTime(sent, p))) : '';
    return p.send('setup', title, html`${crumbs(p, survey)}<h1>${title}</h1><p>${s.sendsIntro}</p>${done}
${waves.length === 0 ? html`<div class="empty"><p>${s.noSends}</p></div>` : html`<div class="table-scroll"><table><caption>${s.sendsCaption}</caption>
<thead><tr><th scope="col">${s.columns.when}</th><th scope="col">${s.columns.audience}</th><th scope="col">${s.columns.status}</th><th scope="col" class="num">${s.columns.invited}</th>
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
