/**
 * Charts as pure functions: plain data in, an SVG string out. No DOM, no clock, no
 * script, so a chart renders on the server, works without JavaScript and passes a strict
 * CSP (colours are presentation attributes, never `style=""`). Every chart carries
 * `<title>`/`<desc>` and is shown next to a data table with the same figures (WCAG 1.1.1).
 *
 * Geometry is computed apart from markup (`trendGeometry`) so the coordinates can be tested
 * against hand arithmetic.
 */
import { escapeHtml } from './html.ts';

export type Domain = [min: number, max: number];
export type Point = [x: number, y: number];

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** Maps `domain` linearly onto `range` (a reversed range flips the axis, as SVG y needs). */
export function linearScale(domain: Domain, range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (value) => r0 + ((value - d0) * (r1 - r0)) / (d1 - d0);
}

/**
 * A y-domain in whole steps that holds every value and zero, clipped to `limits`
 * (NPS: −100…100) and at least `minSpan` wide, so a flat series is not magnified into noise.
 */
export function niceDomain(values: number[], options: { step?: number; limits?: Domain; minSpan?: number } = {}): Domain {
  const step = options.step ?? 10;
  const [lo, hi] = options.limits ?? [-Infinity, Infinity];
  const minSpan = options.minSpan ?? 2 * step;
  const finite = values.filter((v) => Number.isFinite(v));
  let min = Math.min(0, ...finite);
  let max = Math.max(0, ...finite);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  while (max - min < minSpan) {
    // Grow on the side with room, upwards first.
    if (max + step <= hi) max += step;
    else if (min - step >= lo) min -= step;
    else break;
  }
  return [Math.max(min, lo), Math.min(max, hi)];
}

/** Evenly spaced tick values from min to max inclusive. */
export function ticks(domain: Domain, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(domain[0] / step) * step; v <= domain[1] + 1e-9; v += step) out.push(v);
  return out;
}

/** A period in a trend; `value`, `low`, `high` null when there is nothing (or too little) to show. */
export interface TrendPoint {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number | null;
}

export interface TrendGeometry {
  /** Centre of each period's band on the x axis. */
  xs: number[];
  y: (value: number) => number;
  /** Runs of consecutive periods that have a value; a gap breaks the line and the band. */
  segments: Array<{ indexes: number[]; line: Point[]; band: Point[] }>;
  plot: { left: number; right: number; top: number; bottom: number };
}

/**
 * Coordinates of a trend with a confidence band. Each period owns an equal slice of the plot
 * width and its point sits in the slice's middle, so one period and many periods both lay out
 * without special cases. The band polygon runs along the upper bounds left to right, then
 * back along the lower bounds right to left.
 */
export function trendGeometry(points: TrendPoint[], frame: Frame, domain: Domain): TrendGeometry {
  const { width, height, margin } = frame;
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  const slice = points.length > 0 ? (plot.right - plot.left) / points.length : 0;
  const xs = points.map((_, i) => plot.left + (i + 0.5) * slice);
  const y = linearScale(domain, [plot.bottom, plot.top]);
  const segments: TrendGeometry['segments'] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const line = run.map((i): Point => [xs[i], y(points[i].value as number)]);
    const withBand = run.filter((i) => points[i].low !== null && points[i].high !== null);
    const upper = withBand.map((i): Point => [xs[i], y(points[i].high as number)]);
    const lower = withBand.map((i): Point => [xs[i], y(points[i].low as number)]).reverse();
    segments.push({ indexes: run, line, band: [...upper, ...lower] });
    run = [];
  };
  points.forEach((p, i) => { if (p.value === null) flush(); else run.push(i); });
  flush();
  return { xs, y, segments, plot };
}

