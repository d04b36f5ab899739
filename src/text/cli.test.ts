import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

function withCsv(content: string, fn: (path: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'kaiku-text-'));
  const path = join(dir, 'feedback.csv');
  writeFileSync(path, content);
  return fn(path).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test('kaiku analyze text writes one JSON object per row', async () => {
  const csv = 'ref;answer;lang\nA1;Asiakaspalvelija oli todella ystävällinen!;fi\nA2;The invoice was wrong again.;\nA3;Nie polecam.;de\n;;\n';
  await withCsv(csv, async (path) => {
    const { io, out } = capture();
    const code = await main(['analyze', 'text', '--input', path, '--text-column', 'answer', '--language-column', 'lang', '--id-column', 'ref', '--format', 'json'], io);
    assert.equal(code, 0);
    const rows = JSON.parse(out.join(''));
    assert.equal(rows.length, 4);
    assert.deepEqual({ ...rows[0], score: undefined }, { id: 'A1', language: 'fi', sentiment: 'positive', score: undefined, topics: ['staff'] });
    assert.ok(rows[0].score > 0.3);
    assert.deepEqual({ ...rows[1], score: undefined }, { id: 'A2', language: 'en', sentiment: 'negative', score: undefined, topics: ['billing'] });
    assert.deepEqual(rows[2], { id: 'A3', error: 'language "de" is not one of fi, sv, en, pl (leave it empty to detect)' });
    assert.deepEqual(rows[3], { id: '4', language: 'other', sentiment: 'neutral', score: 0, topics: [] });
  });
});

test('without an id column rows are numbered from 1; table format prints a header', async () => {
  await withCsv('text\nGreat app!\nKassalla oli pitkä jono.\n', async (path) => {
    const { io, out } = capture();
    assert.equal(await main(['analyze', 'text', '--input', path, '--text-column', 'text'], io), 0);
    const rows = JSON.parse(out.join(''));
    assert.deepEqual(rows.map((r: { id: string }) => r.id), ['1', '2']);
    const table = capture();
    assert.equal(await main(['analyze', 'text', '--input', path, '--text-column', 'text', '--format', 'table'], table.io), 0);
    assert.match(table.out.join(''), /^id\s+language\s+sentiment\s+score\s+topics\n/);
  });
});

test('a missing column or option is an error for the whole command, not a crash', async () => {
  await withCsv('text\nhello\n', async (path) => {
    const missing = capture();
    assert.equal(await main(['analyze', 'text', '--input', path, '--text-column', 'answer'], missing.io), 1);
    assert.match(missing.err.join(''), /Column "answer" is not in the file/);
    const usage = capture();
    assert.equal(await main(['analyze', 'text', '--input', path], usage.io), 2);
    assert.match(usage.err.join(''), /--text-column is required/);
    const format = capture();
    assert.equal(await main(['analyze', 'text', '--input', path, '--text-column', 'text', '--format', 'xml'], format.io), 2);
  });
});
