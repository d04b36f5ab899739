/**
 * The contact import page (contacts:write), three plain forms, no script needed:
 *
 *  1. /app/contacts/import        upload a CSV or XLSX file (multipart, at most 10 MB): it is
 *                                 kept in contact_imports and the browser goes to step 2;
 *  2. /app/contacts/import/:id    each column's Kaiku field (guessed from the header), the first
 *                                 rows of the file, and the check in words: how many rows can be
 *                                 imported, and each refused row with its number and field.
 *                                 "Check again" re-runs the check with the chosen fields and
 *                                 stores nothing; "Import" stores the contacts;
 *  3. the same address afterwards: created, updated, unchanged and skipped rows.
 *
 * The engine is src/contacts/import.ts (the CLI's), so the page refuses exactly what
 * `kaiku import contacts` refuses.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { checkContactRecords, contactFields, importContactRecords, type ColumnTarget } from '../contacts/import.ts';
import {
  claimContactUpload, contactFileKind, contentOf, createContactUpload, failContactUpload, fieldTarget, finishContactUpload, getContactUpload,
  readContactFile, recordsOf, storedRejected, type ContactUpload, type StoredRejectedRow,
} from '../contacts/import-uploads.ts';
import { KaikuError } from '../errors.ts';
import { contactImportText, type ContactImportStrings } from '../i18n/contact-import.ts';
import { html, type SafeHtml } from './html.ts';
import { errorSummary, inputField, notice, one, page, selectField, uuidParam, type Errors, type OpenPage } from './page-kit.ts';

export const IMPORT_MAX_MEGABYTES = 10;
const IMPORT_MAX_BYTES = IMPORT_MAX_MEGABYTES * 1024 * 1024;
const PREVIEW_ROWS = 5;
/** Refused rows listed on the page; the rest are counted. */
const PROBLEMS_SHOWN = 50;
const BASE = '/app/contacts/import';
const targets: ColumnTarget[] = ['ignore', ...contactFields, 'attribute', 'operational'];

const squash = (name: string) => name.toLowerCase().replace(/[_\s.-]/g, '');
/** Header names (squashed) read as a field besides the field's own name, in the four languages. */
const synonyms: Partial<Record<ColumnTarget, string[]>> = {
  externalId: ['id', 'customerid', 'customernumber', 'asiakasnumero', 'asiakasid', 'tunniste', 'kundnummer', 'kundid', 'numerklienta', 'idklienta'],
  email: ['email', 'mail', 'sähköposti', 'sahkoposti', 'epost', 'emailaddress'],
  phone: ['phone', 'mobile', 'puhelin', 'puhelinnumero', 'telefon', 'telefonnummer', 'telefonu', 'numertelefonu'],
  name: ['fullname', 'nimi', 'namn', 'nazwa', 'imięinazwisko'],
  language: ['lang', 'kieli', 'språk', 'język', 'jezyk'],
  timeZone: ['tz', 'aikavyöhyke', 'tidszon', 'strefaczasowa'],
  segment: ['segmentti'],
  persona: ['persoona'],
  plan: ['sopimus', 'avtal'],
  revenue: ['liikevaihto', 'omsättning', 'przychód'],
};

/** Each column's field guessed from its name: a field at most once (the first column wins), unknown columns not imported. */
export function guessMapping(columns: string[]): ColumnTarget[] {
  const taken = new Set<ColumnTarget>();
  return columns.map((column) => {
    if (/^(?:attr|attributes)\./i.test(column)) return 'attribute';
    if (/^(?:op|operational)\./i.test(column)) return 'operational';
    const name = squash(column);
    const field = contactFields.find((f) => !taken.has(f) && (squash(f) === name || synonyms[f]?.includes(name)));
    if (!field) return 'ignore';
    taken.add(field);
    return field;
  });
}

/** The chosen field of each column from the mapping form; problems go to the column's select. */
function mappingOf(body: unknown, columns: string[], s: ContactImportStrings, errors: Errors): ColumnTarget[] {
  const mapping = columns.map((_, i) => {
    const v = one(body, `col-${i}`) as ColumnTarget | undefined;
    return v && targets.includes(v) ? v : 'ignore';
  });
  const firstOf = new Map<ColumnTarget, number>();
  mapping.forEach((target, i) => {
    if (target === 'ignore' || target === 'attribute' || target === 'operational') return;
    if (firstOf.has(target)) errors.set(`col-${i}`, s.chosenTwice(s.targets[target]));
    else firstOf.set(target, i);
  });
  if (!firstOf.has('externalId')) errors.set('col-0', s.needExternalId);
  return mapping;
}

