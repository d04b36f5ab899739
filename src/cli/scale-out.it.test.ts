import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testBackend, testDatabase } from '../../test/helpers/db.ts';
import { waitUntil } from '../../test/helpers/wait.ts';
import { createOrganization } from '../orgs/service.ts';
import { createApiKey } from '../auth/service.ts';
import { createSurvey } from '../surveys/service.ts';

const root = new URL('../..', import.meta.url).pathname;

/** A real `kaiku serve` process on the shared database. */
function startKaiku(databaseUrl: string, port: number) {
  let output = '';
  const child = spawn(process.execPath, ['bin/kaiku.js', 'serve', '--no-demo'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KAIKU_WEBHOOKS_ALLOW_PRIVATE: 'true' },
  });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, url: `http://127.0.0.1:${port}`, ready: () => waitUntil(async () => output, (o) => /ready at/.test(o) || child.exitCode !== null, 'kaiku serve ready', 120_000) };
}

/** The tiny load balancer: each request goes to the next upstream in turn. */
function roundRobin(upstreams: string[]): Promise<{ server: Server; url: string; served: number[] }> {
  const served = upstreams.map(() => 0);
  let next = 0;
  const server = createServer((req, res) => {
    const i = next++ % upstreams.length;
    served[i]++;
    const target = new URL(req.url ?? '/', upstreams[i]);
    const forward = httpRequest(target, { method: req.method, headers: req.headers }, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(res);
    });
    forward.on('error', () => { res.writeHead(502).end(); });
    req.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served })));
}

test('two app processes behind a round-robin balancer on one PostgreSQL: every response stored once, every webhook job done once, none lost when one process stops',
  { skip: testBackend !== 'postgres' && 'runs in the PostgreSQL pass: N processes share a database server' }, async () => {
    const db = await testDatabase();
    const databaseUrl = (db as unknown as { url: string }).url;
    const deliveries: Array<{ responseId: string; delivery: string }> = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        deliveries.push({ responseId: JSON.parse(body).data.response.id, delivery: String(req.headers['kaiku-delivery']) });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const a = startKaiku(databaseUrl, 3931);
    const b = startKaiku(databaseUrl, 3932);
    let balancer: Awaited<ReturnType<typeof roundRobin>> | undefined;
    try {
      const orgId = await createOrganization(db, { name: 'Scale Oy', slug: 'scale' });
      const { key } = await createApiKey(db, orgId, 'load', ['admin']);
      const survey = await createSurvey(db, orgId, {
        name: 'Pulse', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'Pulssi' },
        questions: [{ key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?' } }],
      });
      // Both processes start together: the migrations' advisory lock lets one migrate at a time.
      assert.match(await a.ready(), /ready at/, a.child.exitCode === null ? '' : 'process A failed to start');
      assert.match(await b.ready(), /ready at/, b.child.exitCode === null ? '' : 'process B failed to start');
      balancer = await roundRobin([a.url, b.url]);
      const lb = balancer;
      const api = async (path: string, body?: unknown, headers: Record<string, string> = {}) => {
        const res = await fetch(lb.url + path, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: await res.json() as any };
      };

      const hook = await api('/api/v1/webhooks', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, events: ['response.created'] });
      assert.equal(hook.status, 201, JSON.stringify(hook.body));

      // 60 single responses, 10 at a time, each sent twice with the same Idempotency-Key: the
      // retry lands on the other process (round robin) and must return the same response.
      const ids = new Map<string, string>();
      for (let start = 0; start < 60; start += 10) {
        await Promise.all(Array.from({ length: 10 }, async (_, j) => {
          const n = start + j;
          const body = { surveyId: survey.id, answers: [{ question: 'nps', value: n % 11 }] };
          const first = await api('/api/v1/responses', body, { 'idempotency-key': `r-${n}` });
          const retry = await api('/api/v1/responses', body, { 'idempotency-key': `r-${n}` });
          assert.equal(first.status, 201, JSON.stringify(first.body));
          assert.equal(retry.status, 200);
          assert.equal(retry.body.id, first.body.id);
          ids.set(`r-${n}`, first.body.id);
        }));
      }
      // Two batches of 20 through the two processes.
      for (const batch of [0, 1]) {
        const res = await api('/api/v1/responses/batch', { responses: Array.from({ length: 20 }, (_, j) => ({
          surveyId: survey.id, idempotencyKey: `b-${batch}-${j}`, answers: [{ question: 'nps', value: j % 11 }] })) });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        res.body.items.forEach((item: { id: string }, j: number) => ids.set(`b-${batch}-${j}`, item.id));
      }
      assert.ok(lb.served[0] > 50 && lb.served[1] > 50, `both processes took requests: ${lb.served}`);
      const [{ n: stored }] = await db.query<{ n: number }>(`select count(*)::int as n from responses where org_id = $1`, [orgId]);
      assert.equal(stored, 100);

      // Process A stops gracefully while the webhook jobs may still be queued: B finishes them.
      a.child.kill('SIGTERM');
      assert.equal(await a.exited, 0);
      const expected = [...ids.values()].sort();
      await waitUntil(async () => new Set(deliveries.map((d) => d.responseId)).size, (n) => n >= expected.length, 'every response.created delivered', 90_000);
      await new Promise((r) => setTimeout(r, 2000)); // a duplicate would arrive now
      assert.deepEqual([...new Set(deliveries.map((d) => d.responseId))].sort(), expected, 'no webhook lost');
      assert.equal(deliveries.length, expected.length, 'no webhook delivered twice');
      assert.equal(new Set(deliveries.map((d) => d.delivery)).size, expected.length);
    } finally {
      for (const p of [a, b]) if (p.child.exitCode === null) { p.child.kill('SIGTERM'); await p.exited; }
      balancer?.server.close();
      receiver.close();
      await db.close();
    }
  });
