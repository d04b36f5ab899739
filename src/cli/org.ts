import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/connection.ts';
import { createOrganization } from '../orgs/service.ts';
import { createUser } from '../auth/service.ts';
import { parseCommandArgs, requireOption, UsageError, type Command } from './io.ts';
import { isLanguage } from '../vocabulary.ts';
import { isTimeZone } from '../i18n/calendar.ts';

const help = `Usage: kaiku org create --name NAME --slug SLUG --admin-email EMAIL [--admin-password PASSWORD]
                       [--language fi|sv|en|pl] [--time-zone Europe/Helsinki]

Creates an organisation (tenant) and its first admin user in the configured database
(DATABASE_URL, or PGlite in KAIKU_DATA_DIR — stop the server first when using PGlite).
The password may also come from KAIKU_ADMIN_PASSWORD, so it stays out of shell history.
`;

export const orgCommand: Command = async (args, io) => {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') { io.out(help); return sub ? 0 : 2; }
  if (sub !== 'create') throw new UsageError(`Unknown subcommand "${sub}". Use: kaiku org create`);
  const { values } = parseCommandArgs(rest, {
    name: { type: 'string' }, slug: { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-password': { type: 'string' },
    language: { type: 'string' }, 'time-zone': { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  if (values.help) { io.out(help); return 0; }
  const name = requireOption(values, 'name');
  const slug = requireOption(values, 'slug');
  const email = requireOption(values, 'admin-email');
  const password = values['admin-password'] ?? process.env.KAIKU_ADMIN_PASSWORD;
  if (!password || password.length < 10) throw new UsageError('--admin-password (or KAIKU_ADMIN_PASSWORD) of at least 10 characters is required');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new UsageError(`--admin-email "${email}" is not an e-mail address`);
  const language = values.language ?? 'fi';
  if (!isLanguage(language)) throw new UsageError('--language must be fi, sv, en or pl');
  const timeZone = values['time-zone'] ?? 'Europe/Helsinki';
  if (!isTimeZone(timeZone)) throw new UsageError(`--time-zone "${timeZone}" is not a known IANA time zone`);
  const config = loadConfig();
  const db = await openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const orgId = await db.transaction(async (tx) => {
      const id = await createOrganization(tx, { name, slug, defaultLanguage: language, timeZone });
      await createUser(tx, id, { email, name: email.split('@')[0], role: 'admin', password, language });
      return id;
    }).catch((error: { code?: string }) => {
      if (error.code === '23505') throw new UsageError(`An organisation with the slug "${slug}" already exists`);
      throw error;
    });
    io.out(`Created organisation "${name}" (${orgId}) with admin ${email}.\n`);
    return 0;
  } finally {
    await db.close();
  }
};
