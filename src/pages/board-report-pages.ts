/**
 * The board report for a CX manager (reports:read, as GET /api/v1/reports/board):
 *
 *  - GET  /app/reports/board?month=YYYY-MM&language=sv   a plain GET form (month, report
 *         language), the report previewed with its own rendering (src/reports/render.ts) and a
 *         link to the API's PDF of the same month and language;
 *  - POST /app/reports/board/schedules                    adds an e-mail schedule (reports:manage);
 *  - GET  /app/reports/board/schedules/:id/edit           the schedule's form, filled in (reports:manage);
 *  - POST /app/reports/board/schedules/:id                saves it, "active" included (reports:manage);
 *  - POST /app/reports/board/schedules/:id/pause|resume   stops or restarts its e-mails (reports:manage);
 *  - POST /app/reports/board/schedules/:id/delete         asks, then deletes one (reports:manage).
 *
 * The month defaults to the last complete month in the organisation's time zone, as the API's;
 * the report language to the reader's. `language`, not `lang`: `lang` switches the page's own.
 */
import type { FastifyInstance } from 'fastify';
import { uiLanguages, localeOf, type UiLanguage } from '../i18n/index.ts';
import { boardReportText } from '../i18n/board-report.ts';
import { boardReportPageText, languageInWords, monthInWords, type BoardReportPageStrings } from '../i18n/board-report-pages.ts';
import { loadBoardReport, previousMonth, shiftMonth } from '../reports/board.ts';
import { boardReportSections, generatedAt } from '../reports/render.ts';
import { createSchedule, deleteSchedule, isRecipientAddress, listSchedules, updateSchedule, type BoardReportSchedule, type ScheduleInput } from '../reports/schedule.ts';
import { notFound } from '../errors.ts';
import { html, type SafeHtml } from './html.ts';
import { checkboxGroup, confirmation, errorSummary, inputField, intField, notice, one, page, selectField, textareaField, uuidParam, type Errors, type OpenPage } from './page-kit.ts';

const PAGE = '/app/reports/board';
const SCHEDULES = `${PAGE}/schedules`;
/** Months offered in the chooser, counted back from the last complete one. */
const MONTHS_OFFERED = 24;
const MAX_RECIPIENTS = 50;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

type Schedule = BoardReportSchedule;

/** What the schedule form holds, as typed (re-shown after an error). */
interface ScheduleForm { recipients?: string; language?: string; dayOfMonth?: string; hour?: string; enabled?: boolean }

const isLanguage = (value: string | undefined): value is UiLanguage => (uiLanguages as readonly string[]).includes(value ?? '');
const hourOf = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** A schedule in words: "Swedish, on day 5 of every month at 07:00, to a@x.fi and b@x.fi". */
function scheduleWhen(s: BoardReportPageStrings, schedule: Schedule) {
  return `${s.when(schedule.dayOfMonth, hourOf(schedule.hour))}${schedule.enabled ? '' : ` (${s.disabled})`}`;
}
const recipientList = (schedule: Schedule, language: UiLanguage) => new Intl.ListFormat(localeOf(language), { type: 'conjunction' }).format(schedule.recipients);
const scheduleWords = (s: BoardReportPageStrings, schedule: Schedule, language: UiLanguage) =>
  `${languageInWords(schedule.language, language)}, ${scheduleWhen(s, schedule).toLocaleLowerCase(localeOf(language))}: ${recipientList(schedule, language)}`;

/** Addresses typed one per line or separated by commas, semicolons or spaces; each once. */
function parseRecipients(text: string | undefined): string[] {
  const seen = new Set<string>();
  return (text ?? '').split(/[\s,;]+/).filter((r) => r !== '' && !seen.has(r.toLowerCase()) && seen.add(r.toLowerCase()));
}

