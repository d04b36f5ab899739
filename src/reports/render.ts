/**
 * The board report as one self-contained HTML document (A4 print layout, inline stylesheet,
 * SVG charts, no scripts): served as a page, e-mailed, and printed to PDF by Chromium. Every
 * name and text from the organisation goes through `html`, which escapes it.
 */
import { createHash } from 'node:crypto';
import { html, raw, type SafeHtml } from '../pages/html.ts';
import { trendChart } from '../pages/charts.ts';
import type { UiLanguage } from '../i18n/index.ts';
import { boardReportText, type BoardReportStrings } from '../i18n/board-report.ts';
import type { BoardReport, Headline } from './board.ts';

export const reportStyle = `
@page { size: A4; margin: 16mm 14mm; }
body { font-family: 'DejaVu Sans', system-ui, sans-serif; color: #1a1a1a; font-size: 10.5pt; line-height: 1.4; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 2pt; }
h2 { font-size: 13pt; margin: 18pt 0 6pt; border-bottom: 1.5pt solid #0b5394; padding-bottom: 2pt; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; }
.sub { color: #444; margin: 0 0 12pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; break-inside: avoid; }
th, td { text-align: left; padding: 3pt 6pt; border-bottom: 0.5pt solid #ccc; vertical-align: top; }
th { background: #eef3f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; gap: 8pt; flex-wrap: wrap; }
.card { flex: 1 1 0; min-width: 0; border: 1pt solid #ccd; border-radius: 4pt; padding: 6pt 8pt; break-inside: avoid; }
.card .value { font-size: 20pt; font-weight: bold; }
.card .meta { color: #444; font-size: 9pt; }
.chart { break-inside: avoid; }
.chart svg { width: 100%; height: auto; }
.muted { color: #555; }
`;

/** The Content-Security-Policy of the report page: its own inline stylesheet and nothing else. */
export const reportCsp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(reportStyle).digest('base64')}'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

const number = (t: BoardReportStrings, value: number | null, digits = 1) =>
  value === null || Number.isNaN(value) ? '–' : new Intl.NumberFormat(t.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
const percent = (t: BoardReportStrings, share: number | null) => (share === null ? '–' : `${number(t, share * 100, 0)} %`);
const signed = (t: BoardReportStrings, value: number) => `${value > 0 ? '+' : ''}${number(t, value)}`;

function headlineCard(h: Headline, t: BoardReportStrings): SafeHtml {
  const name = t.metricNames[h.metric as keyof BoardReportStrings['metricNames']];
  const change = h.change?.difference === null || !h.change ? '' :
    `${t.change} ${signed(t, h.change.difference)}${h.change.p === null ? '' : ` (p = ${number(t, h.change.p, 3)}, ${h.change.p < 0.05 ? t.significant : t.notSignificant})`}`;
  return html`<div class="card">
<div>${name}</div>
<div class="value">${number(t, h.value)}</div>
<div class="meta">${h.ci95 ? `${t.interval} ${number(t, h.ci95[0])} … ${number(t, h.ci95[1])}` : ''} · n = ${h.n} ${t.answers}</div>
<div class="meta">${t.previousMonth}: ${number(t, h.previous.value)} (n = ${h.previous.n})</div>
<div class="meta">${change}</div>
</div>`;
}

function headlineTrend(h: Headline, t: BoardReportStrings): SafeHtml {
  const name = t.metricNames[h.metric as keyof BoardReportStrings['metricNames']];
  const domain: [number, number] | undefined = h.metric === 'nps' ? undefined : h.metric === 'csat' ? [0, 100] : [1, 7];
  const svg = trendChart(h.trend.map((p) => ({ label: p.month, value: p.value, low: p.low, high: p.high, n: p.n })), {
    id: `trend-${h.metric}`, title: t.trend(name), desc: `${t.trend(name)}, ${t.interval}`, yLabel: name, domain,
    frame: { width: 720, height: 200, margin: { top: 12, right: 12, bottom: 36, left: 44 } },
    describePoint: (p) => `${p.label}: ${number(t, p.value)} (n = ${p.n ?? 0})`, labelEvery: 2,
  });
  return html`<div class="chart"><h3>${t.trend(name)}</h3>${raw(svg)}</div>`;
}

/** When the report was made, in its organisation's time zone. */
export const generatedAt = (report: BoardReport, t: BoardReportStrings) =>
  new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: report.timeZone }).format(new Date(report.generatedAt));

