/**
 * The "Closing the loop" page shows the case figures of its period and unit, each with its n,
 * checked against values worked out by hand from the cases below.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';

const clock = new Date('2026-04-15T10:00:00Z');
const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();

describe('closing the loop page', () => {
  let t: TestApp;
  let unitA: string;
  let unitB: string;
  before(async () => {
    t = await startTestApp({ now: () => clock });
    unitA = (await t.api('/api/v1/units', { body: { name: 'Service A' } })).body.id;
    const unitA1 = (await t.api('/api/v1/units', { body: { name: 'Service A1', parentId: unitA } })).body.id;
    unitB = (await t.api('/api/v1/units', { body: { name: 'Service B' } })).body.id;
    // created (UTC), owner unit, first action after h, resolved after h, due after h, status, reopened, recovered
    const cases: Array<[string, string, number | null, number | null, number, string, number, boolean | null, string?]> = [
      ['2026-03-02T08:00:00Z', unitA, 2, 10, 24, 'resolved', 0, true],          // 1: within SLA, won back
      ['2026-03-05T08:00:00Z', unitA1, 4, 30, 24, 'closed', 0, false],          // 2: late, not won back
      ['2026-03-10T08:00:00Z', unitB, 6, null, 24, 'in_progress', 0, null],     // 3: open and overdue
      ['2026-03-12T08:00:00Z', unitB, null, null, 24 * 60, 'new', 0, null],     // 4: open, due in May
      ['2026-03-15T08:00:00Z', unitA, 1, 20, 8, 'resolved', 1, null],           // 5: re-opened, then resolved late
      ['2026-02-20T08:00:00Z', unitA, 1, 2, 24, 'resolved', 0, true],           // before the period
      ['2026-03-20T08:00:00Z', unitA, 1, 2, 24, 'resolved', 0, null, 'praise'], // praise is no problem case
    ];
    for (const [created, unit, first, resolved, due, status, reopened, recovered, kind] of cases) {
      await t.db.query(
        `insert into cases (org_id, id, kind, title, status, owner_unit_id, unit_id, due_at, first_action_at, resolved_at, closed_at, reopen_count, recovered, created_at, updated_at)
         values ($1, $2, $3, 'Case', $4, $5, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
        [t.orgId, randomUUID(), kind ?? 'problem', status, unit, hours(created, due), first === null ? null : hours(created, first),
          resolved === null ? null : hours(created, resolved), status === 'closed' ? hours(created, 40) : null, reopened, recovered, created]);
    }
  });
  after(async () => { await t.close(); });

  const figures = async (query: string) => {
    const res = await t.api(`/app/loop?lang=en&${query}`);
    assert.equal(res.status, 200, String(res.body));
    const page = String(res.body);
    const cells = new Map<string, [string, string]>();
    for (const m of page.matchAll(/<tr data-figure="([a-z-]+)"><th scope="row">[^<]*<\/th>\s*<td class="num">([^<]*)<\/td>\s*<td class="num">([^<]*)<\/td>/g)) {
      cells.set(m[1], [m[2], m[3]]);
    }
    return { page, cells: Object.fromEntries(cells) };
  };

  test('March, all units: the figures and their n as worked out by hand', async () => {
    const { page, cells } = await figures('from=2026-03-01&to=2026-03-31');
    assert.deepEqual(cells, {
      cases: ['5', ''],
      open: ['2', '5 cases'],
      overdue: ['1', '5 cases'],
      // Resolved with a due time: 1 (10 h of 24), 2 (30 of 24), 5 (20 of 8): 1 of 3.
      'within-sla': ['33.3%', '3 resolved with a due time'],
      // First actions after 2, 4, 6 and 1 hours: median (2 + 4) / 2.
      'first-action': ['3.0 h', '4 cases with an action'],
      // Resolved after 10, 30 and 20 hours.
      resolution: ['20.0 h', '3 resolved'],
      reopen: ['33.3%', '3 ever resolved'],
      recovery: ['50.0%', '2 detractors who answered again'],
    });
    assert.ok(page.includes('<h1>Closing the loop</h1>'));
    assert.ok(page.includes('href="/app?from=2026-03-01&amp;to=2026-03-31"'), 'the overview link keeps the filters');
  });

  test('the unit filter takes the unit and its sub-units', async () => {
    const a = (await figures(`from=2026-03-01&to=2026-03-31&unit=${unitA}`)).cells;
    // Cases 1, 2 (A1 is under A) and 5.
    assert.deepEqual([a.cases[0], a.open[0], a['within-sla'], a['first-action'], a.resolution, a.recovery],
      ['3', '0', ['33.3%', '3 resolved with a due time'], ['2.0 h', '3 cases with an action'], ['20.0 h', '3 resolved'], ['50.0%', '2 detractors who answered again']]);
    const b = (await figures(`from=2026-03-01&to=2026-03-31&unit=${unitB}`)).cells;
    assert.deepEqual([b.cases[0], b.open[0], b.overdue[0], b['within-sla'], b['first-action'], b.recovery],
      ['2', '2', '1', ['–', '0 resolved with a due time'], ['6.0 h', '1 cases with an action'], ['–', '0 detractors who answered again']]);
  });

  test('in Finnish, Swedish and Polish too, and a filter that does not parse is named', async () => {
    for (const [lang, title] of [['fi', 'Silmukan sulkeminen'], ['sv', 'Att sluta cirkeln'], ['pl', 'Zamykanie pętli']]) {
      const res = await t.api(`/app/loop?lang=${lang}&from=2026-03-01&to=2026-03-31`);
      assert.ok(String(res.body).includes(`<h1>${title}</h1>`), lang);
    }
    const res = await t.api('/app/loop?lang=en&from=2026-13-01');
    assert.ok(String(res.body).includes('The filter “From” could not be read'));
  });
});
