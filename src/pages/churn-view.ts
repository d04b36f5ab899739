/**
 * Churn risk (/app/churn): model quality on the held-out contacts (AUC, Brier, lift and
 * calibration by risk decile), the at-risk list with reasons (paged, the caller's scope), the
 * existing CSV export, and an empty state when no model exists, with "train now" for those who
 * may train (a POST form; the route checks the origin as every dashboard form does). Figures
 * are `churnModelReport` / `atRiskPage`'s (src/churn/service.ts); the page turns rates into
 * percentages.
 */
import { churnReasonWords } from '../i18n/churn-reasons.ts';
import type { Queryable } from '../db/connection.ts';
import type { AuthContext } from '../auth/permissions.ts';
import { KaikuError } from '../errors.ts';
import { atRiskPage, churnModelReport, type ChurnRun } from '../churn/service.ts';
import { formatDate, formatNumber, type UiLanguage } from '../i18n/index.ts';
import type { AnalysisStrings } from '../i18n/analysis-pages.ts';
import { html, type SafeHtml } from './html.ts';
import { chartHtml, tableHtml, type ChartModel, type DownloadContext, type TableModel } from './downloads.ts';
import { barChart, calibrationChart } from './analysis-charts.ts';

export const AT_RISK_PER_PAGE = 25;

type ModelReport = Awaited<ReturnType<typeof churnModelReport>>;
type RiskPage = Awaited<ReturnType<typeof atRiskPage>>;

export interface ChurnData {
  model?: ModelReport;
  atRisk?: RiskPage;
  /** The latest run when there is no finished model yet. */
  latestRun?: ChurnRun;
  cursor?: string;
}

export async function loadChurn(db: Queryable, auth: AuthContext, cursor: string | undefined): Promise<ChurnData> {
  try {
    const model = await churnModelReport(db, auth.orgId);
    const atRisk = await atRiskPage(db, auth, { limit: AT_RISK_PER_PAGE, cursor });
    return { model, atRisk, cursor };
  } catch (error) {
    if (!(error instanceof KaikuError && error.code === 'no_model')) throw error;
    const [latestRun] = await db.query<ChurnRun>(
      `select id, status, progress, stage, options, trigger, error, created_at as "createdAt", started_at as "startedAt", finished_at as "finishedAt"
         from churn_models where org_id = $1 order by created_at desc limit 1`, [auth.orgId]);
    return { latestRun, cursor };
  }
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : 100 * v);

export function decileTable(model: ModelReport, a: AnalysisStrings): TableModel {
  const s = a.churn;
  return {
    id: 'churn-deciles', title: s.decileTable,
    columns: [
      { label: s.decile, kind: 'number' }, { label: s.contacts, kind: 'number' }, { label: s.churners, kind: 'number' },
      { label: s.actualRate, kind: 'number', digits: 1 }, { label: s.predicted, kind: 'number', digits: 1 }, { label: s.lift, kind: 'number', digits: 2 },
      { label: s.capture, kind: 'number', digits: 1 },
    ],
    rows: model.holdout.deciles.map((d) => [d.decile, d.n, d.churners, pct(d.churnRate), pct(d.meanPredicted), d.lift, pct(d.cumulativeCapture)]),
  };
}

export function liftChart(model: ModelReport, a: AnalysisStrings, language: UiLanguage): ChartModel {
  const s = a.churn;
  const svg = barChart(model.holdout.deciles.map((d) => ({ label: `${s.decile} ${d.decile}`, value: d.lift })), {
    id: 'churn-lift-chart', title: s.liftHeading, desc: s.liftDesc, xLabel: s.lift,
    format: (v) => formatNumber(v, language, 2), describe: (b) => `${b.label}: ${s.lift} ${formatNumber(b.value, language, 2)}`,
    reference: { value: 1, label: '1' },
  });
  return { id: 'churn-lift-chart', title: s.liftHeading, svg };
}

export function calibrationChartModel(model: ModelReport, a: AnalysisStrings, language: UiLanguage): ChartModel {
  const s = a.churn;
  const svg = calibrationChart(model.holdout.deciles.map((d) => ({ label: String(d.decile), predicted: d.meanPredicted, actual: d.churnRate })), {
    id: 'churn-calibration-chart', title: s.calibrationHeading, desc: s.calibrationDesc, xLabel: s.predicted, yLabel: s.actualRate,
    format: (v) => formatNumber(100 * v, language, 0),
    describe: (p) => `${s.decile} ${p.label}: ${s.predicted} ${formatNumber(100 * p.predicted, language, 1)}, ${s.actualRate} ${formatNumber(100 * p.actual, language, 1)}`,
  });
  return { id: 'churn-calibration-chart', title: s.calibrationHeading, svg };
}

/** A reason in words ("3 complaints", "no effort answer", "Tenure years: 5"), never a field code. */
export function reasonText(reason: { feature: string; value: number | string | null }, _a: AnalysisStrings, language: UiLanguage): string {
  return churnReasonWords(language, reason, (n) => formatNumber(n, language, Number.isInteger(n) ? 0 : 1));
}

