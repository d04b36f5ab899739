import { loadConfig } from '../config.ts';
import { openMigratedDatabase, type Database } from '../db/connection.ts';
import { createUser } from '../auth/service.ts';
import { hashPassword, newToken } from '../auth/secrets.ts';
import { KaikuError } from '../errors.ts';
import { parseCommandArgs, requireOption, UsageError, type CliIO, type Command } from './io.ts';
import { isLanguage } from '../vocabulary.ts';

const help = `Usage: kaiku users <command> --org SLUG --email EMAIL [options]

Commands:
  create-admin     add an admin user to an organisation
                   [--name NAME] [--password PASSWORD] [--language fi|sv|en|pl]
  reset-password   set a new password for a user and sign them out everywhere
                   [--password PASSWORD]

The password may also come from KAIKU_ADMIN_PASSWORD (kept out of shell history); without
either, a random password is generated and printed once. Passwords are stored as argon2id
hashes, as at sign-in. Uses DATABASE_URL, or the embedded database in KAIKU_DATA_DIR (stop the
server first when using the embedded database).
`;

const options = {
  org: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' },
  language: { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

/** The given password, or a generated one (shown to the operator once). */
function chosenPassword(given: string | undefined): { password: string; generated: boolean } {
  const password = given ?? process.env.KAIKU_ADMIN_PASSWORD;
  if (password === undefined) return { password: newToken(12), generated: true };
  if (password.length < 10) throw new UsageError('The password must be at least 10 characters');
  return { password, generated: false };
}

async function withOrg<T>(slug: string, work: (db: Database, org: { id: string; name: string }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const [org] = await db.query<{ id: string; name: string }>(`select id, name from organizations where slug = $1`, [slug]);
    if (!org) throw new KaikuError('not_found', `Organisation "${slug}" not found`);
    return await work(db, org);
  } finally {
    await db.close();
  }
}

export const usersCommand: Command = async (args, io: CliIO) => {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') { io.out(help); return sub ? 0 : 2; }
  if (sub !== 'create-admin' && sub !== 'reset-password') throw new UsageError(`Unknown subcommand "${sub}". Use: kaiku users create-admin|reset-password`);
  const { values } = parseCommandArgs(rest, options);
  if (values.help) { io.out(help); return 0; }
  const slug = requireOption(values, 'org');
  const email = requireOption(values, 'email').trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new UsageError(`--email "${email}" is not an e-mail address`);
  const language = values.language ?? 'fi';
  if (!isLanguage(language)) throw new UsageError('--language must be fi, sv, en or pl');
  const { password, generated } = chosenPassword(values.password);
  const shown = generated ? `\nGenerated password (shown once): ${password}\n` : '';

  return withOrg(slug, async (db, org) => {
    if (sub === 'create-admin') {
      await createUser(db, org.id, { email, name: values.name ?? email.split('@')[0], role: 'admin', password, language }).catch((error: { code?: string }) => {
        if (error.code === '23505') throw new KaikuError('conflict', `${email} is already a user of "${org.name}"; use kaiku users reset-password`);
        throw error;
      });
      io.out(`Created admin ${email} in "${org.name}".${shown}\n`);
      return 0;
    }
    const hash = await hashPassword(password);
    const updated = await db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(`update users set password_hash = $3 where org_id = $1 and email = $2 returning id`, [org.id, email, hash]);
      if (rows[0]) await tx.query(`delete from sessions where org_id = $1 and user_id = $2`, [org.id, rows[0].id]);
      return rows.length;
    });
    if (updated === 0) throw new KaikuError('not_found', `No user ${email} in "${org.name}"`);
    io.out(`New password set for ${email} in "${org.name}"; their sessions were signed out.${shown}\n`);
    return 0;
  });
};
