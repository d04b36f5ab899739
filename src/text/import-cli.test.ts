import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.ts';
import { openPglite } from '../db/connection.ts';
import { createOrganization } from '../orgs/service.ts';
import { analyseNewTexts } from './analysis.ts';

const capture = () => {
  const io = { outText: '', errText: '', out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; } };
  return io;
};

test('kaiku import texts stores each good row, reports each bad one, and a second run stores nothing twice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaiku-texts-'));
  const saved = { ...process.env };
  process.env.KAIKU_DATA_DIR = join(dir, 'data');
  delete process.env.DATABASE_URL;
  try {
    let db = await openPglite({ dataDir: process.env.KAIKU_DATA_DIR });
    await db.migrate();
    const orgId = await createOrganization(db, { name: 'Vesi Oy', slug: 'vesi' });
    await db.close();

    const file = join(dir, 'complaints.csv');
    writeFileSync(file, [
      'id;kanava;viesti;aika;kieli',
      'T-1;complaint;"Lasku tuli kahteen kertaan, hoitakaa asia!";2026-03-01T10:00:00Z;fi',
      'T-2;chat;"Agent was friendly; problem solved.";2026-03-02T10:00:00Z;en',
      'T-3;chat;;2026-03-02T11:00:00Z;en',
      'T-4;fax;Hello;2026-03-02T11:00:00Z;en',
      'T-5;social;Kiitos nopeasta palvelusta;eilen;fi',
    ].join('\n'));
    const first = capture();
    assert.equal(await main(['import', 'texts', file, '--source-column', 'kanava', '--text-column', 'viesti', '--id-column', 'id', '--time-column', 'aika', '--language-column', 'kieli'], first), 1, first.errText);
    assert.match(first.outText, /Imported 2 texts from .* into "Vesi Oy"/);
    assert.match(first.outText, /row 3: text is empty/);
    assert.match(first.outText, /row 4: source must be one of complaint, chat, email, social, review, other, got "fax"/);
    assert.match(first.outText, /row 5: occurredAt "eilen" is not a date-time/);

    const again = capture();
    const rejects = join(dir, 'rejects.csv');
    assert.equal(await main(['import', 'texts', file, '--source-column', 'kanava', '--text-column', 'viesti', '--id-column', 'id', '--time-column', 'aika', '--rejects', rejects], again), 1);
    assert.match(again.outText, /imported: +0\n +duplicates skipped: +2\n +rejected: +3/);
    assert.equal(readFileSync(rejects, 'utf8').split('\n')[1], '3,text,text is empty');

    db = await openPglite({ dataDir: process.env.KAIKU_DATA_DIR });
    try {
      assert.equal((await analyseNewTexts(db)).analysed, 2);
      const rows = await db.query<{ external_id: string; source: string; language: string; sentiment: string; topics: string[] }>(
        `select external_id, source, language, sentiment, topics from feedback_texts where org_id = $1 order by external_id`, [orgId]);
      assert.deepEqual(rows.map((r) => [r.external_id, r.source, r.language, r.sentiment, r.topics]), [
        ['T-1', 'complaint', 'fi', 'negative', ['billing']],
        ['T-2', 'chat', 'en', 'positive', ['staff']],
      ]);
    } finally {
      await db.close();
    }

    const usage = capture();
    assert.equal(await main(['import', 'texts', file], usage), 2);
    assert.match(usage.errText, /--source/);
    const help = capture();
    assert.equal(await main(['import', 'texts', '--help'], help), 0);
    assert.match(help.outText, /Usage: kaiku import texts FILE.csv/);
    const column = capture();
    assert.equal(await main(['import', 'texts', file, '--source', 'chat', '--text-column', 'nope'], column), 1);
    assert.match(column.errText, /Column "nope" is not in the file/);
  } finally {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
