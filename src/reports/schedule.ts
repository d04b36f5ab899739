/**
 * Board reports e-mailed on a schedule: each schedule names its recipients, language, day of
 * the month and hour (in the organisation's time zone). The `reports-board-monthly` job runs
 * hourly and sends every schedule whose day and hour it is, about the previous month, once
 * (last_sent_period is claimed before sending and given back when the e-mail fails).
 */
import type { Queryable } from '../db/connection.ts';
import { defineJob } from '../jobs/queue.ts';
import type { JobContext } from '../jobs/registry.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { badInput, notFound } from '../errors.ts';
import { chooseLanguage, uiLanguages, type UiLanguage } from '../i18n/index.ts';
import { boardReportText } from '../i18n/board-report.ts';
import { loadBoardReport, previousMonth } from './board.ts';
import { renderBoardReport } from './render.ts';
import { printPdf } from './pdf.ts';

export const BOARD_REPORT_JOB = 'reports-board-monthly';

export interface ScheduleInput { recipients: string[]; language?: string; dayOfMonth?: number; hour?: number; enabled?: boolean }

const columns = `id, recipients, language, day_of_month as "dayOfMonth", hour, enabled, last_sent_period as "lastSentPeriod", created_at as "createdAt"`;
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** What a schedule accepts as a recipient (the page checks each address with it before storing any). */
export const isRecipientAddress = (address: string) => address.length <= 320 && EMAIL.test(address);

function checkRecipients(recipients: string[] | undefined) {
  recipients?.forEach((r, i) => { if (!isRecipientAddress(r)) throw badInput('is not an e-mail address', `recipients.${i}`); });
}

export interface BoardReportSchedule {
  id: string; recipients: string[]; language: string; dayOfMonth: number; hour: number; enabled: boolean;
  /** 'YYYY-MM' of the last report sent, null before the first. */
  lastSentPeriod: string | null; createdAt: Date;
}

export async function listSchedules(db: Queryable, orgId: string) {
  return db.query<BoardReportSchedule>(`select ${columns} from board_report_schedules where org_id = $1 order by created_at, id`, [orgId]);
}

export async function createSchedule(db: Queryable, orgId: string, input: ScheduleInput) {
  checkRecipients(input.recipients);
  const [row] = await db.query(
    `insert into board_report_schedules (org_id, recipients, language, day_of_month, hour, enabled) values ($1, $2, $3, $4, $5, $6) returning ${columns}`,
    [orgId, input.recipients, input.language ?? 'fi', input.dayOfMonth ?? 1, input.hour ?? 7, input.enabled ?? true]);
  return row;
}

export async function updateSchedule(db: Queryable, orgId: string, id: string, input: Partial<ScheduleInput>) {
  checkRecipients(input.recipients);
  const [row] = await db.query(
    `update board_report_schedules set recipients = coalesce($3, recipients), language = coalesce($4, language), day_of_month = coalesce($5, day_of_month),
            hour = coalesce($6, hour), enabled = coalesce($7, enabled) where org_id = $1 and id = $2 returning ${columns}`,
    [orgId, id, input.recipients ?? null, input.language ?? null, input.dayOfMonth ?? null, input.hour ?? null, input.enabled ?? null]);
  if (!row) throw notFound('Board report schedule', 'id');
  return row;
}

export async function deleteSchedule(db: Queryable, orgId: string, id: string) {
  const rows = await db.query(`delete from board_report_schedules where org_id = $1 and id = $2 returning id`, [orgId, id]);
  if (!rows[0]) throw notFound('Board report schedule', 'id');
}

export const reportLanguage = (language: string | null | undefined): UiLanguage => chooseLanguage([language], uiLanguages, 'fi') as UiLanguage;

/** The report for `month` as HTML and PDF. */
export async function renderBoardReportFiles(db: Queryable, orgId: string, month: string, language: UiLanguage, now: Date, chromiumPath: string) {
  const report = await loadBoardReport(db, orgId, month, now);
  const documentHtml = renderBoardReport(report, language);
  return { report, html: documentHtml, pdf: await printPdf(documentHtml, chromiumPath) };
}

interface DueSchedule { org_id: string; id: string; recipients: string[]; language: string; time_zone: string; previous: string | null }

/** Sends every schedule due now; returns how many reports went out. */
export async function sendDueBoardReports(ctx: Pick<JobContext, 'db' | 'now'> & { chromiumPath: string; mailer?: Mailer }): Promise<number> {
  if (!ctx.mailer) return 0;
  const now = ctx.now();
  const due = await ctx.db.query<DueSchedule>(
    `select s.org_id, s.id, s.recipients, s.language, o.time_zone, s.last_sent_period as previous
       from board_report_schedules s join organizations o on o.id = s.org_id
      where s.enabled and extract(day from $1::timestamptz at time zone o.time_zone) = s.day_of_month
        and extract(hour from $1::timestamptz at time zone o.time_zone) = s.hour`, [now.toISOString()]);
  let sent = 0;
  for (const s of due) {
    const month = previousMonth(now, s.time_zone);
    const [claimed] = await ctx.db.query(
      `update board_report_schedules set last_sent_period = $3 where org_id = $1 and id = $2 and last_sent_period is distinct from $3 returning id`,
      [s.org_id, s.id, month]);
    if (!claimed) continue;
    try {
      const language = reportLanguage(s.language);
      const files = await renderBoardReportFiles(ctx.db, s.org_id, month, language, now, ctx.chromiumPath);
      const t = boardReportText(language);
      for (const to of s.recipients) {
        await ctx.mailer.send({
          to, subject: t.emailSubject(files.report.organisation, month), html: files.html, text: t.emailBody(files.report.organisation, month), language,
          attachments: [{ filename: `board-report-${month}.pdf`, content: files.pdf, contentType: 'application/pdf' }],
        });
      }
      sent++;
    } catch (error) {
      // Give the month back so the retry sends it.
      await ctx.db.query(`update board_report_schedules set last_sent_period = $3 where org_id = $1 and id = $2`, [s.org_id, s.id, s.previous]);
      throw error;
    }
  }
  return sent;
}

const mailers = new WeakMap<JobContext, Mailer | undefined>();

export const boardReportJob = (ctx: JobContext) => defineJob<object>({
  name: BOARD_REPORT_JOB,
  batchSize: 1,
  retryLimit: 3,
  retryDelaySeconds: 300,
  handle: async () => {
    if (!mailers.has(ctx)) mailers.set(ctx, createMailer(ctx.config));
    await sendDueBoardReports({ db: ctx.db, now: ctx.now, chromiumPath: ctx.config.chromiumPath, mailer: mailers.get(ctx) });
  },
});
