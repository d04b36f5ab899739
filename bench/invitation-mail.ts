/**
 * Issue 3's target: ≥ 200 invitation e-mails a second to a local SMTP server. The real sender
 * path (src/distribution/dispatch.ts: claim 200 due invitations, load contacts and survey,
 * render fi/en with the embedded NPS scores, send 40 at a time over one pooled nodemailer
 * transport of up to 20 connections, record delivered) on PostgreSQL, to an smtp-server peer in
 * its own process that receives every message whole. 5,000 invitations per run.
 * Run: npx tsx bench/invitation-mail.ts [--invitations 5000] [--runs 3]
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { openPostgres } from '../src/db/connection.ts';
import { createOrganization } from '../src/orgs/service.ts';
import { upsertContacts } from '../src/contacts/service.ts';
import { createSurvey } from '../src/surveys/service.ts';
import { createMailer } from '../src/mail/mailer.ts';
import { dispatchDue } from '../src/distribution/dispatch.ts';
import { insertInvitations } from '../src/distribution/schedule.ts';
import { dropDatabase, machine, median, scratchDatabase } from './lib.ts';

const { values } = parseArgs({ options: { invitations: { type: 'string', default: '5000' }, runs: { type: 'string', default: '3' } } });
const count = Number(values.invitations);
const runs = Number(values.runs);

const name = 'kaiku_bench_invitation_mail';
const url = await scratchDatabase(name);
const db = openPostgres({ url });
await db.migrate();
const smtp = await startSmtpPeer();
const orgId = await createOrganization(db, { name: 'Bench', slug: 'bench' });
const survey = await createSurvey(db, orgId, { name: 'Pulse', kind: 'pulse', defaultLanguage: 'fi', languages: ['fi', 'en'], title: { fi: 'Kerro kokemuksestasi', en: 'Tell us' },
  questions: [{ key: 'nps', type: 'nps', text: { fi: 'Suosittelisitko meitä?', en: 'Would you recommend us?' } }] });
const contactIds: string[] = [];
for (let start = 0; start < count; start += 1000) {
  const chunk = Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({ externalId: `C-${start + i}`, name: `Asiakas ${start + i}`,
    email: `c${start + i}@example.com`, language: (start + i) % 2 ? 'en' : 'fi', consent: { surveyEmail: true } }));
  contactIds.push(...(await db.transaction((tx) => upsertContacts(tx, orgId, chunk))).map((r) => r.id));
}
const mailer = createMailer({ smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecure: false, mailFrom: 'Kaiku <kaiku@localhost>' }, { pool: true });
const rates: number[] = [];
const perCpuSecond: number[] = [];

/** An SMTP server in a child process (as a real relay would be), reporting how many messages it accepted. */
async function startSmtpPeer() {
  const code = `import { SMTPServer } from 'smtp-server';
    let n = 0;
    const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, _session, done) { stream.on('data', () => {}); stream.on('end', () => { n++; done(); }); } });
    server.listen(0, '127.0.0.1', () => console.log('port ' + server.server.address().port));
    setInterval(() => console.log('count ' + n), 50);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  let received = 0;
  let port = 0;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (line.startsWith('port ')) port = Number(line.slice(5));
      if (line.startsWith('count ')) received = Number(line.slice(6));
    }
  });
  while (!port) await new Promise((r) => setTimeout(r, 20));
  return {
    port,
    received: () => received,
    async waitFor(total: number) { while (received < total) await new Promise((r) => setTimeout(r, 20)); },
    close: () => { child.kill(); },
  };
}
try {
  for (let run = 0; run < runs; run++) {
    const now = new Date();
    await insertInvitations(db, orgId, contactIds.map((contactId, i) => ({
      surveyId: survey.id, contactId, touchpointId: null, unitId: null, employeeId: null, language: i % 2 ? 'en' : 'fi', ruleId: null, eventId: null, waveId: null,
      decision: { status: 'scheduled' as const, channel: 'email' as const, sendAt: now, expiresAt: new Date(now.getTime() + 86_400_000) },
    })));
    const before = smtp.received();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    while ((await dispatchDue(db, { mailer, publicUrl: 'https://cx.example.com' }, new Date())).claimed > 0) { /* next batch */ }
    await smtp.waitFor(before + count);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from invitations where org_id = $1 and status = 'delivered'`, [orgId]);
    if (n !== (run + 1) * count) throw new Error(`expected ${(run + 1) * count} delivered, found ${n}`);
    rates.push(count / seconds);
    perCpuSecond.push(count / cpuSeconds);
    // E-mails per CPU-second of the sending process: what the sender costs, whatever else loads the machine.
    console.log(`run ${run + 1}: ${count} e-mails in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} e-mails/s, ${(count / cpuSeconds).toFixed(0)} per CPU-second of the sender`);
  }
} finally {
  mailer?.close();
  smtp.close();
  await db.close();
  await dropDatabase(name);
}
console.log(`\nInvitation e-mail to a local SMTP server (${machine()}, ${new Date().toISOString().slice(0, 10)})`);
console.log(`median ${median(rates).toFixed(0)} e-mails/s (target ≥ 200), ${median(perCpuSecond).toFixed(0)} e-mails per CPU-second of the sender`);
