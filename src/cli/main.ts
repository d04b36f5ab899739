import { KaikuError } from '../errors.ts';
import { processIO, type CliIO, type Command } from './io.ts';

/** Commands are loaded lazily so `kaiku analyze` does not pay for the server's imports. */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: { summary: 'Start the HTTP server (seeds demo data on an empty database)', load: async () => (await import('./serve.ts')).serve },
  migrate: { summary: 'Apply database migrations and exit', load: async () => (await import('./serve.ts')).migrateCommand },
  org: { summary: 'Create an organisation and its first admin (kaiku org create …)', load: async () => (await import('./org.ts')).orgCommand },
  import: { summary: 'Import data from CSV (responses, contacts, texts)', load: async () => (await import('./import.ts')).importCommand },
  export: { summary: 'Export answers or responses to CSV, XLSX or Parquet', load: async () => (await import('./export.ts')).exportCommand },
  demo: { summary: 'Seed the demo organisation unless it is already there', load: async () => (await import('./demo.ts')).demoCommand },
  backup: { summary: 'Write a consistent backup of the whole database to a file', load: async () => (await import('./backup.ts')).backupCommand },
  restore: { summary: 'Restore a backup into an empty database', load: async () => (await import('./backup.ts')).restoreCommand },
  users: { summary: 'Create an admin or reset a password (kaiku users create-admin|reset-password …)', load: async () => (await import('./users.ts')).usersCommand },
  privacy: { summary: 'Erase or export a contact, show or apply the retention policy (kaiku privacy erase|export|retention …)', load: async () => (await import('../privacy/cli.ts')).privacyCommand },
  analyze: { summary: 'Statistics on CSV files (nps, csat, ces, likert, drivers, churn, segments, text)', load: async () => (await import('./analyze.ts')).analyze },
};

export function mainHelp(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Kaiku — customer experience platform\n\nUsage: kaiku <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun kaiku <command> --help for details.\n`;
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`kaiku: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    if (error instanceof KaikuError) {
      io.err(`kaiku ${name}: ${error.message}\n`);
      return error.code === 'usage' ? 2 : 1;
    }
    throw error;
  }
}
