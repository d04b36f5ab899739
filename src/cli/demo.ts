import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/connection.ts';
import { DEMO_ORG, seedDemo } from '../demo/seed.ts';
import { parseCommandArgs, type Command } from './io.ts';

const help = `Usage: kaiku demo

Seeds the demo organisation "${DEMO_ORG.name}" (slug ${DEMO_ORG.slug}: journeys, surveys, a
year of responses, cases, logins) into the database Kaiku uses (DATABASE_URL, or KAIKU_DATA_DIR
— stop the server first when using the embedded database), unless it is already there. Other
organisations are left as they are.
`;

export const demoCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) { io.out(help); return 0; }
  const config = loadConfig();
  const db = await openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  try {
    const [existing] = await db.query(`select 1 from organizations where slug = $1`, [DEMO_ORG.slug]);
    if (existing) {
      io.out(`The demo organisation "${DEMO_ORG.slug}" is already there; nothing to do.\n`);
      return 0;
    }
    const started = Date.now();
    const { login } = await seedDemo(db, { onProgress: (text) => io.err(`demo: ${text}\n`) });
    io.out(`Seeded "${DEMO_ORG.name}" in ${((Date.now() - started) / 1000).toFixed(1)} s. Sign in as ${login.email} / ${login.password}\n`);
    return 0;
  } finally {
    await db.close();
  }
};
