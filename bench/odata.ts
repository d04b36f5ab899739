/**
 * OData over HTTP on PostgreSQL (issue 8 target: a month of responses with a filter in ≤ 1 s
 * on 10,000,000 responses). The responses are generated in SQL in a scratch database (one
 * organisation, 10 touchpoints, one year of 2025, time-ordered ids), then a separate
 * `kaiku serve` is asked, with an API key as HTTP Basic password like Power BI sends it:
 *   A  a month of one touchpoint, first page (5,000 rows) and $count;
 *   B  a month filtered on channel (no index on channel), first page and $count;
 *   C  the 10th page of A, reached through @odata.nextLink (keyset paging).
 * Timed to the last byte; the scratch database is dropped afterwards.
 * Run: npx tsx bench/odata.ts [--responses 10000000] [--runs 5] [--keep]
 */
import { parseArgs } from 'node:util';
import { createJourney, createStage, createTouchpoint } from '../src/journeys/service.ts';
import { benchOrganisation, dropDatabase, machine, median, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: {
  responses: { type: 'string', default: '10000000' }, runs: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false },
} });
const total = Number(values.responses);
const runs = Number(values.runs);
const DB = 'kaiku_bench_odata';
const CHUNK = 1_000_000;
const channels = ['web', 'email', 'phone', 'store', 'app'];

const { url, db, orgId, key, survey } = await benchOrganisation(DB, 'read');
const journey = await createJourney(db, orgId, { name: 'Customer' });
const stage = await createStage(db, orgId, journey, { name: 'Service', phase: 'during' });
const touchpoints: string[] = [];
for (let i = 0; i < 10; i++) {
  touchpoints.push(await createTouchpoint(db, orgId, { stageId: stage, name: `Touchpoint ${i + 1}`, channel: channels[i % channels.length] as 'web' }));
}

// Response i is submitted at 2025-01-01 + i · (one year / total): evenly spread, in id order,
// as responses arrive; its touchpoint and channel cycle so every month holds every touchpoint.
const loadStarted = performance.now();
const stepMs = (365 * 86_400_000) / total;
for (let start = 0; start < total; start += CHUNK) {
  await db.query(
    `insert into responses (org_id, id, survey_id, touchpoint_id, channel, language, source, submitted_at)
     select $1, (lpad(to_hex(i >> 16), 8, '0') || '-' || lpad(to_hex(i & 65535), 4, '0') || '-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
            $2, ($3::uuid[])[(1 + i % 10)::int], ($4::channel[])[(1 + (i / 10) % 5)::int], 'fi', 'import',
            timestamptz '2025-01-01 00:00:00+00' + (i * $5::float8) * interval '1 millisecond'
       from generate_series($6::bigint, $7::bigint) i`,
    [orgId, survey.id, touchpoints, channels, stepMs, start, Math.min(start + CHUNK, total) - 1]);
  process.stderr.write(`\rgenerated ${Math.min(start + CHUNK, total).toLocaleString('en')} / ${total.toLocaleString('en')} responses`);
}
await db.query('vacuum analyze responses');
console.log(`\ngenerated ${total} responses in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);

const server = await startServer({ DATABASE_URL: url, KAIKU_DEMO: 'false' }, 3911);
const authorization = `Basic ${Buffer.from(`powerbi:${key}`).toString('base64')}`;

async function timed(path: string): Promise<{ ms: number; body: { value: unknown[]; '@odata.count'?: number; '@odata.nextLink'?: string } }> {
  const started = performance.now();
  const res = await fetch(path.startsWith('http') ? path : `${server.url}/odata/v4${path}`, { headers: { authorization } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text}`);
  return { ms: performance.now() - started, body: JSON.parse(text) };
}

const march = 'SubmittedAt ge 2025-03-01T00:00:00Z and SubmittedAt lt 2025-04-01T00:00:00Z';
const query = (filter: string) => `?$filter=${encodeURIComponent(filter)}&$count=true`;
const queries = {
  A: `/Responses${query(`${march} and TouchpointId eq ${touchpoints[3]}`)}`,
  B: `/Responses${query(`${march} and Channel eq 'store'`)}`,
};
const times: Record<'A' | 'B' | 'C', number[]> = { A: [], B: [], C: [] };
const counts: Record<string, number | undefined> = {};
try {
  // The link to A's 10th page (or its last, on small data), found once; runs time only that request.
  let deep = queries.A;
  for (let page = 1; page < 10; page++) deep = (await timed(deep)).body['@odata.nextLink'] ?? deep;
  for (let run = 0; run < runs; run++) {
    for (const name of ['A', 'B'] as const) {
      const r = await timed(queries[name]);
      times[name].push(r.ms);
      counts[name] = r.body['@odata.count'];
      if (r.body.value.length !== Math.min(5000, r.body['@odata.count'] ?? 0)) throw new Error(`${name}: first page has ${r.body.value.length} rows`);
    }
    times.C.push((await timed(deep)).ms);
  }
} finally {
  await stopServer(server.child);
  await db.close();
  if (!values.keep) await dropDatabase(DB);
}
console.log(`\n${machine()}, ${total.toLocaleString('en')} responses, ${runs} runs, medians:`);
console.log(`A month + touchpoint: ${median(times.A).toFixed(0)} ms (count ${counts.A}; runs ${times.A.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`B month + channel:    ${median(times.B).toFixed(0)} ms (count ${counts.B}; runs ${times.B.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`C 10th page of A:     ${median(times.C).toFixed(0)} ms (runs ${times.C.map((t) => t.toFixed(0)).join(', ')})`);