/** A refused row in the reader's words: "Row 7: e-mail 'anna@' is not an e-mail address". */
function problemText(s: ContactImportStrings, r: StoredRejectedRow): string {
  const words = r.field ? s.problems[fieldTarget(r.field)] : undefined;
  return s.problemRow(r.row, words ? words(r.value ?? '') : s.otherProblem(r.reason));
}

function problemList(s: ContactImportStrings, rejected: StoredRejectedRow[], level: 2 | 3): SafeHtml | '' {
  if (rejected.length === 0) return '';
  const more = rejected.length - PROBLEMS_SHOWN;
  const heading = level === 2 ? html`<h2 id="problems-heading">${s.problemsHeading}</h2>` : html`<h3 id="problems-heading">${s.problemsHeading}</h3>`;
  return html`${heading}<ul aria-labelledby="problems-heading" class="problems">
${rejected.slice(0, PROBLEMS_SHOWN).map((r) => html`<li>${problemText(s, r)}</li>`)}</ul>${more > 0 ? html`<p>${s.moreProblems(more)}</p>` : ''}`;
}

async function firstRows(upload: ContactUpload, content: Buffer): Promise<string[][]> {
  const rows: string[][] = [];
  let header = true;
  for await (const record of recordsOf(upload.fileKind, content)) {
    if (header) { header = false; continue; }
    rows.push(record);
    if (rows.length === PREVIEW_ROWS) break;
  }
  return rows;
}

function uploadForm(p: OpenPage, s: ContactImportStrings, errors: Errors, status = 200) {
  return p.send('contacts', s.title, html`<nav aria-label="${s.title}"><p><a href="/app/contacts">${s.backToContacts}</a></p></nav>
<h1>${s.title}</h1><p class="lead">${s.intro}</p>${errorSummary(p.w, errors)}
<form method="post" action="${BASE}" enctype="multipart/form-data">
${inputField('file', s.fileLabel, undefined, errors, { type: 'file', hint: s.fileHint(IMPORT_MAX_MEGABYTES), attrs: 'accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"' })}
<div class="form-actions"><button class="button" type="submit">${s.upload}</button></div></form>
<section aria-labelledby="columns-heading"><h2 id="columns-heading">${s.columnsHeading}</h2><p>${s.columnsIntro}</p>
<dl class="details">${s.columnNotes.map(([column, meaning]) => html`<dt><code>${column}</code></dt><dd>${meaning}</dd>`)}</dl></section>`, status);
}

async function mappingPage(app: FastifyInstance, p: OpenPage, s: ContactImportStrings, upload: ContactUpload, mapping: ColumnTarget[], errors: Errors, status = 200) {
  const content = await contentOf(app.deps.db, p.auth.orgId, upload.id);
  if (!content) return resultPage(p, s, upload);
  const rows = await firstRows(upload, content);
  let check: SafeHtml;
  if (errors.size > 0) check = html``;
  else {
    const checked = await checkContactRecords(recordsOf(upload.fileKind, content), { columns: mapping }, 0);
    const rejected = storedRejected(checked.rejected, mapping);
    check = html`<p class="notice" role="status"><strong>${s.checkSummary(checked.rows - rejected.length, rejected.length)}</strong></p>${problemList(s, rejected, 3)}`;
  }
  const options = targets.map((t): [string, string] => [t, s.targets[t]]);
  return p.send('contacts', s.title, html`<nav aria-label="${s.title}"><p><a href="/app/contacts">${s.backToContacts}</a></p></nav>
<h1>${s.title}</h1>${errorSummary(p.w, errors)}
<form method="post" action="${BASE}/${upload.id}">
<section aria-labelledby="mapping-heading"><h2 id="mapping-heading">${s.mappingHeading}</h2><p>${s.mappingIntro(upload.fileName, upload.totalRows)}</p>
${upload.columns.map((column, i) => selectField(`col-${i}`, s.columnLabel(column), options, mapping[i], errors))}</section>
<section aria-labelledby="preview-heading"><h2 id="preview-heading">${s.previewCaption(rows.length)}</h2>
<div class="table-scroll"><table><caption class="visually-hidden">${s.previewCaption(rows.length)}</caption>
<thead><tr>${upload.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${upload.columns.map((_, i) => html`<td>${r[i] ?? ''}</td>`)}</tr>`)}</tbody></table></div></section>
<section aria-labelledby="check-heading"><h2 id="check-heading">${s.checkHeading}</h2>${check}</section>
<div class="form-actions"><button class="button" type="submit" name="action" value="import">${s.importButton}</button>
<button class="button secondary" type="submit" name="action" value="check">${s.checkAgain}</button> <a href="${BASE}">${s.chooseAnother}</a></div>
</form>`, status);
}

function resultPage(p: OpenPage, s: ContactImportStrings, upload: ContactUpload) {
  const links = html`<p><a href="/app/contacts">${s.backToContacts}</a> <a href="${BASE}">${s.anotherFile}</a></p>`;
  if (upload.status === 'running' || upload.status === 'queued') return p.send('contacts', s.title, html`<h1>${s.title}</h1>${notice(s.running)}${links}`);
  if (upload.status === 'failed') return p.send('contacts', s.title, html`<h1>${s.title}</h1>${notice(s.failed)}${links}`);
  const imported = upload.created + upload.updated + upload.unchanged;
  return p.send('contacts', s.resultTitle, html`<h1>${s.resultTitle}</h1>
