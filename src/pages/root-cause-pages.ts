/**
 * The organisation's root causes (rules:manage, as the rest of the loop's set-up), the list a
 * problem case's root cause is chosen from when it is closed (src/loop/closure.ts):
 *
 *  - /app/setup/root-causes          the list (name, in use or retired, cases using it), add a cause
 *                                    named in one or more languages, retire / bring back;
 *  - /app/setup/root-causes/:code    rename.
 *
 * A retired cause cannot be chosen when closing, but the cases that have it keep it. A name is
 * refused when a reader of some language would see it twice on the list. The code made from the
 * name stays in URLs only; the page shows names.
 */
import type { FastifyInstance } from 'fastify';
import { KaikuError } from '../errors.ts';
import { caseInboxText, type CaseInboxStrings } from '../i18n/case-inbox.ts';
import { uiLanguages, type UiLanguage } from '../i18n/index.ts';
import { addRootCause, listRootCauses, renameRootCause, rootCauseName, setRootCauseActive, type RootCause } from '../loop/closure.ts';
import { html } from './html.ts';
import { checkText, errorSummary, inputField, notice, one, page, type Errors, type OpenPage } from './page-kit.ts';
import { breadcrumb } from './setup-pages.ts';

const LIST = '/app/setup/root-causes';
const MAX_NAME = 100;
/** Codes as codeFromName makes them; anything else in a URL is not one of ours. */
const CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;
type Labels = Partial<Record<UiLanguage, string>>;
type Done = keyof CaseInboxStrings['rootCauses']['done'];

const nameField = (language: UiLanguage) => `name-${language}`;
/** The reader's language first: the name most likely given. */
const formLanguages = (reader: UiLanguage) => [reader, ...uiLanguages.filter((l) => l !== reader)];
const sameName = (a: string, b: string) => a.normalize('NFKC').trim().toLocaleLowerCase() === b.normalize('NFKC').trim().toLocaleLowerCase();

/**
 * The fields whose name another cause already shows: in each language, the name a reader would
 * see (that language's, else the first given) must differ from every other cause's. The error
 * goes to the field the clashing name was typed in.
 */
export function nameClashes(labels: Labels, others: RootCause[]): Map<UiLanguage, string> {
  const given = uiLanguages.filter((l) => labels[l]);
  const clashes = new Map<UiLanguage, string>();
  for (const language of uiLanguages) {
    const source = labels[language] ? language : given[0];
    if (!source || clashes.has(source)) continue;
    const shown = labels[source]!;
    if (others.some((r) => sameName(rootCauseName(r.labels, language, r.code), shown))) clashes.set(source, shown);
  }
  return clashes;
}

