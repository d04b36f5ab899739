/**
 * Two real `kaiku serve` processes on one PostgreSQL database, both scheduling and sending:
 * every event delivered to both of them at once, several events per contact. Exactly one
 * invitation per (contact, rule, event), one e-mail per contact (quarantine holds across the
 * processes), nothing lost.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { testBackend, testDatabase } from '../../test/helpers/db.ts';
import { newOrg } from '../../test/helpers/app.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { startTestSmtp } from '../mail/test-smtp.ts';

const root = new URL('../..', import.meta.url).pathname;
const CONTACTS = 150;
const EVENTS_PER_CONTACT = 3;

/**
 * A port below the ephemeral range (32768+ on Linux): an ephemeral port found free can be taken
 * by any outgoing connection before the child listens on it, which once failed CI with EADDRINUSE.
 */
const candidatePort = () => 20_000 + Math.floor(Math.random() * 10_000);

function startKaiku(env: Record<string, string>) {
  let output = '';
  const child = spawn(process.execPath, ['bin/kaiku.js', 'serve', '--no-demo'], { cwd: root, env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env } });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output, ready: () => waitUntil(async () => output, (o) => /ready at/.test(o) || child.exitCode !== null, 'kaiku serve ready', 120_000) };
}

test('two app processes schedule and send: one invitation per (contact, rule, event) and one e-mail per contact, with every event delivered to both',
  { skip: testBackend !== 'postgres' && 'runs in the PostgreSQL pass: two processes share a database server' }, async () => {
    const db = await testDatabase();
    const smtp = await startTestSmtp();
    const { apiKey } = await newOrg(db, 'Two processes');
    const env = (port: number) => ({ DATABASE_URL: (db as unknown as { url: string }).url, PORT: String(port), SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), KAIKU_PUBLIC_URL: `http://127.0.0.1:${port}` });
    const processes: Array<ReturnType<typeof startKaiku>> = [];
    const ports: number[] = [];
    try {
      // One after the other: two first starts at once on a fresh database deadlock in pg-boss's createQueue.
      // A port someone else holds is tried again with another.
      while (ports.length < 2) {
        let port = candidatePort();
        let p = startKaiku(env(port));
        for (let attempt = 1; attempt < 5 && !/ready at/.test(await p.ready()) && /EADDRINUSE/.test(p.output()); attempt++) {
          port = candidatePort();
          p = startKaiku(env(port));
        }
        processes.push(p);
        assert.match(await p.ready(), /ready at/, p.output());
        ports.push(port);
      }
      const [a, b] = ports.map((port) => async (path: string, body?: unknown, method = body ? 'POST' : 'GET') => {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: res.status, body: await res.json() as any };
      });
      const unit = (await a('/api/v1/units', { name: 'Service' })).body.id;
      const journey = (await a('/api/v1/journeys', { name: 'Support' })).body.id;
      const stage = (await a(`/api/v1/journeys/${journey}/stages`, { name: 'Ticket', phase: 'after' })).body.id;
      const touchpointId = (await a('/api/v1/touchpoints', { stageId: stage, name: 'Ticket closed', channel: 'email', ownerUnitId: unit })).body.id;
      const surveyId = (await a('/api/v1/surveys', { name: 'After ticket', kind: 'pulse', defaultLanguage: 'en', languages: ['en'], title: { en: 'How did we do?' },
        questions: [{ key: 'nps', type: 'nps', text: { en: 'How likely are you to recommend us?' } }] })).body.id;
      assert.equal((await b('/api/v1/pulse-rules', { name: 'After ticket', touchpointId, surveyId, channels: ['email'] })).status, 201);
      const contacts = Array.from({ length: CONTACTS }, (_, i) => ({ externalId: `C-${i}`, email: `c${i}@example.com`, consent: { surveyEmail: true } }));
      assert.equal((await a('/api/v1/contacts/batch', { contacts })).status, 200);

      // Each batch holds one event per contact (distinct keys); every batch goes to both processes at the same moment.
      for (let round = 0; round < EVENTS_PER_CONTACT; round++) {
        const events = contacts.map((c) => ({ touchpointId, contactExternalId: c.externalId, idempotencyKey: `${c.externalId}-${round}`,
          occurredAt: new Date(Date.now() - (EVENTS_PER_CONTACT - round) * 1000).toISOString() }));
        const replies = await Promise.all([a('/api/v1/events/batch', { events }), b('/api/v1/events/batch', { events })]);
        assert.deepEqual(replies.map((r) => r.status), [200, 200]);
        assert.equal(replies[0].body.created + replies[1].body.created, CONTACTS, 'each event stored once');
      }

      const total = CONTACTS * EVENTS_PER_CONTACT;
      await waitUntil(async () => (await db.query<{ n: number }>(`select count(*)::int as n from invitations where status in ('delivered', 'skipped')`))[0].n,
        (n) => n === total, 'every event decided and sent', 60_000);
      await smtp.waitFor(CONTACTS, 30_000);
      await new Promise((r) => setTimeout(r, 1500)); // nothing more may arrive
      const [counts] = await db.query<Record<string, number>>(
        `select count(*)::int as invitations, count(distinct (contact_id, rule_id, event_id))::int as distinct_keys,
                count(*) filter (where status = 'delivered')::int as delivered, count(*) filter (where skip_reason = 'quarantined')::int as quarantined,
                (select count(*)::int from touchpoint_events) as events, (select count(*)::int from pulse_outbox) as outbox
           from invitations`);
      assert.deepEqual(counts, { invitations: total, distinct_keys: total, delivered: CONTACTS, quarantined: total - CONTACTS, events: total, outbox: 0 });
      assert.equal(smtp.received.length, CONTACTS);
      assert.equal(new Set(smtp.received.map((m) => m.envelopeTo[0])).size, CONTACTS, 'one e-mail per contact');
    } finally {
      for (const p of processes) p.child.kill('SIGTERM');
      await Promise.all(processes.map((p) => p.exited));
      await smtp.close();
      await db.close();
    }
  });