export function atRiskTable(page: RiskPage, a: AnalysisStrings, language: UiLanguage): TableModel {
  const s = a.churn;
  return {
    id: 'churn-at-risk', title: s.listTable,
    columns: [{ label: s.contact, kind: 'text' }, { label: s.segment, kind: 'text' }, { label: s.risk, kind: 'number', digits: 1 }, { label: s.reasons, kind: 'text' }],
    rows: page.items.map((c) => [c.name ?? c.externalId ?? c.email ?? c.contactId, c.segment, pct(c.risk), c.reasons.map((r) => reasonText(r, a, language)).join('; ')]),
  };
}

export function churnDownloads(data: ChurnData, a: AnalysisStrings, language: UiLanguage): Array<TableModel | ChartModel> {
  if (!data.model || !data.atRisk) return [];
  return [decileTable(data.model, a), liftChart(data.model, a, language), calibrationChartModel(data.model, a, language), atRiskTable(data.atRisk, a, language)];
}

export function renderChurn(data: ChurnData, ctx: { a: AnalysisStrings; language: UiLanguage; timeZone: string; canTrain: boolean; queued: boolean; trainError?: string; downloads: DownloadContext }): SafeHtml {
  const { a, language } = ctx;
  const s = a.churn;
  const n = (v: number | null | undefined, digits = 0) => formatNumber(v ?? null, language, digits);
  const trainForm = ctx.canTrain ? html`<form method="post" action="/app/churn/train"><button class="button" type="submit">${s.trainNow}</button></form>` : html`<p class="muted">${s.askAdmin}</p>`;
  const run = data.model?.latestRun ?? data.latestRun;
  const runNote = run && run.status !== 'done'
    ? html`<p class="notice" role="status">${run.status === 'failed' ? s.runFailed(run.error ?? '') : s.latestRun(s.runStatus[run.status], run.status === 'running' ? n(run.progress) : '')}</p>`
    : html``;
  const trainError = ctx.trainError && ctx.trainError in s.trainErrors ? s.trainErrors[ctx.trainError as keyof typeof s.trainErrors] : undefined;
  const head = html`<h1>${s.title}</h1><p class="lead">${s.intro}</p>${ctx.queued ? html`<p class="notice" role="status">${s.trainQueued}</p>` : ''}${trainError ? html`<div class="error-summary" role="alert"><p class="error-message">${trainError}</p></div>` : ''}${runNote}`;
  if (!data.model || !data.atRisk) {
    return html`${head}<div class="empty" role="status"><h2>${s.noModelTitle}</h2><p>${s.noModel}</p>${trainForm}</div>`;
  }
  const m = data.model;
  const h = m.holdout;
  const warnings = (m.warnings as Array<{ code: string; message?: string }>);
  const pageUrl = new URL(ctx.downloads.url, 'http://local');
  pageUrl.searchParams.delete('download');
  pageUrl.searchParams.delete('queued');
  const next = data.atRisk.nextCursor ? (() => { pageUrl.searchParams.set('cursor', data.atRisk!.nextCursor!); return `${pageUrl.pathname}?${pageUrl.searchParams.toString()}#list-heading`; })() : undefined;
  return html`${head}
<section aria-labelledby="quality-heading"><h2 id="quality-heading">${s.qualityHeading}</h2>
<p>${m.trainedAt ? s.trainedAt(formatDate(m.trainedAt, language, ctx.timeZone)) : ''}</p>
<dl class="figures">
  <div><dt>${s.auc}</dt><dd><data value="${h.auc ?? ''}">${n(h.auc, 3)}</data> <span class="muted">(${s.aucNote})</span></dd></div>
  <div><dt>${s.brier}</dt><dd><data value="${h.brier}">${n(h.brier, 3)}</data></dd></div>
  <div><dt>${s.holdout}</dt><dd>${n(h.holdoutN)} (${s.churners}: ${n(h.holdoutChurners)})</dd></div>
  <div><dt>${s.churnRate}</dt><dd>${n(pct(m.churnRate), 1)} %</dd></div>
  ${h.hosmerLemeshow ? html`<div><dt>${s.hosmerLemeshow}</dt><dd>${n(h.hosmerLemeshow.p, 3)}</dd></div>` : ''}
</dl>
${warnings.length === 0 ? '' : html`<div class="notice" role="note"><h3>${a.common.warnings}</h3><ul>${warnings.map((w) => html`<li>${s.warningTexts[w.code] ?? w.message ?? w.code}</li>`)}</ul></div>`}
${ctx.canTrain ? trainForm : ''}
<h3>${s.liftHeading}</h3>
${chartHtml(liftChart(m, a, language), ctx.downloads)}
<h3>${s.calibrationHeading}</h3>
${chartHtml(calibrationChartModel(m, a, language), ctx.downloads)}
${tableHtml(decileTable(m, a), ctx.downloads)}
</section>
<section aria-labelledby="list-heading"><h2 id="list-heading">${s.listHeading}</h2>
<p><a href="/api/v1/churn/at-risk.csv" download>${s.exportLink}</a></p>
${tableHtml(atRiskTable(data.atRisk, a, language), ctx.downloads, { empty: s.noContacts })}
<p>${data.cursor ? html`<a href="/app/churn#list-heading">${a.common.first}</a> ` : ''}${next ? html`<a href="${next}" rel="next">${a.common.next}</a>` : ''}</p>
</section>`;
}
