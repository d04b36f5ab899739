import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barChart, barGeometry, matrixGeometry, paddedDomain, priorityMatrixChart } from './analysis-charts.ts';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test('a padded domain adds a tenth of the span each side; a single value gets ±1 first', () => {
  assert.deepEqual(paddedDomain([4, 6, 5]), [3.8, 6.2]);
  assert.deepEqual(paddedDomain([5]), [3.8, 6.2]);
  assert.deepEqual(paddedDomain([]), [0, 1]);
});

test('priority matrix on the scale\'s real range: a small gap stays small', () => {
  const points = [{ label: 'a', x: 10, y: 5.8, quadrant: 'low_priority' }, { label: 'b', x: 50, y: 6, quadrant: 'keep' }];
  const g = matrixGeometry(points, { x: 30, y: 5.9 }, undefined, [1, 7]);
  assert.deepEqual(g.yDomain, [1, 7]);
  // 1–7 over 392…24 px: 368 px for 6 points, so the 0.2 gap is 368 · 0.2 / 6 = 12.27 px, not most of the height.
  close(g.cy[0] - g.cy[1], (368 * 0.2) / 6);
  close(g.cy[1], 392 - (368 * 5) / 6);
  // Without the range the same gap is padded out to 0.2 / 0.24 of the height.
  const padded = matrixGeometry(points, { x: 30, y: 5.9 });
  close(padded.cy[0] - padded.cy[1], (368 * 0.2) / 0.24);
});

test('priority matrix: the split lines sit at the thresholds, by hand', () => {
  const points = [{ label: 'a', x: 10, y: 4, quadrant: 'low_priority' }, { label: 'b', x: 50, y: 6, quadrant: 'keep' }];
  const g = matrixGeometry(points, { x: 30, y: 5 });
  // x: [0, 10, 50, 30] padded to [-5, 55], clipped at 0 → [0, 55] over 64…696 px.
  assert.deepEqual(g.xDomain, [0, 55]);
  close(g.splitX, 64 + (30 / 55) * 632);
  close(g.cx[1], 64 + (50 / 55) * 632);
  // y: [4, 6, 5] padded to [3.8, 6.2] over 392…24 px (up is higher): 5 → 392 − 1.2 · 368 / 2.4 = 208.
  close(g.splitY, 208);
  close(g.cy[0], 392 - (0.2 * 368) / 2.4);
  const svg = priorityMatrixChart(points, {
    id: 'm', title: 'Priority matrix', desc: 'd', xLabel: 'x', yLabel: 'y', thresholds: { x: 30, y: 5 },
    quadrantLabels: { fix_first: 'Fix first', keep: 'Keep', overkill: 'Overkill', low_priority: 'Low priority' },
    formatX: String, formatY: String, describe: (p) => `${p.label}: ${p.quadrant}`,
  });
  // Every quadrant is named in text, each point has its label and an accessible description.
  for (const name of ['Fix first', 'Keep', 'Overkill', 'Low priority']) assert.ok(svg.includes(`>${name}</text>`), name);
  assert.ok(svg.includes('<title>b: keep</title>') && svg.includes('>b</text>'));
  assert.doesNotMatch(svg, /style=/);
});

test('bars: lengths from zero on a domain 5 % past the largest end, by hand', () => {
  const frame = { width: 720, height: 200, margin: { top: 12, right: 72, bottom: 44, left: 300 } };
  const g = barGeometry([{ label: 'a', value: 10 }, { label: 'b', value: 40, low: 30, high: 50 }], frame);
  assert.deepEqual(g.domain, [0, 52.5]);
  close(g.x(40), 300 + (40 / 52.5) * 348);
  close(g.band, (200 - 44 - 12) / 2);
  const svg = barChart([{ label: 'b', value: 40, low: 30, high: 50 }], { id: 'w', title: 't', desc: 'd', xLabel: 'x', format: String, describe: (b) => `${b.label} ${b.value}` });
  assert.match(svg, /<line class="interval" x1="[\d.]+" x2="[\d.]+"/);
});
