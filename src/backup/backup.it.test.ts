import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testBackend, testDatabase } from '../../test/helpers/db.ts';
import { journeyWithTouchpoint, pulseSurvey } from '../../test/helpers/factories.ts';
import { openPglite, type Database } from '../db/connection.ts';
import { ingestResponses } from '../responses/service.ts';
import { backupDatabase, restoreDatabase } from './service.ts';

/** Every public table's rows, as one sorted text per table: equal text = equal data. */
async function contents(db: Database): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ digest: string; n: number }>(
      `select md5(coalesce(string_agg(j, e'\\n' order by j), '')) as digest, count(*)::int as n from (select to_jsonb(x)::text as j from "${name}" x) t`);
    result[name] = `${row.n}:${row.digest}`;
  }
  return result;
}

describe('backup and restore', () => {
  let t: TestApp;
  let dir: string;
  let file: string;
  let surveyId: string;
  const targets: Database[] = [];

  before(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'kaiku-backup-'));
    file = join(dir, 'kaiku.backup');
    // A unit tree created children first by id order would break a naive restore: parents must come first.
    const root = (await t.api('/api/v1/units', { body: { name: 'Root' } })).body.id;
    const mid = (await t.api('/api/v1/units', { body: { name: 'Mid', parentId: root } })).body.id;
    await t.api('/api/v1/units', { body: { name: 'Leaf', parentId: mid } });
    const { touchpointId } = await journeyWithTouchpoint(t);
    surveyId = (await t.api('/api/v1/surveys', { body: pulseSurvey(touchpointId) })).body.id;
    const batch = await t.api('/api/v1/responses/batch', { body: { responses: [
      { surveyId, touchpointId, submittedAt: '2026-01-05T10:00:00.123456Z', answers: [{ question: 'nps', value: 9 }, { question: 'nps_why', value: 'Hyvä "palvelu"\nkiitos' }] },
      { surveyId, touchpointId, submittedAt: '2026-01-06T10:00:00Z', answers: [{ question: 'nps', value: 2 }, { question: 'topic', value: 'billing' }, { question: 'staff_kind', dontKnow: true }] },
    ] } });
    assert.equal(batch.status, 200, JSON.stringify(batch.body));
  });
  after(async () => {
    for (const db of targets) await db.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const emptyTarget = async () => { const db = await testDatabase(); targets.push(db); return db; };

  test('a restore into an empty database holds exactly the backed-up rows, and the restored database keeps working', async () => {
    const progress: number[] = [];
    const header = await backupDatabase(t.db, file, (p) => progress.push(p.rows));
    assert.equal(header.tables.organizations, 1);
    assert.equal(header.tables.responses, 2);
    assert.equal(header.tables.units, 4);
    assert.equal(progress.at(-1), Object.values(header.tables).reduce((a, b) => a + b, 0));

    const target = await emptyTarget();
    await restoreDatabase(target, file);
    assert.deepEqual(await contents(target), await contents(t.db));

    // Identity sequences continue after the restored rows; triggers are back on (rollups follow new answers).
    const before = await contents(target);
    await ingestResponses(target, t.orgId, [{ surveyId, submittedAt: '2026-01-07T10:00:00Z', answers: [{ question: 'nps', value: 10 }] }], 'api');
    const afterwards = await contents(target);
    assert.notEqual(afterwards.responses, before.responses);
    const changed = Object.keys(afterwards).filter((k) => afterwards[k] !== before[k]).sort();
    assert.ok(changed.some((k) => k.startsWith('score_histogram')), `rollup tables follow new answers: ${changed.join(', ')}`);
  });

  test('a backup restores on the other backend too (PostgreSQL → embedded PGlite)', { skip: testBackend !== 'postgres' && 'runs in the PostgreSQL pass' }, async () => {
    const embedded = await openPglite();
    targets.push(embedded);
    await embedded.migrate();
    await restoreDatabase(embedded, file);
    assert.deepEqual(await contents(embedded), await contents(t.db));
  });

  test('restore refuses a database with data, a foreign file and a truncated backup, leaving the target empty', async () => {
    const full = await emptyTarget();
    await restoreDatabase(full, file);
    await assert.rejects(restoreDatabase(full, file), /Restore needs an empty database; .* already hold data/);

    const target = await emptyTarget();
    const empty = await contents(target);
    const foreign = join(dir, 'foreign.gz');
    writeFileSync(foreign, gzipSync('{"hello": "world"}\n'));
    await assert.rejects(restoreDatabase(target, foreign), /is not a Kaiku backup/);
    const plain = join(dir, 'plain.txt');
    writeFileSync(plain, 'not gzip at all');
    await assert.rejects(restoreDatabase(target, plain), /is not a Kaiku backup/);
    await assert.rejects(restoreDatabase(target, join(dir, 'missing.backup')), /not found/);

    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const lastRow = lines.findLastIndex((line) => !line.startsWith('{"table":'));
    const truncated = join(dir, 'truncated.backup');
    writeFileSync(truncated, gzipSync(`${lines.filter((_, i) => i !== lastRow).join('\n')}\n`));
    await assert.rejects(restoreDatabase(target, truncated), /is truncated: table \w+ has \d+ of \d+ rows/);
    const withoutLastTable = join(dir, 'without-last-table.backup');
    writeFileSync(withoutLastTable, gzipSync(`${lines.slice(0, lines.findLastIndex((line) => line.startsWith('{"table":'))).join('\n')}\n`));
    await assert.rejects(restoreDatabase(target, withoutLastTable), /is truncated: table \w+ has no of \d+ rows/);
    assert.deepEqual(await contents(target), empty, 'a failed restore leaves nothing behind');

    const older = JSON.parse(lines[0]);
    older.migrations = older.migrations.slice(0, -1);
    const mismatched = join(dir, 'older.backup');
    writeFileSync(mismatched, gzipSync(`${[JSON.stringify(older), ...lines.slice(1)].join('\n')}\n`));
    await assert.rejects(restoreDatabase(target, mismatched), /made with \d+ database migrations and this Kaiku has \d+/);
  });
});