/** A schedule form posted: what was typed, each error by field, and the schedule it stands for when there are none. */
function readScheduleForm(body: unknown, s: BoardReportPageStrings, w: OpenPage['w']): { form: ScheduleForm; errors: Errors; input?: ScheduleInput } {
  const form: ScheduleForm = { recipients: one(body, 'recipients'), language: one(body, 'scheduleLanguage'), dayOfMonth: one(body, 'dayOfMonth'), hour: one(body, 'hour'),
    enabled: one(body, 'enabled') === 'on' };
  const errors: Errors = new Map();
  const recipients = parseRecipients(form.recipients);
  const notAddress = recipients.find((r) => !isRecipientAddress(r));
  if (recipients.length === 0) errors.set('recipients', s.recipientsRequired);
  else if (notAddress !== undefined) errors.set('recipients', s.notEmail(notAddress));
  else if (recipients.length > MAX_RECIPIENTS) errors.set('recipients', s.tooMany(MAX_RECIPIENTS));
  if (!isLanguage(form.language)) errors.set('scheduleLanguage', s.badLanguage(s.scheduleLanguage));
  const dayOfMonth = intField(body, 'dayOfMonth', 1, 28, w, errors, 1);
  if (errors.has('dayOfMonth')) errors.set('dayOfMonth', s.dayRange);
  const hour = intField(body, 'hour', 0, 23, w, errors, 7);
  if (errors.has('hour')) errors.set('hour', s.hourRange);
  if (errors.size > 0) return { form, errors };
  return { form, errors, input: { recipients, language: form.language, dayOfMonth: dayOfMonth ?? 1, hour: hour ?? 7 } };
}

/** The fields of a schedule, for adding one and for editing one. */
function scheduleFields(p: OpenPage, s: BoardReportPageStrings, form: ScheduleForm, errors: Errors): SafeHtml {
  const languages = uiLanguages.map((l): [string, string] => [l, languageInWords(l, p.language)]);
  return html`${textareaField('recipients', s.recipients, form.recipients, errors, { hint: s.recipientsHint, required: true })}
<div class="form-grid">
${selectField('scheduleLanguage', s.scheduleLanguage, languages, form.language ?? p.language, errors)}
${inputField('dayOfMonth', s.dayOfMonth, form.dayOfMonth ?? '1', errors, { type: 'number', hint: s.dayHint, attrs: 'min="1" max="28" inputmode="numeric"' })}
${inputField('hour', s.hour, form.hour ?? '7', errors, { type: 'number', hint: s.hourHint, attrs: 'min="0" max="23" inputmode="numeric"' })}
</div>`;
}

const savedNotice = (s: BoardReportPageStrings, saved: string | undefined) =>
  ({ added: s.added, removed: s.removed, updated: s.updated, paused: s.pausedNotice, resumed: s.resumedNotice } as Record<string, string>)[saved ?? ''];

