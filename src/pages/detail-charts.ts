/**
 * The touchpoint / question page's charts, as pure functions like charts.ts: plain data in,
 * an SVG string out, geometry apart from markup so it can be checked by hand. Each chart has
 * `<title>`/`<desc>`, prints its figures as text in the chart, and sits beside a table with
 * the same figures; colours come from colour-blind-safe palettes and never carry meaning alone.
 */
import { escapeHtml } from './html.ts';
import { chartColours } from './charts.ts';

const e = escapeHtml;
const round = (v: number) => Math.round(v * 10) / 10;

// --- score distribution ---------------------------------------------------------------------

export interface DistributionBar { label: string; count: number; share: number; group?: 'low' | 'middle' | 'high' }

/** Bar heights for shares 0–1 in a plot of `height` (the tallest bar fills it). */
export function distributionGeometry(bars: DistributionBar[], width: number, height: number): Array<{ x: number; y: number; w: number; h: number }> {
  const max = Math.max(0, ...bars.map((b) => b.share));
  const slot = bars.length > 0 ? width / bars.length : 0;
  return bars.map((b, i) => {
    const h = max > 0 ? (b.share / max) * height : 0;
    return { x: i * slot + slot * 0.15, y: height - h, w: slot * 0.7, h };
  });
}

/** Detractor/passive/promoter (or low/middle/high) colours: Okabe–Ito vermilion, grey, blue. */
export const groupColours = { low: '#D55E00', middle: '#999999', high: '#0072B2' } as const;