<p class="notice" role="status"><strong>${s.imported(imported)}</strong></p>
<ul><li>${s.created(upload.created)}</li><li>${s.updated(upload.updated)}</li><li>${s.unchanged(upload.unchanged)}</li><li>${s.skipped(upload.rejected.length)}</li></ul>
${problemList(s, upload.rejected, 2)}${links}`);
}

/** Registered in a scope of its own: multipart bodies are parsed on the upload route only. */
export async function contactImportPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;

  page(app, 'GET', BASE, 'contacts:write', async (_request, _reply, p) => uploadForm(p, contactImportText(p.language), new Map()));

  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 } });
    page(scope, 'POST', BASE, 'contacts:write', async (request, reply, p) => {
      const s = contactImportText(p.language);
      const refuse = (message: string, status = 400) => uploadForm(p, s, new Map([['file', message]]), status);
      let file: { filename: string; toBuffer: () => Promise<Buffer> } | undefined;
      let content: Buffer;
      try {
        file = await request.file();
        if (!file || file.filename === '') return refuse(s.noFile);
        content = await file.toBuffer();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') return refuse(s.tooLarge(IMPORT_MAX_MEGABYTES), 413);
        if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return refuse(s.noFile);
        throw error;
      }
      if (content.length === 0) return refuse(s.empty);
      const kind = contactFileKind(file.filename, content);
      if (!kind) return refuse(s.wrongType);
      let read: { columns: string[]; totalRows: number };
      try {
        read = await readContactFile(kind, content);
      } catch (error) {
        if (!(error instanceof KaikuError)) throw error;
        return refuse(error.code === 'empty_file' ? s.empty : s.unreadable);
      }
      const id = await createContactUpload(db, p.auth.orgId, { createdBy: p.auth.userId ?? null, fileName: file.filename.slice(0, 200), fileKind: kind, content, ...read });
      return reply.redirect(`${BASE}/${id}`, 303);
    });
  });

  page<{ id: string }>(app, 'GET', `${BASE}/:id`, 'contacts:write', async (request, _reply, p) => {
    const s = contactImportText(p.language);
    const upload = await getContactUpload(db, p.auth.orgId, uuidParam(request.params.id, 'Import'));
    if (upload.status !== 'uploaded') return resultPage(p, s, upload);
    return mappingPage(app, p, s, upload, upload.mapping ?? guessMapping(upload.columns), new Map());
  });

  page<{ id: string }>(app, 'POST', `${BASE}/:id`, 'contacts:write', async (request, reply, p) => {
    const s = contactImportText(p.language);
    const id = uuidParam(request.params.id, 'Import');
    const upload = await getContactUpload(db, p.auth.orgId, id);
    if (upload.status !== 'uploaded') return reply.redirect(`${BASE}/${id}`, 303);
    const errors: Errors = new Map();
    const mapping = mappingOf(request.body, upload.columns, s, errors);
    if (errors.size > 0 || one(request.body, 'action') !== 'import') return mappingPage(app, p, s, upload, mapping, errors, errors.size ? 400 : 200);
    const content = await contentOf(db, p.auth.orgId, id);
    // A second click on Import (or another tab) finds the file claimed and sees its result.
    if (!content || !(await claimContactUpload(db, p.auth.orgId, id, mapping))) return reply.redirect(`${BASE}/${id}`, 303);
    try {
      const summary = await importContactRecords(db, p.auth.orgId, recordsOf(upload.fileKind, content), { columns: mapping });
      await finishContactUpload(db, p.auth.orgId, id, summary, mapping);
    } catch (error) {
      await failContactUpload(db, p.auth.orgId, id, error instanceof Error ? error.message : String(error));
      if (!(error instanceof KaikuError)) throw error;
    }
    return reply.redirect(`${BASE}/${id}`, 303);
  });
}
