import { LogController } from 'fastify';
import { loadConfig, type Config } from '../config.ts';
import { openMigratedDatabase } from '../db/connection.ts';
import { buildServer } from '../http/server.ts';
import { startJobQueue, type JobQueue } from '../jobs/queue.ts';
import { isConnectionError } from '../http/problem.ts';
import { jobDefinitions, schedules, type JobContext } from '../jobs/registry.ts';
import { parseCommandArgs, type Command } from './io.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/generator.ts';

const help = `Usage: kaiku serve [--no-demo]

Starts the HTTP server on PORT (default 3000). Without DATABASE_URL the data lives in an
embedded PGlite database in KAIKU_DATA_DIR (default ./data). Migrations run at start; on an
empty database the demo organisation is seeded unless --no-demo or KAIKU_DEMO=false.
`;

const openMigrated = (config: Config) =>
  openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });

export const migrateCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) { io.out('Usage: kaiku migrate\n\nApplies pending database migrations (DATABASE_URL or KAIKU_DATA_DIR) and exits.\n'); return 0; }
  const db = await openMigrated(loadConfig());
  await db.close();
  io.out('Migrations are up to date.\n');
  return 0;
};

/** Every demo role's sign-in, one a line, so a newcomer can try each role's menu at once. */
export function demoLogins(heading: string): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.role.length));
  return `${heading}, password ${DEMO_PASSWORD}:\n${DEMO_USERS.map((u) => `  ${u.role.replace('_', ' ').padEnd(width)}  ${u.email}\n`).join('')}`;
}

export const serve: Command = async (args, io) => {
  const { values } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' }, 'no-demo': { type: 'boolean' } });
  if (values.help) { io.out(help); return 0; }
  const started = Date.now();
  const config = loadConfig();
  if (config.heapMb > 0 && !/--max[-_](old[-_]space|heap)[-_]size/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`)) {
    io.err(`Note: the V8 heap is not bounded; npm start bounds it (KAIKU_HEAP_MB=${config.heapMb}), or start node with --max-old-space-size=${config.heapMb} (docs/operations.md)\n`);
  }
  const db = await openMigrated(config);
  let seeded = false;
  const withDemo = config.seedDemo && !values['no-demo'];
  if (withDemo) {
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from organizations');
    if (n === 0) {
      io.out('Empty database: seeding the demo organisation…\n');
      const { seedDemo } = await import('../demo/seed.ts');
      await seedDemo(db, { onProgress: (text) => io.out(`  ${text}\n`) });
      seeded = true;
    }
  }
  const now = () => new Date();
  let queue: JobQueue | undefined;
  const jobContext: JobContext = { db, config, now, queue: () => { if (!queue) throw new Error('job queue not started'); return queue; } };
  // pg-boss 10 does not await marking a job done or failed (manager.js, work → onFetch): while the
  // database is away that promise rejects unhandled and Node would end the process. The queue
  // retries by itself once the database is back, so such a rejection is a warning, not a crash
  // (bench/fault-load.ts --fault postgres). Anything else still ends the process.
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof Error && isConnectionError(reason)) process.emitWarning(`database unreachable: ${reason.message}`);
    else throw reason;
  });
  queue = await startJobQueue(db, { databaseUrl: config.databaseUrl, definitions: jobDefinitions(jobContext), schedules });
  const app = await buildServer({ db, config, jobs: queue, now }, {
    logger: { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: process.env.KAIKU_LOG_REQUESTS !== 'true' }),
  });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const login = seeded ? demoLogins('Demo logins') : withDemo ? demoLogins('Demo logins (if the demo was seeded earlier)') : '';
  // One write, so whoever waits for "ready" also has the login line.
  io.out(`Kaiku is ready at ${config.publicUrl} (${where}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n${login}`);

  // Graceful shutdown: stop accepting, finish in-flight requests, then close the database.
  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      io.out(`${signal} received, shutting down…\n`);
      await app.close();
      await queue?.stop();
      await db.close();
      resolve();
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
  return 0;
};