export function distributionChart(bars: DistributionBar[], options: { id: string; title: string; desc: string; formatShare: (share: number) => string; describe: (bar: DistributionBar) => string }): string {
  const width = 720; const height = 240; const top = 24; const bottom = 36; const left = 16; const right = 16;
  const plotW = width - left - right; const plotH = height - top - bottom;
  const geo = distributionGeometry(bars, plotW, plotH);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" id="${e(options.id)}" class="chart distribution" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${e(options.id)}-title ${e(options.id)}-desc" focusable="false">`);
  parts.push(`<title id="${e(options.id)}-title">${e(options.title)}</title><desc id="${e(options.id)}-desc">${e(options.desc)}</desc>`);
  bars.forEach((bar, i) => {
    const g = geo[i];
    const x = round(left + g.x); const y = round(top + g.y);
    parts.push(`<rect x="${x}" y="${y}" width="${round(g.w)}" height="${round(g.h)}" fill="${groupColours[bar.group ?? 'high']}"><title>${e(options.describe(bar))}</title></rect>`);
    parts.push(`<text x="${round(x + g.w / 2)}" y="${round(y - 6)}" text-anchor="middle" font-size="12" fill="${chartColours.axis}">${e(options.formatShare(bar.share))}</text>`);
    parts.push(`<text x="${round(x + g.w / 2)}" y="${height - bottom + 18}" text-anchor="middle" font-size="12" fill="${chartColours.axis}">${e(bar.label)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="${chartColours.axis}" stroke-width="1"/>`);
  parts.push('</svg>');
  return parts.join('');
}

// --- Likert diverging bars ------------------------------------------------------------------

export interface LikertRow {
  label: string;
  /** Shares of the scale answers (don't know excluded), 0–1. */
  disagree: number;
  neutral: number;
  agree: number;
  /** Share of all answers, don't know included, 0–1; drawn apart. */
  dontKnow: number;
}

/**
 * Diverging stacked bars centred on the middle of the neutral share: disagree runs left of
 * −neutral/2, agree right of +neutral/2, each as a share of the scale answers, on a scale of
 * −1…1 mapped to `width`. Returns x extents in plot units.
 */
export function divergingGeometry(row: LikertRow, width: number) {
  const centre = width / 2;
  const unit = width / 2; // a share of 1 spans half the plot
  const half = (row.neutral / 2) * unit;
  return {
    disagree: { x: centre - half - row.disagree * unit, w: row.disagree * unit },
    neutral: { x: centre - half, w: row.neutral * unit },
    agree: { x: centre + half, w: row.agree * unit },
  };
}

/** Disagree | neutral | agree (ColorBrewer PuOr ends and a grey), don't know a hatched-free light grey apart. */
export const likertColours = { disagree: '#E66101', neutral: '#BDBDBD', agree: '#5E3C99', dontKnow: '#E0E0E0' } as const;

export function likertChart(rows: LikertRow[], options: {
  id: string; title: string; desc: string; formatShare: (share: number) => string; describe: (row: LikertRow) => string;
  legend: { disagree: string; neutral: string; agree: string; dontKnow: string };
}): string {
  const labelW = 220; const plotW = 400; const gap = 24; const dkW = 80; const rowH = 34; const top = 40;
  const width = labelW + plotW + gap + dkW + 16;
  const height = top + rows.length * rowH + 12;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" id="${e(options.id)}" class="chart likert" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${e(options.id)}-title ${e(options.id)}-desc" focusable="false">`);
  parts.push(`<title id="${e(options.id)}-title">${e(options.title)}</title><desc id="${e(options.id)}-desc">${e(options.desc)}</desc>`);
  // Legend as text over the columns: the words, not the colours, say what each part is.
  parts.push(`<text x="${labelW + plotW / 4}" y="16" text-anchor="middle" font-size="12" fill="${chartColours.axis}">◀ ${e(options.legend.disagree)}</text>`);
  parts.push(`<text x="${labelW + plotW / 2}" y="32" text-anchor="middle" font-size="12" fill="${chartColours.axis}">${e(options.legend.neutral)}</text>`);
  parts.push(`<text x="${labelW + (3 * plotW) / 4}" y="16" text-anchor="middle" font-size="12" fill="${chartColours.axis}">${e(options.legend.agree)} ▶</text>`);
  parts.push(`<text x="${labelW + plotW + gap + dkW / 2}" y="16" text-anchor="middle" font-size="12" fill="${chartColours.axis}">${e(options.legend.dontKnow)}</text>`);
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    const g = divergingGeometry(row, plotW);
    parts.push(`<g><title>${e(options.describe(row))}</title>`);
    const label = row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label;
    parts.push(`<text x="${labelW - 8}" y="${y + rowH / 2}" text-anchor="end" dominant-baseline="middle" font-size="12" fill="${chartColours.axis}">${e(label)}</text>`);
    for (const part of ['disagree', 'neutral', 'agree'] as const) {
      const { x, w } = g[part];
      if (w <= 0) continue;
      parts.push(`<rect x="${round(labelW + x)}" y="${y + 4}" width="${round(w)}" height="${rowH - 8}" fill="${likertColours[part]}" stroke="#ffffff" stroke-width="1"/>`);
      if (w >= 34) {
        parts.push(`<text x="${round(labelW + x + w / 2)}" y="${y + rowH / 2}" text-anchor="middle" dominant-baseline="middle" font-size="12" fill="${part === 'neutral' ? '#1a1a1a' : '#ffffff'}">${e(options.formatShare(row[part]))}</text>`);
      }
    }
    const dkW_ = row.dontKnow * dkW;
    const dkX = labelW + plotW + gap;
    parts.push(`<rect x="${dkX}" y="${y + 4}" width="${dkW}" height="${rowH - 8}" fill="none" stroke="${chartColours.grid}" stroke-width="1"/>`);
    if (dkW_ > 0) parts.push(`<rect x="${dkX}" y="${y + 4}" width="${round(dkW_)}" height="${rowH - 8}" fill="${likertColours.dontKnow}" stroke="${chartColours.axis}" stroke-width="1"/>`);
    parts.push(`<text x="${dkX + dkW / 2}" y="${y + rowH / 2}" text-anchor="middle" dominant-baseline="middle" font-size="12" fill="#1a1a1a">${e(options.formatShare(row.dontKnow))}</text>`);
    parts.push('</g>');
  });
  parts.push(`<line x1="${labelW + plotW / 2}" x2="${labelW + plotW / 2}" y1="${top}" y2="${height - 8}" stroke="${chartColours.axis}" stroke-width="1" stroke-dasharray="4 3"/>`);
  parts.push('</svg>');
  return parts.join('');
}
