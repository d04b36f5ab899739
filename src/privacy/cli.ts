/** `kaiku privacy erase|export|retention`: the privacy API for operators, on the database directly. */
import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase, type Database } from '../db/connection.ts';
import { KaikuError } from '../errors.ts';
import { recordAudit } from '../audit/log.ts';
import { organisationForCommand, parseCommandArgs, UsageError, type CliIO, type Command } from '../cli/io.ts';
import { eraseContact } from './erase.ts';
import { exportContact } from './export.ts';
import { applyRetention, getRetentionPolicy } from './retention.ts';
import { UUID } from '../vocabulary.ts';

const help = `Usage: kaiku privacy <command> [options]

Commands:
  erase       erase a contact: personal data deleted, answers kept anonymously (irreversible)
              --contact ID | --external-id ID, and --confirm
  export      everything held about a contact, as one JSON document
              --contact ID | --external-id ID  [--out FILE]  (default: standard output)
  retention   show the organisation's retention policy and its last run
              [--run]  apply it now, as the daily job does

Options:
  --org SLUG  organisation (needed when the database has several)
  -h, --help  this help

Erasures and exports are recorded in the organisation's audit log. Uses DATABASE_URL, or the
embedded database in KAIKU_DATA_DIR (stop the server first when using the embedded database).
The same operations are POST /api/v1/contacts/{id}/erase, GET /api/v1/contacts/{id}/export and
/api/v1/privacy/retention.

Exit status: 0 done, 1 error (e.g. no such contact), 2 usage error.
`;

const options = {
  org: { type: 'string' }, contact: { type: 'string' }, 'external-id': { type: 'string' }, confirm: { type: 'boolean' },
  out: { type: 'string' }, run: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;


async function contactIdOf(db: Database, orgId: string, values: { contact?: string; 'external-id'?: string }): Promise<string> {
  if ((values.contact === undefined) === (values['external-id'] === undefined)) throw new UsageError('Give one of --contact ID or --external-id ID');
  if (values.contact !== undefined) {
    if (!UUID.test(values.contact)) throw new UsageError(`--contact must be a contact id (UUID), got "${values.contact}"`);
    return values.contact;
  }
  const [row] = await db.query<{ id: string }>(`select id from contacts where org_id = $1 and external_id = $2`, [orgId, values['external-id']]);
  if (!row) throw new KaikuError('not_found', `No contact with external id "${values['external-id']}"`);
  return row.id;
}

/** The command over a database the caller opens (tests pass their own). */
export async function runPrivacy(args: string[], io: CliIO, open: () => Promise<{ db: Database; close: () => Promise<void> }>, now = () => new Date()): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') { io.out(help); return sub ? 0 : 2; }
  if (!['erase', 'export', 'retention'].includes(sub)) throw new UsageError(`Unknown subcommand "${sub}". Use: kaiku privacy erase|export|retention`);
  const { values } = parseCommandArgs(rest, options);
  if (values.help) { io.out(help); return 0; }
  if (sub === 'erase' && !values.confirm) throw new UsageError('Erasing cannot be undone: add --confirm');
  const { db, close } = await open();
  try {
    const org = await organisationForCommand(db, values.org);
    if (sub === 'retention') {
      if (values.run) {
        const figures = await applyRetention(db, org.id, now());
        io.out(`Retention applied in "${org.name}": ${figures.openTexts} open-text answers, ${figures.feedbackTexts} feedback texts and `
          + `${figures.responses} responses deleted, ${figures.contacts} inactive contacts erased.\n`);
      } else io.out(`${JSON.stringify(await getRetentionPolicy(db, org.id), null, 2)}\n`);
      return 0;
    }
    const contactId = await contactIdOf(db, org.id, values);
    if (sub === 'erase') {
      const result = await eraseContact(db, org.id, contactId, { actor: {}, now: now() });
      if (result.status === 'already_erased') io.out(`Contact ${contactId} was already erased (${result.erasedAt}).\n`);
      else {
        io.out(`Erased contact ${contactId} in "${org.name}": ${result.responsesAnonymised} responses anonymised, `
          + `${result.textAnswersDeleted} open-text answers and ${result.feedbackTextsDeleted} feedback texts deleted, `
          + `${result.invitationsAnonymised} invitations and ${result.casesScrubbed} cases anonymised.\n`);
      }
      return 0;
    }
    const document = await exportContact(db, org.id, contactId, now());
    await recordAudit(db, { orgId: org.id, actor: {}, action: 'contact.export', target: { type: 'contact', id: contactId }, details: { via: 'cli' } });
    const text = `${JSON.stringify(document, null, 2)}\n`;
    if (values.out) {
      await writeFile(values.out, text, { mode: 0o600 });
      io.err(`Wrote everything held about contact ${contactId} to ${values.out}.\n`);
    } else io.out(text);
    return 0;
  } finally {
    await close();
  }
}

export const privacyCommand: Command = (args, io) => runPrivacy(args, io, async () => {
  const config = loadConfig();
  const db = await openMigratedDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  return { db, close: () => db.close() };
});