export async function rootCausePageRoutes(app: FastifyInstance) {
  const { db } = app.deps;

  /** The names as posted, and their errors (none given, too long, already on the list) at their fields. */
  function readNames(p: OpenPage, body: unknown, others: RootCause[]): { labels: Labels; errors: Errors } {
    const rc = caseInboxText(p.language).rootCauses;
    const labels: Labels = {};
    // In the form's order: the code is made from the first name given, the reader's own if given.
    for (const language of formLanguages(p.language)) {
      const name = one(body, nameField(language));
      if (name) labels[language] = name;
    }
    const errors: Errors = new Map();
    if (Object.keys(labels).length === 0) errors.set(nameField(p.language), rc.needName);
    for (const language of uiLanguages) checkText(p.w, errors, nameField(language), labels[language], MAX_NAME);
    if (errors.size === 0) for (const [language, name] of nameClashes(labels, others)) errors.set(nameField(language), rc.taken(name));
    return { labels, errors };
  }

  const nameFields = (p: OpenPage, labels: Labels, errors: Errors) => {
    const rc = caseInboxText(p.language).rootCauses;
    return html`<p class="muted">${rc.nameHint}</p>
<div class="form-grid">${formLanguages(p.language).map((l) => inputField(nameField(l), rc.nameIn[l], labels[l], errors, { attrs: `maxlength="${MAX_NAME}" autocomplete="off" lang="${l}"` }))}</div>`;
  };

  async function listPage(p: OpenPage, state: { done?: string; labels?: Labels; errors?: Errors } = {}, status = 200) {
    const rc = caseInboxText(p.language).rootCauses;
    const { w } = p;
    const causes = await listRootCauses(db, p.auth.orgId);
    const errors = state.errors ?? new Map();
    const done = state.done && state.done in rc.done ? rc.done[state.done as Done] : undefined;
    return p.send('setup', rc.title, html`${breadcrumb(w)}<h1>${rc.title}</h1>
<p class="lead">${rc.intro}</p>
${notice(done)}${errorSummary(w, errors)}
${causes.length === 0 ? html`<div class="empty"><p>${rc.empty}</p></div>` : html`<div class="table-scroll"><table id="root-causes"><caption>${rc.caption}</caption>
<thead><tr><th scope="col">${rc.name}</th><th scope="col">${rc.state}</th><th scope="col" class="num">${rc.cases}</th><th scope="col">${w.common.actions}</th></tr></thead>
<tbody>${causes.map((r) => {
      const name = rootCauseName(r.labels, p.language, r.code);
      return html`<tr><th scope="row">${name}</th><td>${r.active ? rc.active : rc.retired}</td><td class="num">${r.cases}</td>
<td><a href="${LIST}/${r.code}">${rc.editHeading}<span class="visually-hidden"> ${name}</span></a>
<form class="inline-form" method="post" action="${LIST}/${r.code}/active"><input type="hidden" name="active" value="${r.active ? '0' : '1'}"><button class="button secondary" type="submit">${r.active ? rc.retire : rc.restore}<span class="visually-hidden"> ${name}</span></button></form></td></tr>`;
    })}</tbody></table></div>
<p class="muted">${rc.retireHint}</p>`}
<section class="panel" aria-labelledby="add-heading"><h2 id="add-heading">${rc.addHeading}</h2>
<form method="post" action="${LIST}" class="stack" novalidate>
${nameFields(p, state.labels ?? {}, errors)}
<div><button class="button" type="submit">${rc.add}</button></div></form></section>`, status);
  }

  /** The cause of this organisation named by the URL (404 otherwise). */
  async function causeOf(p: OpenPage, code: string | undefined): Promise<{ cause: RootCause; others: RootCause[] }> {
    const causes = code && CODE.test(code) ? await listRootCauses(db, p.auth.orgId) : [];
    const cause = causes.find((r) => r.code === code);
    if (!cause) throw new KaikuError('not_found', 'Root cause not found', { status: 404 });
    return { cause, others: causes.filter((r) => r !== cause) };
  }

  async function renamePage(p: OpenPage, cause: RootCause, labels: Labels, errors: Errors, status = 200) {
    const rc = caseInboxText(p.language).rootCauses;
    const title = rc.edit(rootCauseName(cause.labels, p.language, cause.code));
    return p.send('setup', title, html`${breadcrumb(p.w, [[LIST, rc.title]])}<h1>${title}</h1>
${errorSummary(p.w, errors)}
<form method="post" action="${LIST}/${cause.code}" class="stack" novalidate>
<h2>${rc.editHeading}</h2>
${nameFields(p, labels, errors)}
<div class="form-actions"><button class="button" type="submit">${rc.save}</button> <a href="${LIST}">${rc.back}</a></div></form>`, status);
  }

  page(app, 'GET', LIST, 'rules:manage', async (request, _reply, p) => listPage(p, { done: one(request.query, 'done') }));

  page(app, 'POST', LIST, 'rules:manage', async (request, reply, p) => {
    const { labels, errors } = readNames(p, request.body, await listRootCauses(db, p.auth.orgId));
    if (errors.size > 0) return listPage(p, { labels, errors }, 400);
    await addRootCause(db, p.auth.orgId, labels as Record<string, string>);
    return reply.redirect(`${LIST}?done=added`, 303);
  });

  page<{ code: string }>(app, 'GET', `${LIST}/:code`, 'rules:manage', async (request, _reply, p) => {
    const { cause } = await causeOf(p, request.params.code);
    return renamePage(p, cause, cause.labels as Labels, new Map());
  });

  page<{ code: string }>(app, 'POST', `${LIST}/:code`, 'rules:manage', async (request, reply, p) => {
    const { cause, others } = await causeOf(p, request.params.code);
    const { labels, errors } = readNames(p, request.body, others);
    if (errors.size > 0) return renamePage(p, cause, labels, errors, 400);
    await renameRootCause(db, p.auth.orgId, cause.code, labels as Record<string, string>);
    return reply.redirect(`${LIST}?done=renamed`, 303);
  });

  page<{ code: string }>(app, 'POST', `${LIST}/:code/active`, 'rules:manage', async (request, reply, p) => {
    const { cause } = await causeOf(p, request.params.code);
    const active = one(request.body, 'active') === '1';
    await setRootCauseActive(db, p.auth.orgId, cause.code, active);
    return reply.redirect(`${LIST}?done=${active ? 'restored' : 'retired'}`, 303);
  });
}