const round = (v: number) => Math.round(v * 10) / 10;
const pointList = (points: Point[]) => points.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');
const pathOf = (points: Point[]) => points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`).join(' ');

/**
 * Colour-blind-safe colours (Okabe–Ito blue, and a light tint of it for the interval band);
 * the chart never relies on colour alone: values are in the point titles and the table.
 */
export const chartColours = { line: '#0072B2', band: '#56B4E9', grid: '#d0d0d0', axis: '#333333', zero: '#555555' } as const;

export interface TrendChartOptions {
  id: string;
  title: string;
  desc: string;
  frame?: Frame;
  domain?: Domain;
  /** Label of the y axis, e.g. "NPS". */
  yLabel: string;
  /** Text of one point's tooltip/accessible name. */
  describePoint: (point: TrendPoint) => string;
  formatTick?: (value: number) => string;
  /** Show every k-th x label so they do not collide (default: fits about eight labels). */
  labelEvery?: number;
  /** Distance between y ticks (default: 10, 20 or 50 by the domain's span). */
  tickStep?: number;
}

export const defaultTrendFrame: Frame = { width: 720, height: 280, margin: { top: 16, right: 16, bottom: 40, left: 48 } };

/** Line chart of a metric by period with its 95 % confidence band, as an SVG string. */
export function trendChart(points: TrendPoint[], options: TrendChartOptions): string {
  const frame = options.frame ?? defaultTrendFrame;
  const bounds = points.flatMap((p) => [p.value, p.low, p.high]).filter((v): v is number => v !== null);
  const domain = options.domain ?? niceDomain(bounds, { limits: [-100, 100] });
  const g = trendGeometry(points, frame, domain);
  const span = domain[1] - domain[0];
  const tickValues = ticks(domain, options.tickStep ?? (span > 100 ? 50 : span > 40 ? 20 : 10));
  const formatTick = options.formatTick ?? String;
  const every = options.labelEvery ?? Math.max(1, Math.ceil(points.length / 8));
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" id="${e(options.id)}" class="chart trend" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-labelledby="${e(titleId)} ${e(descId)}" focusable="false">`);
  parts.push(`<title id="${e(titleId)}">${e(options.title)}</title>`);
  parts.push(`<desc id="${e(descId)}">${e(options.desc)}</desc>`);
  parts.push('<g class="grid">');
  for (const v of tickValues) {
    const y = round(g.y(v));
    parts.push(`<line x1="${g.plot.left}" x2="${g.plot.right}" y1="${y}" y2="${y}" stroke="${v === 0 ? chartColours.zero : chartColours.grid}" stroke-width="1"${v === 0 ? ' stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${g.plot.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" font-size="12" fill="${chartColours.axis}">${e(formatTick(v))}</text>`);
  }
  parts.push('</g>');
  parts.push(`<text x="12" y="${round((g.plot.top + g.plot.bottom) / 2)}" transform="rotate(-90 12 ${round((g.plot.top + g.plot.bottom) / 2)})" text-anchor="middle" font-size="12" fill="${chartColours.axis}">${e(options.yLabel)}</text>`);
  parts.push('<g class="x-labels">');
  points.forEach((p, i) => {
    if (i % every !== 0) return;
    parts.push(`<text x="${round(g.xs[i])}" y="${g.plot.bottom + 18}" text-anchor="middle" font-size="12" fill="${chartColours.axis}">${e(p.label)}</text>`);
  });
  parts.push('</g>');
  for (const s of g.segments) {
    if (s.band.length >= 4) parts.push(`<polygon class="band" points="${pointList(s.band)}" fill="${chartColours.band}" fill-opacity="0.35" stroke="none"/>`);
  }
  for (const s of g.segments) {
    if (s.line.length >= 2) parts.push(`<path class="line" d="${pathOf(s.line)}" fill="none" stroke="${chartColours.line}" stroke-width="2.5"/>`);
    // An isolated period has no band area to fill: its interval is drawn as a whisker.
    else if (s.band.length === 2) {
      const [[x, top], [, bottom]] = s.band;
      parts.push(`<line class="whisker" x1="${round(x)}" x2="${round(x)}" y1="${round(top)}" y2="${round(bottom)}" stroke="${chartColours.band}" stroke-width="6"/>`);
    }
  }
  parts.push('<g class="points">');
  for (const s of g.segments) {
    s.indexes.forEach((index, k) => {
      const [x, y] = s.line[k];
      parts.push(`<circle cx="${round(x)}" cy="${round(y)}" r="3.5" fill="${chartColours.line}"><title>${e(options.describePoint(points[index]))}</title></circle>`);
    });
  }
  parts.push('</g>');
  parts.push(`<line x1="${g.plot.left}" x2="${g.plot.right}" y1="${g.plot.bottom}" y2="${g.plot.bottom}" stroke="${chartColours.axis}" stroke-width="1"/>`);
  parts.push('</svg>');
  return parts.join('');
}

/**
 * NPS bands for coloured cells. Seed 003 calls NPS above 50 excellent; the other cut points
 * (0, 30) are the common reading of the scale. The palette is a blue–orange diverging one
 * (ColorBrewer PuOr/RdBu light tints) that stays distinct under protanopia and deuteranopia,
 * and every cell also prints its number and band name, so colour is never the only cue.
 */
export const npsBands = ['critical', 'fair', 'good', 'excellent'] as const;
export type NpsBand = (typeof npsBands)[number];

export function npsBand(nps: number): NpsBand {
  if (nps < 0) return 'critical';
  if (nps < 30) return 'fair';
  if (nps <= 50) return 'good';
  return 'excellent';
}

/** Background per band; all carry #1a1a1a text at a contrast ratio above 7:1. */
export const npsBandColours: Record<NpsBand, string> = {
  critical: '#f4a582',
  fair: '#fddbc7',
  good: '#d1e5f0',
  excellent: '#92c5de',
};
