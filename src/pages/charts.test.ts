import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { linearScale, niceDomain, npsBand, ticks, trendChart, trendGeometry, type Frame, type TrendPoint } from './charts.ts';

// Plot area: x 60…380 (320 wide), y 20…170 (150 high).
const frame: Frame = { width: 400, height: 200, margin: { top: 20, right: 20, bottom: 30, left: 60 } };
// Domain −50…100 over 150 px: y(v) = 170 − (v + 50), so y(0) = 120, y(100) = 20, y(−50) = 170.
const domain: [number, number] = [-50, 100];
const points: TrendPoint[] = [
  { label: 'Jan', value: 20, low: 0, high: 40, n: 30 },
  { label: 'Feb', value: null, low: null, high: null, n: 2 },
  { label: 'Mar', value: 40, low: 10, high: 70, n: 50 },
  { label: 'Apr', value: 10, low: -10, high: 30, n: 60 },
];

describe('chart geometry', () => {
  test('a linear scale maps the domain ends onto the range ends, reversed ranges flip', () => {
    assert.equal(linearScale([0, 10], [0, 100])(2.5), 25);
    assert.equal(linearScale([-50, 100], [170, 20])(0), 120);
    assert.equal(linearScale([-50, 100], [170, 20])(100), 20);
  });

  test('each period sits in the middle of its equal slice of the plot width', () => {
    // 320 px / 4 periods = 80 px slices; centres at 60 + 40, +80, +80, +80.
    const g = trendGeometry(points, frame, domain);
    assert.deepEqual(g.xs, [100, 180, 260, 340]);
    assert.deepEqual(g.plot, { left: 60, right: 380, top: 20, bottom: 170 });
    // One period takes the middle of the whole plot: 60 + 320 / 2 = 220.
    assert.deepEqual(trendGeometry([points[0]], frame, domain).xs, [220]);
  });

  test('a period without a value breaks the line and the band into two segments', () => {
    const g = trendGeometry(points, frame, domain);
    assert.equal(g.segments.length, 2);
    // Jan alone: value 20 → y 100; band 40 → 80 and 0 → 120.
    assert.deepEqual(g.segments[0], { indexes: [0], line: [[100, 100]], band: [[100, 80], [100, 120]] });
    // Mar 40 → 80, Apr 10 → 110; upper bounds 70 → 50, 30 → 90 left to right; lower −10 → 130, 10 → 110 right to left.
    assert.deepEqual(g.segments[1], {
      indexes: [2, 3],
      line: [[260, 80], [340, 110]],
      band: [[260, 50], [340, 90], [340, 130], [260, 110]],
    });
  });

  test('the SVG carries the hand-computed line, band and whisker, with title and desc', () => {
    const svg = trendChart(points, {
      id: 'trend', title: 'NPS by month', desc: 'Four months', frame, domain, yLabel: 'NPS',
      describePoint: (p) => `${p.label}: ${p.value}`,
    });
    assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="trend-title trend-desc"/);
    assert.match(svg, /<title id="trend-title">NPS by month<\/title><desc id="trend-desc">Four months<\/desc>/);
    assert.ok(svg.includes('<path class="line" d="M260 80 L340 110"'), svg);
    assert.ok(svg.includes('<polygon class="band" points="260,50 340,90 340,130 260,110"'), svg);
    assert.ok(svg.includes('<line class="whisker" x1="100" x2="100" y1="80" y2="120"'), svg);
    // Three points, each with an accessible title; none for the empty month.
    assert.equal(svg.match(/<circle /g)?.length, 3);
    assert.ok(svg.includes('<circle cx="100" cy="100" r="3.5" fill="#0072B2"><title>Jan: 20</title></circle>'));
    // Ticks every 50 on a 150-point span: −50 → 170, 0 → 120 (dashed zero line), 50 → 70, 100 → 20.
    for (const y of [170, 120, 70, 20]) assert.ok(svg.includes(`y1="${y}" y2="${y}"`), `gridline at ${y}`);
  });

  test('text in titles and labels is escaped', () => {
    const svg = trendChart([{ label: '<b>', value: 1, low: 0, high: 2, n: 9 }], {
      id: 'x', title: 'A & B', desc: '"quoted"', yLabel: 'NPS', describePoint: () => '<script>',
    });
    assert.ok(!svg.includes('<script>') && !svg.includes('<b>'));
    assert.ok(svg.includes('A &amp; B') && svg.includes('&quot;quoted&quot;') && svg.includes('&lt;script&gt;'));
  });

  test('the y domain holds every value and zero in steps of ten, at least 20 wide, within −100…100', () => {
    assert.deepEqual(niceDomain([-12, 35, 47]), [-20, 50]);
    assert.deepEqual(niceDomain([]), [0, 20]);
    assert.deepEqual(niceDomain([3, 4]), [0, 20]);
    assert.deepEqual(niceDomain([95, 105], { limits: [-100, 100] }), [0, 100]);
    assert.deepEqual(niceDomain([-100, 100], { limits: [-100, 100] }), [-100, 100]);
    // [0, 10] is too narrow and cannot grow past the upper limit 10, so it grows down to −10.
    assert.deepEqual(niceDomain([5], { limits: [-100, 10] }), [-10, 10]);
    assert.deepEqual(ticks([-20, 50], 20), [-20, 0, 20, 40]);
  });

  test('NPS bands: below 0 critical, 0–29 fair, 30–50 good, above 50 excellent', () => {
    assert.deepEqual([-1, 0, 29.9, 30, 50, 50.1, 100].map(npsBand), ['critical', 'fair', 'fair', 'good', 'good', 'excellent', 'excellent']);
  });
});
