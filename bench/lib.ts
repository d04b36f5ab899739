/** Shared helpers of the benchmark scripts: machine description, medians, scratch databases, server processes. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { launchChromium, skipReason } from '../test/helpers/browser.ts';
import { serverNodeFlags } from '../scripts/server-flags.mjs';

export const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Creates (or recreates) a scratch database on the Postgres server and returns its URL. */
export async function scratchDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

let built = false;

/**
 * Starts the server as `npm start` runs it — the bundle from scripts/build.mjs, built once per
 * benchmark process, with the same Node options (scripts/server-flags.mjs: KAIKU_HEAP_MB in
 * `env` or the environment) and then `nodeArgs` — and waits for /health.
 */
export async function startServer(env: Record<string, string>, port: number, nodeArgs: string[] = []): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  if (!built) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
    built = true;
  }
  let output = '';
  const serverEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env };
  const child = spawn(process.execPath, [...serverNodeFlags(serverEnv), ...nodeArgs, 'dist/kaiku.mjs', 'serve'], {
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => { output += d; });
  child.stderr?.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok && output.includes('ready')) return { child, url, output: () => output };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Resident set size of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * POSTs pre-built JSON bodies to `path`, `inFlight` at a time, sampling the server's RSS;
 * returns the seconds taken and the peak RSS in MB. Throws on any non-200 answer.
 */
export async function postBodies(server: { url: string; child: ChildProcess }, path: string, key: string, bodies: string[], inFlight = 4): Promise<{ seconds: number; peakRss: number }> {
  let peakRss = 0;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, rssMb(server.child.pid!)); }, 250);
  const started = performance.now();
  let next = 0;
  try {
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (next < bodies.length) {
        const res = await fetch(`${server.url}${path}`, {
          method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: bodies[next++],
        });
        if (res.status !== 200) throw new Error(`${path} failed: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    }));
  } finally {
    clearInterval(sampler);
  }
  return { seconds: (performance.now() - started) / 1000, peakRss };
}

/** A fixed-seed linear congruential generator: the same benchmark data on every run. */
export function seededRandom(seed = 42): (n: number) => number {
  let state = seed;
  return (n) => { state = (state * 1103515245 + 12345) % 2 ** 31; return state % n; };
}

/**
 * A scratch PostgreSQL database with one organisation, an API key with `scope`, and the
 * strategic survey the batch and export benchmarks fill: nps (+ its why), csat, ces and two
 * likert7 statements with don't-know — six answers per response.
 */
export async function benchOrganisation(database: string, scope: 'read' | 'write') {
  const [{ openPostgres }, { createOrganization }, { createApiKey }, { createSurvey }] = await Promise.all([
    import('../src/db/connection.ts'), import('../src/orgs/service.ts'), import('../src/auth/service.ts'), import('../src/surveys/service.ts'),
  ]);
  const url = await scratchDatabase(database);
  const db = openPostgres({ url });
  await db.migrate();
  const orgId = await createOrganization(db, { name: 'Bench', slug: 'bench' });
  const { key } = await createApiKey(db, orgId, 'bench', [scope]);
  const survey = await createSurvey(db, orgId, {
    name: 'Strategic', kind: 'strategic', defaultLanguage: 'fi', languages: ['fi'], title: { fi: 'Tutkimus' },
    questions: [
      { key: 'nps', type: 'nps', required: true, text: { fi: 'Suosittelisitko?' } },
      { key: 'csat', type: 'csat', text: { fi: 'Tyytyväisyys' } },
      { key: 'ces', type: 'ces', text: { fi: 'Vaivattomuus' } },
      { key: 'reliable', type: 'likert7', allowDontKnow: true, text: { fi: 'Toimitusvarmuus' } },
      { key: 'price', type: 'likert7', allowDontKnow: true, text: { fi: 'Hinta-laatu' } },
    ],
  });
  return { url, db, orgId, key, survey };
}

/** Headless Chromium as the page tests launch it (test/helpers/browser.ts); a bench needs it. */
export async function launchBrowser() {
  const browser = await launchChromium();
  if (!browser) throw new Error(skipReason);
  return browser;
}

/** Signs in over the API and returns the session cookie, for pages a bench loads in Chromium. */
export async function signIn(url: string, login: { email: string; password: string }): Promise<{ cookieName: string; cookieValue: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(login) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const [cookieName, cookieValue] = (res.headers.get('set-cookie') ?? '').split(';')[0].split('=');
  return { cookieName, cookieValue };
}
