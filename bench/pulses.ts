/**
 * Issue 3's target: 100,000 touchpoint events ingested and turned into scheduled invitations
 * (pulse rules, consent, sampling, quiet hours and quarantine applied) in ≤ 60 s on PostgreSQL.
 * A separate `kaiku serve` (the bundle `npm start` runs) on a scratch database: 20,000 contacts
 * (90 % with e-mail consent), five touchpoints with one pulse rule each (one samples 50 %, one
 * has quiet hours, all a one-day delay so nothing is due during the run), events POSTed 1,000
 * per /api/v1/events/batch with 4 in flight. Timed from the first POST until the pulse outbox
 * is empty and every event has its invitation row.
 * Run: npx tsx bench/pulses.ts [--batches 100] [--runs 3]
 */
import { parseArgs } from 'node:util';
import { openPostgres } from '../src/db/connection.ts';
import { createOrganization, createUnit } from '../src/orgs/service.ts';
import { createApiKey } from '../src/auth/service.ts';
import { createJourney, createStage, createTouchpoint } from '../src/journeys/service.ts';
import { upsertContacts } from '../src/contacts/service.ts';
import { createSurvey } from '../src/surveys/service.ts';
import { createPulseRule } from '../src/distribution/service.ts';
import { dropDatabase, machine, median, postBodies, scratchDatabase, seededRandom, startServer, stopServer } from './lib.ts';

const { values } = parseArgs({ options: { batches: { type: 'string', default: '100' }, runs: { type: 'string', default: '3' } } });
const batches = Number(values.batches);
const runs = Number(values.runs);
const PER_BATCH = 1000;
const CONTACTS = 20_000;

const timings: number[] = [];
let lastOutcome = '';
for (let run = 0; run < runs; run++) {
  const name = 'kaiku_bench_pulses';
  const url = await scratchDatabase(name);
  const db = openPostgres({ url });
  await db.migrate();
  const orgId = await createOrganization(db, { name: 'Bench', slug: 'bench' });
  const { key } = await createApiKey(db, orgId, 'bench', ['write']);
  const unitId = await createUnit(db, orgId, { name: 'Service' });
  const journeyId = await createJourney(db, orgId, { name: 'Customer' });
  const stageId = await createStage(db, orgId, journeyId, { name: 'Service', phase: 'during' });
  const survey = await createSurvey(db, orgId, { name: 'Pulse', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi', 'en'], title: { fi: 'Pulssi' },
    questions: [{ key: 'nps', type: 'nps', text: { fi: 'Suosittelisitko?' } }] });
  const touchpoints: string[] = [];
  for (const [i, tp] of ['Phone', 'Chat', 'Store', 'Invoice', 'Repair'].entries()) {
    const touchpointId = await createTouchpoint(db, orgId, { stageId, name: tp, channel: 'phone', ownerUnitId: unitId });
    touchpoints.push(touchpointId);
    await createPulseRule(db, orgId, { name: tp, touchpointId, surveyId: survey.id, delayMinutes: 24 * 60, channels: ['email', 'sms'],
      samplingRate: i === 1 ? 0.5 : 1, quietHours: i === 2 ? { start: '21:00', end: '08:00' } : null, expiryHours: 7 * 24 });
  }
  const contactIds: string[] = [];
  for (let start = 0; start < CONTACTS; start += 1000) {
    const chunk = Array.from({ length: 1000 }, (_, i) => ({ externalId: `AS-${start + i}`, email: `as${start + i}@example.com`, consent: { surveyEmail: (start + i) % 10 !== 0 } }));
    contactIds.push(...(await db.transaction((tx) => upsertContacts(tx, orgId, chunk))).map((r) => r.id));
  }
  await db.query('analyze');
  const rand = seededRandom(42 + run);
  const now = Date.now();
  const bodies = Array.from({ length: batches }, (_, b) => JSON.stringify({ events: Array.from({ length: PER_BATCH }, (_, i) => ({
    // A prime stride visits every contact once per 20,000 events (the LCG's low bits would repeat a few hundred contacts).
    touchpointId: touchpoints[rand(touchpoints.length)], contactId: contactIds[((b * PER_BATCH + i) * 7919 + run) % CONTACTS],
    occurredAt: new Date(now - rand(3_600_000)).toISOString(), idempotencyKey: `e-${b}-${i}`,
  })) }));

  const server = await startServer({ DATABASE_URL: url, KAIKU_DEMO: 'false' }, 3931 + run);
  try {
    const started = performance.now();
    const posted = await postBodies(server, '/api/v1/events/batch', key, bodies, 4);
    const total = batches * PER_BATCH;
    for (;;) {
      const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from invitations where org_id = $1`, [orgId]);
      if (n >= total) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    timings.push(seconds);
    const outcome = await db.query<{ k: string; n: number }>(
      `select coalesce(skip_reason, status) as k, count(*)::int as n from invitations where org_id = $1 group by 1 order by 2 desc`, [orgId]);
    lastOutcome = outcome.map((o) => `${o.k} ${o.n.toLocaleString('en')}`).join(', ');
    console.log(`run ${run + 1}: ${total.toLocaleString('en')} events posted in ${posted.seconds.toFixed(1)} s, all invitations decided after ${seconds.toFixed(1)} s (${lastOutcome})`);
  } finally {
    await stopServer(server.child);
    await db.close();
    await dropDatabase(name);
  }
}
console.log(`\nEvents → invitations on PostgreSQL (${machine()}, ${new Date().toISOString().slice(0, 10)})`);
console.log(`median ${median(timings).toFixed(1)} s for ${(batches * PER_BATCH).toLocaleString('en')} events (target ≤ 60 s); last run: ${lastOutcome}`);
