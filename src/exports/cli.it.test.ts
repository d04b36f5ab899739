import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.ts';
import { openPglite } from '../db/connection.ts';
import { createOrganization } from '../orgs/service.ts';
import { createSurvey } from '../surveys/service.ts';
import { ingestResponses } from '../responses/service.ts';

const capture = () => {
  const io = { outText: '', errText: '', out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; } };
  return io;
};

test('kaiku export writes the file with progress on stderr; bad input exits non-zero and leaves no file', { skip: process.env.KAIKU_TEST_DB === 'postgres' && 'PGlite data directory only' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaiku-export-'));
  const saved = { ...process.env };
  process.env.KAIKU_DATA_DIR = join(dir, 'data');
  delete process.env.DATABASE_URL;
  try {
    const db = await openPglite({ dataDir: process.env.KAIKU_DATA_DIR });
    await db.migrate();
    const orgId = await createOrganization(db, { name: 'Vesi Oy', slug: 'vesi' });
    const survey = await createSurvey(db, orgId, {
      name: 'Pulse', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'Pulssi' },
      questions: [{ key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?' } }],
    });
    const stored = await ingestResponses(db, orgId, [
      { surveyId: survey.id, language: 'fi', submittedAt: '2026-01-05T12:00:00Z', answers: [{ question: 'nps', value: 10 }, { question: 'nps_why', value: '+ hyvä' }] },
      { surveyId: survey.id, language: 'fi', submittedAt: '2026-02-05T12:00:00Z', answers: [{ question: 'nps', value: 4 }] },
    ], 'api');
    await db.close();

    const out = join(dir, 'january.csv');
    const ok = capture();
    assert.equal(await main(['export', 'responses', '--format', 'csv', '--out', out, '--org', 'vesi', '--from', '2026-01-01', '--to', '2026-02-01'], ok), 0, ok.errText);
    assert.match(ok.outText, /^Exported 1 response of "vesi" to .*january\.csv/);
    assert.match(ok.errText, /export: 1 responses written/);
    assert.equal(readFileSync(out, 'utf8'), '\uFEFF'
      + 'response_id,submitted_at,survey_id,touchpoint_id,channel,unit_id,employee_id,contact_id,segment,language,source,is_resurvey,nps,nps_why\r\n'
      + `${stored[0]!.id},2026-01-05T12:00:00.000Z,${survey.id},,,,,,,fi,api,false,10,'+ hyvä\r\n`);

    const parquet = join(dir, 'all.parquet');
    const all = capture();
    assert.equal(await main(['export', 'answers', '--format', 'parquet', '--out', parquet, '--survey', survey.id], all), 0, all.errText);
    assert.match(all.outText, /Exported 3 answers/);
    assert.deepEqual([...readFileSync(parquet).subarray(0, 4)], [0x50, 0x41, 0x52, 0x31]); // "PAR1"

    const badFormat = capture();
    assert.equal(await main(['export', 'answers', '--format', 'pdf', '--out', join(dir, 'x.pdf')], badFormat), 2);
    assert.match(badFormat.errText, /--format must be one of csv, xlsx, parquet, got "pdf"/);
    const badTime = capture();
    assert.equal(await main(['export', 'answers', '--format', 'csv', '--out', join(dir, 'x.csv'), '--from', 'last week'], badTime), 2);
    assert.match(badTime.errText, /--from must be an ISO 8601 date/);
    const unknown = capture();
    assert.equal(await main(['export', 'answers', '--format', 'csv', '--out', join(dir, 'x.csv'), '--survey', '0190d7a0-0000-7000-8000-000000000000'], unknown), 1);
    assert.match(unknown.errText, /Survey 0190d7a0-0000-7000-8000-000000000000 not found/);
    const unwritable = capture();
    assert.equal(await main(['export', 'answers', '--format', 'csv', '--out', join(dir, 'no-such-dir', 'x.csv'), '--org', 'vesi'], unwritable), 1);
    assert.match(unwritable.errText, /Cannot write .*x\.csv/);
    assert.deepEqual(readdirSync(dir).sort(), ['all.parquet', 'data', 'january.csv']);
    assert.ok(!existsSync(join(dir, 'x.csv.partial')));
  } finally {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