export async function boardReportPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();

  function scheduleSection(p: OpenPage, s: BoardReportPageStrings, schedules: Schedule[], form: ScheduleForm, errors: Errors): SafeHtml {
    const c = s.columns;
    return html`<section aria-labelledby="schedules">
<h2 id="schedules" tabindex="-1">${s.schedulesHeading}</h2>
<p>${s.schedulesIntro(p.timeZone)}</p>
${schedules.length === 0 ? html`<div class="empty"><p>${s.noSchedules}</p></div>` : html`<div class="table-scroll"><table><caption>${s.caption(schedules.length)}</caption>
<thead><tr><th scope="col">${c.recipients}</th><th scope="col">${c.language}</th><th scope="col">${c.when}</th><th scope="col">${c.lastSent}</th><th scope="col">${c.actions}</th></tr></thead>
<tbody>${schedules.map((x) => html`<tr><th scope="row">${recipientList(x, p.language)}</th><td>${languageInWords(x.language, p.language)}</td><td>${scheduleWhen(s, x)}</td>
<td>${x.lastSentPeriod && MONTH.test(x.lastSentPeriod) ? monthInWords(x.lastSentPeriod, p.language) : s.never}</td>
<td><a href="${SCHEDULES}/${x.id}/edit">${s.edit}<span class="visually-hidden">: ${scheduleWords(s, x, p.language)}</span></a>
<form class="inline-form" method="post" action="${SCHEDULES}/${x.id}/${x.enabled ? 'pause' : 'resume'}"><button class="button secondary" type="submit">${x.enabled ? s.pause : s.resume}<span class="visually-hidden">: ${scheduleWords(s, x, p.language)}</span></button></form>
<form class="inline-form" method="post" action="${SCHEDULES}/${x.id}/delete"><button class="button danger" type="submit">${s.remove}<span class="visually-hidden">: ${scheduleWords(s, x, p.language)}</span></button></form></td></tr>`)}</tbody></table></div>`}
<h3>${s.addHeading}</h3>
<form method="post" action="${SCHEDULES}" class="stack" novalidate>
${scheduleFields(p, s, form, errors)}
<div class="form-actions"><button class="button" type="submit">${s.add}</button></div>
</form></section>`;
  }

  /** The page; `query` is the GET form's (month, language), `scheduling` a schedule form posted with errors. */
  async function boardPage(p: OpenPage, query: unknown, scheduling?: { form: ScheduleForm; errors: Errors }) {
    const s = boardReportPageText(p.language);
    const lastComplete = previousMonth(now(), p.timeZone);
    const errors: Errors = new Map(scheduling?.errors ?? []);
    const askedMonth = one(query, 'month');
    const askedLanguage = one(query, 'language');
    // 'YYYY-MM' compares as text; a month not yet over is not a month's report.
    if (askedMonth !== undefined && (!MONTH.test(askedMonth) || askedMonth > lastComplete)) errors.set('month', s.badMonth);
    if (askedLanguage !== undefined && !isLanguage(askedLanguage)) errors.set('language', s.badLanguage(s.language));
    const chosen = !errors.has('month') && !errors.has('language');
    const month = chosen && askedMonth ? askedMonth : lastComplete;
    const reportLanguage: UiLanguage = chosen && isLanguage(askedLanguage) ? askedLanguage : p.language;

    const months = Array.from({ length: MONTHS_OFFERED }, (_, i) => shiftMonth(lastComplete, -i));
    if (!months.includes(month)) months.push(month);
    const [report, schedules] = await Promise.all([
      chosen ? loadBoardReport(db, p.auth.orgId, month, now()) : undefined,
      p.can('reports:manage') ? listSchedules(db, p.auth.orgId) : undefined,
    ]);
    const saved = one(query, 'saved');
    const r = boardReportText(reportLanguage);
    const pdfHref = `/api/v1/reports/board?${new URLSearchParams({ month, format: 'pdf', lang: reportLanguage })}`;
    const body = html`<h1>${s.title}</h1>
<p class="lead">${s.intro}</p>
${errorSummary(p.w, errors)}
${notice(savedNotice(s, saved))}
${schedules ? html`<p><a href="#schedules">${s.toSchedules}</a></p>` : ''}
<form method="get" action="${PAGE}" class="filters" novalidate>
<h2>${s.chooseHeading}</h2>
${selectField('month', s.month, months.map((m): [string, string] => [m, monthInWords(m, p.language)]), month, errors)}
${selectField('language', s.language, uiLanguages.map((l): [string, string] => [l, languageInWords(l, p.language)]), reportLanguage, errors)}
<button class="button" type="submit">${s.show}</button>
</form>
${report ? html`<p><a class="button" href="${pdfHref}" download>${s.downloadPdf(monthInWords(month, p.language))}</a></p>
<section class="report-preview" lang="${reportLanguage}" aria-labelledby="report-title">
<p class="muted" lang="${p.language}">${s.previewHeading}</p>
<h2 id="report-title">${r.title}</h2>
<p class="sub">${r.subtitle(report.organisation, monthInWords(month, reportLanguage))} · ${r.generated} ${generatedAt(report, r)}</p>
${boardReportSections(report, reportLanguage)}
</section>` : ''}
${schedules ? scheduleSection(p, s, schedules, scheduling?.form ?? {}, errors) : ''}`;
    return p.send('reports', s.title, body, errors.size > 0 ? 400 : 200);
  }

  page(app, 'GET', PAGE, 'reports:read', async (request, _reply, p) => boardPage(p, request.query));

  page(app, 'POST', SCHEDULES, 'reports:manage', async (request, reply, p) => {
    const { form, errors, input } = readScheduleForm(request.body, boardReportPageText(p.language), p.w);
    if (!input) return boardPage(p, {}, { form, errors });
    await createSchedule(db, p.auth.orgId, input);
    return reply.redirect(`${PAGE}?saved=added#schedules`, 303);
  });

  async function scheduleOf(orgId: string, rawId: string): Promise<Schedule> {
    const id = uuidParam(rawId, 'Board report schedule');
    const schedule = (await listSchedules(db, orgId)).find((x) => x.id === id);
    if (!schedule) throw notFound('Board report schedule', 'id');
    return schedule;
  }

  function editPage(p: OpenPage, schedule: Schedule, form: ScheduleForm, errors: Errors) {
    const s = boardReportPageText(p.language);
    return p.send('reports', s.editHeading, html`<h1>${s.editHeading}</h1>
<p class="lead">${scheduleWords(s, schedule, p.language)}</p>
${errorSummary(p.w, errors)}
<form method="post" action="${SCHEDULES}/${schedule.id}" class="stack" novalidate>
${scheduleFields(p, s, form, errors)}
${checkboxGroup('enabled', s.activeLegend, [['on', s.active]], form.enabled ? ['on'] : [], errors, s.activeHint)}
<div class="form-actions"><button class="button" type="submit">${s.save}</button> <a href="${PAGE}#schedules">${s.cancel}</a></div>
</form>`, errors.size > 0 ? 400 : 200);
  }

  page<{ id: string }>(app, 'GET', `${SCHEDULES}/:id/edit`, 'reports:manage', async (request, _reply, p) => {
    const x = await scheduleOf(p.auth.orgId, request.params.id);
    return editPage(p, x, { recipients: x.recipients.join('\n'), language: x.language, dayOfMonth: String(x.dayOfMonth), hour: String(x.hour), enabled: x.enabled }, new Map());
  });

  page<{ id: string }>(app, 'POST', `${SCHEDULES}/:id`, 'reports:manage', async (request, reply, p) => {
    const schedule = await scheduleOf(p.auth.orgId, request.params.id);
    const { form, errors, input } = readScheduleForm(request.body, boardReportPageText(p.language), p.w);
    if (!input) return editPage(p, schedule, form, errors);
    await updateSchedule(db, p.auth.orgId, schedule.id, { ...input, enabled: form.enabled === true });
    return reply.redirect(`${PAGE}?saved=updated#schedules`, 303);
  });

  for (const [action, enabled] of [['pause', false], ['resume', true]] as const) {
    page<{ id: string }>(app, 'POST', `${SCHEDULES}/:id/${action}`, 'reports:manage', async (request, reply, p) => {
      const schedule = await scheduleOf(p.auth.orgId, request.params.id);
      await updateSchedule(db, p.auth.orgId, schedule.id, { enabled });
      return reply.redirect(`${PAGE}?saved=${enabled ? 'resumed' : 'paused'}#schedules`, 303);
    });
  }

  page<{ id: string }>(app, 'POST', `${SCHEDULES}/:id/delete`, 'reports:manage', async (request, reply, p) => {
    const s = boardReportPageText(p.language);
    const id = uuidParam(request.params.id, 'Board report schedule');
    if (one(request.body, 'confirm') === '1') {
      await deleteSchedule(db, p.auth.orgId, id);
      return reply.redirect(`${PAGE}?saved=removed#schedules`, 303);
    }
    const schedule = await scheduleOf(p.auth.orgId, id);
    return p.send('reports', s.removeConfirm, html`<h1>${s.title}</h1>
${confirmation(p.w, `${SCHEDULES}/${id}/delete`, s.removeQuestion(scheduleWords(s, schedule, p.language)), {}, `${PAGE}#schedules`, undefined,
    { heading: s.removeConfirm, confirm: s.removeConfirm, cancel: s.keep })}`);
  });
}
