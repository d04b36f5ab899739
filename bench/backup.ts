/**
 * kaiku backup / restore on PostgreSQL (issue 8): a scratch database with one organisation and
 * N responses × 3 answers generated in SQL is backed up to a file and restored into a second,
 * empty scratch database; both are timed, then the row counts compared. Both databases and the
 * file are removed afterwards.
 * Run: npx tsx bench/backup.ts [--responses 200000]
 */
import { parseArgs } from 'node:util';
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '../src/db/connection.ts';
import { backupDatabase, restoreDatabase } from '../src/backup/service.ts';
import { benchOrganisation, dropDatabase, machine, scratchDatabase } from './lib.ts';

const { values } = parseArgs({ options: { responses: { type: 'string', default: '200000' } } });
const total = Number(values.responses);
const SOURCE = 'kaiku_bench_backup';
const TARGET = 'kaiku_bench_restore';
const file = join(tmpdir(), `kaiku-bench-${process.pid}.backup`);

const { db, orgId, survey } = await benchOrganisation(SOURCE, 'read');
const questions = await db.query<{ id: string; key: string }>(`select id, key from questions where org_id = $1 and key in ('nps', 'csat', 'ces')`, [orgId]);
await db.query(
  `insert into responses (org_id, id, survey_id, language, source, submitted_at)
   select $1, (lpad(to_hex(i >> 16), 8, '0') || '-' || lpad(to_hex(i & 65535), 4, '0') || '-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
          $2, 'fi', 'import', timestamptz '2025-01-01 00:00:00+00' + i * interval '1 minute'
     from generate_series(0::bigint, $3::bigint - 1) i`, [orgId, survey.id, total]);
await db.query(
  `insert into answers (org_id, response_id, question_id, number)
   select r.org_id, r.id, q.id, (abs(hashtext(r.id::text || q.id::text)) % 5) + 1
     from responses r cross join unnest($2::uuid[]) as q(id) where r.org_id = $1`, [orgId, questions.map((q) => q.id)]);

let started = performance.now();
const header = await backupDatabase(db, file);
const backupSeconds = (performance.now() - started) / 1000;
await db.close();
const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);

const target = openPostgres({ url: await scratchDatabase(TARGET) });
try {
  await target.migrate();
  started = performance.now();
  await restoreDatabase(target, file);
  const restoreSeconds = (performance.now() - started) / 1000;
  const [{ n }] = await target.query<{ n: number }>(`select count(*)::int as n from answers`);
  if (n !== header.tables.answers) throw new Error(`restored ${n} of ${header.tables.answers} answers`);
  console.log(`${machine()}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`${total.toLocaleString('en')} responses, ${header.tables.answers.toLocaleString('en')} answers, ${rows.toLocaleString('en')} rows in all, file ${(statSync(file).size / 2 ** 20).toFixed(1)} MB`);
  console.log(`backup ${backupSeconds.toFixed(1)} s (${Math.round(rows / backupSeconds).toLocaleString('en')} rows/s), restore ${restoreSeconds.toFixed(1)} s (${Math.round(rows / restoreSeconds).toLocaleString('en')} rows/s)`);
} finally {
  await target.close();
  rmSync(file, { force: true });
  await dropDatabase(SOURCE);
  await dropDatabase(TARGET);
}