/** The report's sections (each under an h2), without its title: the document below and the preview on /app/reports/board. */
export function boardReportSections(report: BoardReport, language: UiLanguage): SafeHtml {
  const t = boardReportText(language);
  const c = report.cases as Record<string, number | null>;
  const f = t.caseFigures;
  const caseRows: Array<[string, string]> = [
    [f.cases, String(c.cases ?? 0)], [f.open, String(c.open ?? 0)], [f.overdue, String(c.overdue ?? 0)],
    [f.medianHoursToFirstAction, number(t, c.medianHoursToFirstAction ?? null)], [f.withinSlaShare, percent(t, c.withinSlaShare ?? null)],
    [f.reopenRate, percent(t, c.reopenRate ?? null)], [f.detractorsFollowedUp, String(c.detractorsFollowedUp ?? 0)],
    [f.recovered, String(c.recovered ?? 0)], [f.recoveryRate, percent(t, c.recoveryRate ?? null)],
  ];
  const drivers = report.drivers;
  return html`<h2>${t.headlines}</h2>
<div class="cards">${report.headlines.map((h) => headlineCard(h, t))}</div>
${report.headlines.map((h) => headlineTrend(h, t))}

<h2>${t.journeys}</h2>
${report.journeys.length === 0 ? html`<p class="muted">${t.noData}</p>` : html`<table>
<thead><tr><th scope="col">${t.journey}</th><th scope="col">${t.stage}</th><th scope="col" class="num">NPS</th><th scope="col">${t.interval}</th><th scope="col" class="num">n</th></tr></thead>
<tbody>${report.journeys.map((j) => html`<tr><td>${j.journey}</td><td>${j.stage}</td>
<td class="num">${j.figure?.suppressed ? t.hidden : number(t, j.figure?.nps ?? null)}</td>
<td>${j.figure?.ci95 ? `${number(t, j.figure.ci95[0])} … ${number(t, j.figure.ci95[1])}` : '–'}</td><td class="num">${j.figure?.n ?? 0}</td></tr>`)}</tbody>
</table>`}

<h2>${t.drivers}</h2>
${'unavailable' in drivers ? html`<p class="muted">${t.noData}: ${drivers.unavailable}</p>` : html`<p class="muted">${t.driversOf(drivers.survey, drivers.n, number(t, drivers.r2, 2))}</p>
<table><thead><tr><th scope="col">${t.driver}</th><th scope="col" class="num">${t.importance}</th><th scope="col" class="num">${t.performance}</th></tr></thead>
<tbody>${drivers.rows.map((d) => html`<tr><td>${d.label}</td><td class="num">${percent(t, d.weight)}</td><td class="num">${number(t, d.performance)}</td></tr>`)}</tbody></table>`}

<h2>${t.topics}</h2>
${report.topics.rows.length === 0 ? html`<p class="muted">${t.noData}</p>` : html`<table>
<thead><tr><th scope="col">${t.topic}</th><th scope="col" class="num">${t.mentions}</th><th scope="col" class="num">${t.negativeShare}</th></tr></thead>
<tbody>${report.topics.rows.map((r) => html`<tr><td>${r.topic}</td><td class="num">${r.mentions}</td><td class="num">${percent(t, r.negativeShare)}</td></tr>`)}</tbody></table>`}

<h2>${t.cases}</h2>
<table><tbody>${caseRows.map(([label, value]) => html`<tr><th scope="row">${label}</th><td class="num">${value}</td></tr>`)}</tbody></table>

<h2>${t.actionPlans}</h2>
${report.actionPlans.length === 0 ? html`<p class="muted">${t.noData}</p>` : html`<table>
<thead><tr><th scope="col">${t.plan}</th><th scope="col">${t.status}</th><th scope="col">${t.starts}</th><th scope="col" class="num">${t.before}</th><th scope="col" class="num">${t.after}</th><th scope="col" class="num">p</th></tr></thead>
<tbody>${report.actionPlans.map((p) => html`<tr><td>${p.title}</td><td>${p.status}</td><td>${p.startsOn.slice(0, 10)}</td>
${p.effect ? html`<td class="num">${number(t, p.effect.before)}</td><td class="num">${number(t, p.effect.after)}</td><td class="num">${p.effect.p === null ? '–' : number(t, p.effect.p, 3)}</td>`
    : html`<td colspan="3" class="muted">${t.notStarted}</td>`}</tr>`)}</tbody></table>`}`;
}

export function renderBoardReport(report: BoardReport, language: UiLanguage): string {
  const t = boardReportText(language);
  const body = html`<h1>${t.title}</h1>
<p class="sub">${t.subtitle(report.organisation, report.month)} · ${t.generated} ${generatedAt(report, t)}</p>

${boardReportSections(report, language)}`;
  return html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${t.title} – ${report.organisation} – ${report.month}</title>
<style>${raw(reportStyle)}</style></head>
<body>
<main>
${body}
</main>
</body></html>`.value;
}
