/**
 * Charts of the analytic pages (drivers, text, churn) in the manner of charts.ts: plain data
 * in, an SVG string out, colours as attributes (strict CSP), `<title>`/`<desc>` on every chart,
 * every mark labelled in text as well as colour, and a table with the same figures beside it.
 * Geometry (`matrixGeometry`, `barGeometry`) is separate from markup so it can be checked
 * against hand arithmetic.
 */
import { escapeHtml as e } from './html.ts';
import { chartColours, linearScale, type Frame } from './charts.ts';

const round = (v: number) => Math.round(v * 10) / 10;
const axis = chartColours.axis;

function open(id: string, frame: Frame, title: string, desc: string, className: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${e(id)}" class="chart ${className}" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-labelledby="${e(id)}-title ${e(id)}-desc" focusable="false">`,
    `<title id="${e(id)}-title">${e(title)}</title>`,
    `<desc id="${e(id)}-desc">${e(desc)}</desc>`,
  ];
}

/** A domain padded by `pad` of its span on each side (a single value gets ±1). */
export function paddedDomain(values: number[], pad = 0.1): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
  const span = hi - lo;
  return [lo - pad * span, hi + pad * span];
}

// --- priority matrix ---------------------------------------------------------------------------

export interface MatrixPoint { label: string; x: number; y: number; quadrant: string }

export const matrixFrame: Frame = { width: 720, height: 440, margin: { top: 24, right: 24, bottom: 48, left: 64 } };

/**
 * Coordinates of a scatter split at (xThreshold, yThreshold); x = importance from 0, y =
 * performance over `yRange`, the scale's real range when given (1–7, 0–100 %), so that a gap of
 * 0.2 on a 7-point scale looks like one, not like the whole height of the chart.
 */
export function matrixGeometry(points: MatrixPoint[], thresholds: { x: number; y: number }, frame: Frame = matrixFrame, yRange?: [number, number]) {
  const plot = { left: frame.margin.left, right: frame.width - frame.margin.right, top: frame.margin.top, bottom: frame.height - frame.margin.bottom };
  const xDomain = paddedDomain([0, ...points.map((p) => p.x), thresholds.x]);
  xDomain[0] = Math.max(0, xDomain[0]);
  const yDomain: [number, number] = yRange ? [yRange[0], yRange[1]] : paddedDomain([...points.map((p) => p.y), thresholds.y]);
  const x = linearScale(xDomain, [plot.left, plot.right]);
  const y = linearScale(yDomain, [plot.bottom, plot.top]);
  return { plot, xDomain, yDomain, x, y, cx: points.map((p) => x(p.x)), cy: points.map((p) => y(p.y)), splitX: x(thresholds.x), splitY: y(thresholds.y) };
}

/** Marker shape per quadrant, so the quadrant reads without colour too. */
const quadrantShape: Record<string, (x: number, y: number, fill: string) => string> = {
  fix_first: (x, y, f) => `<polygon points="${round(x)},${round(y - 7)} ${round(x + 7)},${round(y + 6)} ${round(x - 7)},${round(y + 6)}" fill="${f}"/>`,
  keep: (x, y, f) => `<circle cx="${round(x)}" cy="${round(y)}" r="6" fill="${f}"/>`,
  overkill: (x, y, f) => `<rect x="${round(x - 5.5)}" y="${round(y - 5.5)}" width="11" height="11" fill="${f}"/>`,
  low_priority: (x, y, f) => `<polygon points="${round(x)},${round(y - 7)} ${round(x + 7)},${round(y)} ${round(x)},${round(y + 7)} ${round(x - 7)},${round(y)}" fill="${f}"/>`,
};
/** Okabe–Ito: vermilion, bluish green, sky blue, grey-brown — distinct under the common colour-vision deficiencies. */
export const quadrantColours: Record<string, string> = { fix_first: '#D55E00', keep: '#009E73', overkill: '#0072B2', low_priority: '#6b5a4b' };

