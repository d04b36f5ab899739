/**
 * The contacts pages (contacts:read):
 *
 *  - /app/contacts      the directory: search (part of name, e-mail or id), filters by segment,
 *                       persona, cohort and consent, pages of 50 (keyset on the id);
 *  - /app/contacts/:id  one contact: details, consent, their answers and the cases opened on them.
 *
 * The queries are the contact service's (listContacts, contactFacets, contactHistory); another
 * organisation's contact answers 404.
 */
import type { FastifyInstance } from 'fastify';
import { contactFacets, contactHistory, getContact, listContacts, type ContactFilter } from '../contacts/service.ts';
import { contactsText, type ConsentFilter } from '../i18n/contacts.ts';
import { languageNames } from '../i18n/index.ts';
import { html } from './html.ts';
import { dateTime, inputField, notice, one, page, selectField, uuidParam, UUID, type Errors } from './page-kit.ts';

const PAGE_SIZE = 50;
const consentFilters: ConsentFilter[] = ['email', 'sms', 'none', 'withdrawn'];

const queryString = (q: Record<string, string | undefined>) => {
  const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const s = params.toString();
  return s ? `?${s}` : '';
};

export async function contactPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;

  page(app, 'GET', '/app/contacts', 'contacts:read', async (request, _reply, p) => {
    const c = contactsText(p.language);
    const q = request.query;
    const errors: Errors = new Map();
    const values = { q: one(q, 'q'), segment: one(q, 'segment'), persona: one(q, 'persona'), cohort: one(q, 'cohort'), consent: one(q, 'consent'), after: one(q, 'after') };
    if (values.q && values.q.length > 200) errors.set('q', p.w.common.tooLong(200));
    if (values.cohort && !/^[0-3]$/.test(values.cohort)) errors.set('cohort', c.invalidFilter);
    if (values.consent && !consentFilters.includes(values.consent as ConsentFilter)) errors.set('consent', c.invalidFilter);
    if (values.after && !UUID.test(values.after)) errors.set('after', c.invalidFilter);
    for (const f of ['segment', 'persona'] as const) if (values[f] && values[f].length > 200) errors.set(f, p.w.common.tooLong(200));
    const filter: ContactFilter = errors.size ? { limit: 0 } : {
      limit: PAGE_SIZE, query: values.q, segment: values.segment, persona: values.persona,
      cohort: values.cohort === undefined ? undefined : Number(values.cohort), consent: values.consent as ConsentFilter | undefined, after: values.after?.toLowerCase(),
    };
    const [rows, facets] = await Promise.all([errors.size ? Promise.resolve([]) : listContacts(db, p.auth.orgId, filter), contactFacets(db, p.auth.orgId)]);
    const more = rows.length > PAGE_SIZE;
    const shown = rows.slice(0, PAGE_SIZE);
    const base = { q: values.q, segment: values.segment, persona: values.persona, cohort: values.cohort, consent: values.consent };
    const filtered = Object.values(base).some((v) => v !== undefined);
    const keep = (list: string[], v: string | undefined) => (v && !list.includes(v) ? [...list, v] : list);
    const filterForm = html`<form class="filters" method="get" action="/app/contacts" aria-labelledby="filters-heading">
<h2 id="filters-heading" class="visually-hidden">${c.filtersHeading}</h2>
${inputField('q', c.search, values.q, errors, { type: 'search', hint: c.searchHint, attrs: 'maxlength="200"' })}
${selectField('segment', c.segment, [['', c.anySegment], ...keep(facets.segments, values.segment).map((s): [string, string] => [s, s])], values.segment, errors)}
${selectField('persona', c.persona, [['', c.anyPersona], ...keep(facets.personas, values.persona).map((s): [string, string] => [s, s])], values.persona, errors)}
${selectField('cohort', c.cohort, [['', c.anyCohort], ...[0, 1, 2, 3].map((n): [string, string] => [String(n), c.cohortN(n)])], values.cohort, errors)}
${selectField('consent', c.consent, [['', c.anyConsent], ...consentFilters.map((f): [string, string] => [f, c.consents[f]])], values.consent, errors)}
<div class="form-actions"><button class="button" type="submit">${c.apply}</button> <a href="/app/contacts">${c.reset}</a></div>
</form>`;
    const table = shown.length === 0
      ? html`<div class="empty" role="status"><p>${filtered || values.after ? c.emptyFiltered : c.empty}</p></div>`
      : html`<div class="table-scroll"><table><caption>${c.caption(shown.length, more || values.after !== undefined)}</caption>
<thead><tr><th scope="col">${c.columns.name}</th><th scope="col">${c.columns.email}</th><th scope="col">${c.columns.phone}</th><th scope="col">${c.columns.language}</th><th scope="col">${c.columns.segment}</th><th scope="col">${c.columns.persona}</th><th scope="col">${c.columns.consent}</th></tr></thead>
<tbody>${shown.map((r) => html`<tr><th scope="row"><a href="/app/contacts/${r.id}">${r.name ?? r.externalId ?? c.noName}</a></th>
<td>${r.email ?? '–'}</td><td>${r.phone ?? '–'}</td><td>${r.language ? languageNames[r.language] ?? r.language : '–'}</td><td>${r.segment ?? '–'}</td><td>${r.persona ?? '–'}</td>
<td>${c.consentSummary(r.consent.surveyEmail, r.consent.surveySms, r.consent.withdrawnAt !== null)}</td></tr>`)}</tbody></table></div>`;
    const pager = html`<nav aria-label="${c.title}"><p>${values.after ? html`<a href="/app/contacts${queryString(base)}">${p.w.common.firstPage}</a> ` : ''}${more ? html`<a href="/app/contacts${queryString({ ...base, after: shown[shown.length - 1].id })}">${p.w.common.nextPage}</a>` : ''}</p></nav>`;
    const importLink = p.can('contacts:write') ? html`<p><a class="button" href="/app/contacts/import">${c.importLink}</a></p>` : '';
    return p.send('contacts', c.title, html`<h1>${c.title}</h1><p class="lead">${c.intro}</p>${importLink}
${errors.size ? notice(c.invalidFilter) : ''}${filterForm}${table}${pager}`, errors.size ? 400 : 200);
  });

  page<{ id: string }>(app, 'GET', '/app/contacts/:id', 'contacts:read', async (request, _reply, p) => {
    const c = contactsText(p.language);
    const id = uuidParam(request.params.id, 'Contact');
    const contact = await getContact(db, p.auth.orgId, id);
    const history = await contactHistory(db, p.auth.orgId, id);
    const name = contact.name ?? contact.externalId ?? c.noName;
    const when = (d: Date | string | null | undefined) => (d ? dateTime(d, p.language, p.timeZone) : '–');
    const row = (label: string, value: string) => html`<dt>${label}</dt><dd>${value}</dd>`;
    return p.send('contacts', name, html`<nav aria-label="${c.title}"><p><a href="/app/contacts">${c.back}</a></p></nav>
<h1>${name}</h1>
<section aria-labelledby="details-heading"><h2 id="details-heading">${c.details}</h2><dl class="details">
${row(c.externalId, contact.externalId ?? '–')}${row(c.columns.email, contact.email ?? '–')}${row(c.columns.phone, contact.phone ?? '–')}
${row(c.columns.language, contact.language ? languageNames[contact.language] ?? contact.language : '–')}${row(c.timeZone, contact.timeZone ?? '–')}
${row(c.columns.segment, contact.segment ?? '–')}${row(c.columns.persona, contact.persona ?? '–')}${row(c.cohort, c.cohortN(contact.cohort))}
${row(c.created, when(contact.createdAt))}</dl></section>
<section aria-labelledby="consent-heading"><h2 id="consent-heading">${c.consentHeading}</h2><dl class="details">
${row(c.consentEmail, contact.consent.surveyEmail ? c.given : c.notGiven)}${row(c.consentSms, contact.consent.surveySms ? c.given : c.notGiven)}
${contact.consent.withdrawnAt ? row(c.withdrawnAt, when(contact.consent.withdrawnAt)) : ''}${row(c.updatedAt, when(contact.updatedAt))}</dl></section>
<section aria-labelledby="answers-heading"><h2 id="answers-heading">${c.answersHeading}</h2>
${history.responses.length === 0 ? html`<p>${c.noAnswers}</p>` : html`<div class="table-scroll"><table><caption class="visually-hidden">${c.answersHeading}</caption>
<thead><tr><th scope="col">${c.survey}</th><th scope="col">${c.submitted}</th><th scope="col">${c.nps}</th></tr></thead>
<tbody>${history.responses.map((r) => html`<tr><th scope="row">${r.surveyName}</th><td>${when(r.submittedAt)}</td><td>${r.nps ?? '–'}</td></tr>`)}</tbody></table></div>`}</section>
<section aria-labelledby="cases-heading"><h2 id="cases-heading">${c.casesHeading}</h2>
${history.cases.length === 0 ? html`<p>${c.noCases}</p>` : html`<ul>${history.cases.map((k) => html`<li>${p.can('cases:read') ? html`<a href="/app/cases/${k.id}">${k.title}</a>` : k.title} – ${p.w.status[k.status]}, ${when(k.createdAt)}</li>`)}</ul>`}</section>`);
  });
}
