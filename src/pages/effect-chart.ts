/**
 * The action plan's before/after chart, a pure function like charts.ts: two rows (before,
 * after), each a dot at the value with its 95 % interval as a line, the value printed beside it.
 * Works on any scale (NPS −100…100, shares, means), so the axis spans the figures shown.
 * The page puts a table with the same figures next to it (the text equivalent).
 */
import { escapeHtml } from './html.ts';
import { chartColours, linearScale } from './charts.ts';

const e = escapeHtml;
const round = (v: number) => Math.round(v * 10) / 10;

export interface EffectRow { label: string; value: number; ci95: [number, number] | null; text: string }

/** The axis range: every value and interval end, padded by 10 % (or ±1 when all are equal). */
export function effectDomain(rows: EffectRow[]): [number, number] {
  const all = rows.flatMap((r) => [r.value, ...(r.ci95 ?? [])]);
  const lo = Math.min(...all); const hi = Math.max(...all);
  const pad = hi > lo ? (hi - lo) * 0.1 : 1;
  return [lo - pad, hi + pad];
}

export function effectChart(rows: EffectRow[], options: { id: string; title: string; desc: string }): string {
  const width = 640; const left = 90; const right = 160; const rowH = 44; const top = 12;
  const height = top * 2 + rowH * rows.length;
  const [lo, hi] = effectDomain(rows);
  const scale = linearScale([lo, hi], [left, width - right]);
  const x = (v: number) => round(scale(v));
  const id = e(options.id);
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="chart effect-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">`,
    `<title id="${id}-title">${e(options.title)}</title><desc id="${id}-desc">${e(options.desc)}</desc>`];
  if (lo < 0 && hi > 0) parts.push(`<line x1="${x(0)}" x2="${x(0)}" y1="${top}" y2="${height - top}" stroke="${chartColours.zero}" stroke-dasharray="4 3"/>`);
  rows.forEach((row, i) => {
    const y = top + rowH * i + rowH / 2;
    parts.push(`<text x="${left - 10}" y="${y + 4}" text-anchor="end" font-size="14" fill="${chartColours.axis}">${e(row.label)}</text>`);
    if (row.ci95) parts.push(`<line x1="${x(row.ci95[0])}" x2="${x(row.ci95[1])}" y1="${y}" y2="${y}" stroke="${chartColours.line}" stroke-width="3"/>`);
    parts.push(`<circle cx="${x(row.value)}" cy="${y}" r="7" fill="${chartColours.line}"/>`);
    parts.push(`<text x="${width - right + 10}" y="${y + 4}" font-size="14" fill="${chartColours.axis}">${e(row.text)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