export function priorityMatrixChart(points: MatrixPoint[], options: {
  id: string; title: string; desc: string; xLabel: string; yLabel: string; thresholds: { x: number; y: number }; yRange?: [number, number];
  quadrantLabels: Record<string, string>; formatX: (v: number) => string; formatY: (v: number) => string; describe: (p: MatrixPoint) => string;
}): string {
  const frame = matrixFrame;
  const g = matrixGeometry(points, options.thresholds, frame, options.yRange);
  const parts = open(options.id, frame, options.title, options.desc, 'matrix');
  const { plot } = g;
  parts.push(`<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="${axis}"/>`);
  parts.push(`<line x1="${round(g.splitX)}" x2="${round(g.splitX)}" y1="${plot.top}" y2="${plot.bottom}" stroke="${chartColours.zero}" stroke-dasharray="5 4"/>`);
  parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${round(g.splitY)}" y2="${round(g.splitY)}" stroke="${chartColours.zero}" stroke-dasharray="5 4"/>`);
  // Quadrant names in their corners: important is right, performing is up.
  const corner = (q: string, right: boolean, top: boolean) => `<text x="${right ? plot.right - 8 : plot.left + 8}" y="${top ? plot.top + 18 : plot.bottom - 10}" text-anchor="${right ? 'end' : 'start'}" font-size="14" font-weight="700" fill="${axis}">${e(options.quadrantLabels[q])}</text>`;
  parts.push(corner('keep', true, true), corner('fix_first', true, false), corner('overkill', false, true), corner('low_priority', false, false));
  for (const v of [g.xDomain[0], options.thresholds.x, g.xDomain[1]]) {
    parts.push(`<text x="${round(g.x(v))}" y="${plot.bottom + 18}" text-anchor="middle" font-size="12" fill="${axis}">${e(options.formatX(v))}</text>`);
  }
  for (const v of [g.yDomain[0], options.thresholds.y, g.yDomain[1]]) {
    parts.push(`<text x="${plot.left - 6}" y="${round(g.y(v))}" text-anchor="end" dominant-baseline="middle" font-size="12" fill="${axis}">${e(options.formatY(v))}</text>`);
  }
  parts.push(`<text x="${round((plot.left + plot.right) / 2)}" y="${frame.height - 8}" text-anchor="middle" font-size="13" fill="${axis}">${e(options.xLabel)}</text>`);
  const midY = round((plot.top + plot.bottom) / 2);
  parts.push(`<text x="14" y="${midY}" transform="rotate(-90 14 ${midY})" text-anchor="middle" font-size="13" fill="${axis}">${e(options.yLabel)}</text>`);
  points.forEach((p, i) => {
    const x = g.cx[i];
    const y = g.cy[i];
    const leftSide = x > (plot.left + plot.right) / 2;
    parts.push(`<g class="point">${(quadrantShape[p.quadrant] ?? quadrantShape.keep)(x, y, quadrantColours[p.quadrant] ?? chartColours.line)}<title>${e(options.describe(p))}</title>`
      + `<text x="${round(leftSide ? x - 10 : x + 10)}" y="${round(y - 8)}" text-anchor="${leftSide ? 'end' : 'start'}" font-size="12" fill="#1a1a1a">${e(p.label)}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

// --- horizontal bars with optional intervals -----------------------------------------------

export interface Bar { label: string; value: number; low?: number | null; high?: number | null }

export function barGeometry(bars: Bar[], frame: Frame, domain?: [number, number]) {
  const plot = { left: frame.margin.left, right: frame.width - frame.margin.right, top: frame.margin.top, bottom: frame.height - frame.margin.bottom };
  const max = Math.max(0, ...bars.flatMap((b) => [b.value, b.high ?? 0]));
  const d: [number, number] = domain ?? [0, max > 0 ? max * 1.05 : 1];
  const x = linearScale(d, [plot.left, plot.right]);
  const band = bars.length > 0 ? (plot.bottom - plot.top) / bars.length : 0;
  return { plot, domain: d, x, band, ys: bars.map((_, i) => plot.top + i * band) };
}

export function barChart(bars: Bar[], options: {
  id: string; title: string; desc: string; xLabel: string; format: (v: number) => string; describe: (b: Bar) => string;
  domain?: [number, number]; reference?: { value: number; label: string };
}): string {
  const frame: Frame = { width: 720, height: Math.max(120, 36 * bars.length + 64), margin: { top: 12, right: 72, bottom: 44, left: 300 } };
  const g = barGeometry(bars, frame, options.domain);
  const parts = open(options.id, frame, options.title, options.desc, 'bars');
  const { plot } = g;
  if (options.reference) {
    const rx = round(g.x(options.reference.value));
    parts.push(`<line x1="${rx}" x2="${rx}" y1="${plot.top}" y2="${plot.bottom}" stroke="${chartColours.zero}" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${rx}" y="${plot.bottom + 30}" text-anchor="middle" font-size="12" fill="${axis}">${e(options.reference.label)}</text>`);
  }
  bars.forEach((b, i) => {
    const y = g.ys[i];
    const h = Math.min(22, g.band * 0.7);
    const top = y + (g.band - h) / 2;
    const x0 = g.x(Math.max(g.domain[0], 0));
    parts.push(`<g class="bar"><title>${e(options.describe(b))}</title>`);
    parts.push(`<text x="${plot.left - 8}" y="${round(top + h / 2)}" text-anchor="end" dominant-baseline="middle" font-size="12" fill="#1a1a1a">${e(b.label.length > 44 ? `${b.label.slice(0, 43)}…` : b.label)}</text>`);
    parts.push(`<rect x="${round(x0)}" y="${round(top)}" width="${round(Math.max(0, g.x(b.value) - x0))}" height="${round(h)}" fill="${chartColours.band}"/>`);
    if (b.low !== null && b.low !== undefined && b.high !== null && b.high !== undefined) {
      const cy = round(top + h / 2);
      parts.push(`<line class="interval" x1="${round(g.x(b.low))}" x2="${round(g.x(b.high))}" y1="${cy}" y2="${cy}" stroke="#1a1a1a" stroke-width="2"/>`);
      for (const v of [b.low, b.high]) parts.push(`<line x1="${round(g.x(v))}" x2="${round(g.x(v))}" y1="${round(cy - 6)}" y2="${round(cy + 6)}" stroke="#1a1a1a" stroke-width="2"/>`);
    }
    const end = Math.max(b.value, b.high ?? b.value);
    parts.push(`<text x="${round(g.x(end) + 6)}" y="${round(top + h / 2)}" dominant-baseline="middle" font-size="12" fill="#1a1a1a">${e(options.format(b.value))}</text></g>`);
  });
  parts.push(`<line x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}" stroke="${axis}"/>`);
  parts.push(`<text x="${round((plot.left + plot.right) / 2)}" y="${frame.height - 6}" text-anchor="middle" font-size="12" fill="${axis}">${e(options.xLabel)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

// --- stacked shares (topic × sentiment) --------------------------------------------------------

export interface StackedRow { label: string; parts: Array<{ key: string; share: number; label: string }>; note: string }

/** Negative / neutral / positive: vermilion, light grey, blue (Okabe–Ito), with hatching-free text values in the titles and table. */
export const sentimentColours: Record<string, string> = { negative: '#D55E00', neutral: '#c8c8c8', positive: '#0072B2' };

export function stackedBarChart(rows: StackedRow[], options: { id: string; title: string; desc: string; legend: Array<{ key: string; label: string }> }): string {
  const frame: Frame = { width: 720, height: Math.max(120, 30 * rows.length + 80), margin: { top: 40, right: 80, bottom: 16, left: 200 } };
  const plot = { left: frame.margin.left, right: frame.width - frame.margin.right, top: frame.margin.top, bottom: frame.height - frame.margin.bottom };
  const x = linearScale([0, 1], [plot.left, plot.right]);
  const parts = open(options.id, frame, options.title, options.desc, 'stacked');
  let lx = plot.left;
  for (const item of options.legend) {
    parts.push(`<rect x="${lx}" y="8" width="14" height="14" fill="${sentimentColours[item.key] ?? chartColours.band}" stroke="#1a1a1a" stroke-width="0.5"/><text x="${lx + 20}" y="19" font-size="12" fill="#1a1a1a">${e(item.label)}</text>`);
    lx += 30 + item.label.length * 7.5;
  }
  const band = rows.length > 0 ? (plot.bottom - plot.top) / rows.length : 0;
  rows.forEach((row, i) => {
    const top = plot.top + i * band + band * 0.15;
    const h = band * 0.7;
    parts.push(`<g class="row"><title>${e(`${row.label}: ${row.parts.map((p) => p.label).join(', ')}`)}</title>`);
    parts.push(`<text x="${plot.left - 8}" y="${round(top + h / 2)}" text-anchor="end" dominant-baseline="middle" font-size="12" fill="#1a1a1a">${e(row.label)}</text>`);
    let start = 0;
    for (const p of row.parts) {
      if (p.share > 0) parts.push(`<rect x="${round(x(start))}" y="${round(top)}" width="${round(x(start + p.share) - x(start))}" height="${round(h)}" fill="${sentimentColours[p.key] ?? chartColours.band}" stroke="#ffffff" stroke-width="1"/>`);
      start += p.share;
    }
    parts.push(`<text x="${plot.right + 6}" y="${round(top + h / 2)}" dominant-baseline="middle" font-size="12" fill="#1a1a1a">${e(row.note)}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

// --- calibration -------------------------------------------------------------------------------

export function calibrationChart(points: Array<{ label: string; predicted: number; actual: number }>, options: {
  id: string; title: string; desc: string; xLabel: string; yLabel: string; format: (v: number) => string; describe: (p: { label: string; predicted: number; actual: number }) => string;
}): string {
  const frame: Frame = { width: 480, height: 400, margin: { top: 16, right: 16, bottom: 48, left: 60 } };
  const plot = { left: frame.margin.left, right: frame.width - frame.margin.right, top: frame.margin.top, bottom: frame.height - frame.margin.bottom };
  const max = Math.min(1, Math.max(0.1, ...points.flatMap((p) => [p.predicted, p.actual])) * 1.1);
  const x = linearScale([0, max], [plot.left, plot.right]);
  const y = linearScale([0, max], [plot.bottom, plot.top]);
  const parts = open(options.id, frame, options.title, options.desc, 'calibration');
  parts.push(`<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="${axis}"/>`);
  parts.push(`<line x1="${round(x(0))}" y1="${round(y(0))}" x2="${round(x(max))}" y2="${round(y(max))}" stroke="${chartColours.zero}" stroke-dasharray="5 4"/>`);
  for (const v of [0, max / 2, max]) {
    parts.push(`<text x="${round(x(v))}" y="${plot.bottom + 18}" text-anchor="middle" font-size="12" fill="${axis}">${e(options.format(v))}</text>`);
    parts.push(`<text x="${plot.left - 6}" y="${round(y(v))}" text-anchor="end" dominant-baseline="middle" font-size="12" fill="${axis}">${e(options.format(v))}</text>`);
  }
  parts.push(`<text x="${round((plot.left + plot.right) / 2)}" y="${frame.height - 8}" text-anchor="middle" font-size="12" fill="${axis}">${e(options.xLabel)}</text>`);
  const midY = round((plot.top + plot.bottom) / 2);
  parts.push(`<text x="14" y="${midY}" transform="rotate(-90 14 ${midY})" text-anchor="middle" font-size="12" fill="${axis}">${e(options.yLabel)}</text>`);
  for (const p of points) {
    parts.push(`<g class="point"><circle cx="${round(x(p.predicted))}" cy="${round(y(p.actual))}" r="5" fill="${chartColours.line}"/><title>${e(options.describe(p))}</title>`
      + `<text x="${round(x(p.predicted) + 8)}" y="${round(y(p.actual) + 4)}" font-size="11" fill="#1a1a1a">${e(p.label)}</text></g>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
