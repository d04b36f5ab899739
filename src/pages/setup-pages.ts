/**
 * The set-up pages of the dashboard (admins; analysts for rules), server-rendered without
 * scripts, over the same services and checks as the API:
 *
 *  - /app/setup                 index of the sections the role may open;
 *  - /app/setup/users           invite (e-mailed set-password link), change role, deactivate/reactivate (users:manage);
 *  - /app/setup/api-keys        create with scopes (the key shown once), revoke (users:manage);
 *  - /app/setup/webhooks        create (the secret shown once), enable/disable, delivery log, replay (webhooks:manage);
 *  - /app/setup/alert-rules     in alert-rule-pages.ts (rules:manage);
 *  - /app/setup/root-causes     in root-cause-pages.ts (rules:manage);
 *  - /app/setup/pulse-rules     list, create/edit, pause/resume (distribution:manage).
 *
 * Errors are shown next to their field and in a summary at the top; destructive actions ask
 * for confirmation first. Every lookup is by the caller's organisation, so another
 * organisation's ids answer 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roles, apiScopes, type Role, type ApiScope } from '../auth/permissions.ts';
import { createApiKey, createUser, findActiveApiKey, findUser, listApiKeys, listUsers, revokeApiKey, updateUser } from '../auth/service.ts';
import { listUnits, unitExists } from '../orgs/service.ts';
import { createPasswordResets, sendInBackground } from '../auth/password-reset.ts';
import { auditRequest } from '../audit/log.ts';
import { KaikuError } from '../errors.ts';
import { createWebhook, deliveryWebhookId, listDeliveries, listWebhooks, replayDelivery, updateWebhook } from '../webhooks/service.ts';
import { listSurveys, touchpointChoices } from '../surveys/service.ts';
import { webhookEvents, type WebhookEvent } from '../webhooks/signature.ts';
import { createPulseRule, getPulseRule, listPulseRules, updatePulseRule, type PulseRuleInput } from '../distribution/service.ts';
import { pulseChannels, type PulseChannel } from '../distribution/policy.ts';
import { createMailer } from '../mail/mailer.ts';
import { languageNames, uiLanguages } from '../i18n/index.ts';
import { builderText } from '../i18n/builder.ts';
import { journeyEditorText } from '../i18n/journey-editor.ts';
import { caseInboxText } from '../i18n/case-inbox.ts';
import type { WorkStrings } from '../i18n/work.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { orgSetupSections } from './org-settings-pages.ts';
import { themeText } from '../i18n/theme.ts';
import { THEME, themePageRoutes } from './theme-pages.ts';
import {
  checkboxGroup, confirmation, dateTime, errorSummary, inputField, intField, many, notice, one, page, selectField, uuidParam, UUID,
  type Errors, type OpenPage,
} from './page-kit.ts';

type Option = [value: string, label: string];

const sectionPermissions = {
  users: 'users:manage', apiKeys: 'users:manage', webhooks: 'webhooks:manage', alertRules: 'rules:manage', pulseRules: 'distribution:read',
} as const;
const sectionPaths = { users: '/app/setup/users', apiKeys: '/app/setup/api-keys', webhooks: '/app/setup/webhooks', alertRules: '/app/setup/alert-rules', pulseRules: '/app/setup/pulse-rules' } as const;

export const breadcrumb = (w: WorkStrings, trail: Array<[string, string]> = []) =>
  html`<nav aria-label="${w.setup.title}"><p><a href="/app/setup">${w.setup.title}</a>${trail.map(([href, label]) => html` › <a href="${href}">${label}</a>`)}</p></nav>`;

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

export async function setupPageRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const mailer = createMailer(config);
  app.addHook('onClose', async () => mailer?.close());
  const now = () => (app.deps.now ?? (() => new Date()))();

  // The organisation's theme (logo and brand colour of respondents' pages): a scope of its own for the logo upload.
  await app.register(themePageRoutes);

  // --- index -------------------------------------------------------------------------------------
  page(app, 'GET', '/app/setup', 'distribution:read', async (_request, _reply, p) => {
    const { w } = p;
    const sections = (Object.keys(sectionPaths) as Array<keyof typeof sectionPaths>).filter((s) => p.can(sectionPermissions[s]));
    return p.send('setup', w.setup.title, html`<h1>${w.setup.title}</h1><p class="lead">${w.setup.intro}</p>
<ul class="setup-list">${sections.map((s) => html`<li><h2><a href="${sectionPaths[s]}">${w.setup.sections[s][0]}</a></h2><p>${w.setup.sections[s][1]}</p></li>`)}
${p.can('rules:manage') ? html`<li><h2><a href="/app/setup/root-causes">${caseInboxText(p.language).rootCauses.section[0]}</a></h2><p>${caseInboxText(p.language).rootCauses.section[1]}</p></li>` : ''}
${p.can('journeys:write') ? html`<li><h2><a href="/app/setup/journeys">${journeyEditorText(p.language).section[0]}</a></h2><p>${journeyEditorText(p.language).section[1]}</p></li>` : ''}
${p.can('surveys:write') ? html`<li><h2><a href="/app/setup/surveys">${builderText(p.language).section[0]}</a></h2><p>${builderText(p.language).section[1]}</p></li>` : ''}
${orgSetupSections(p)}
${p.can('org:manage') ? html`<li><h2><a href="${THEME}">${themeText(p.language).section[0]}</a></h2><p>${themeText(p.language).section[1]}</p></li>` : ''}</ul>`);
  });

  // --- users and roles ------------------------------------------------------------------------------
  async function usersPage(p: OpenPage, state: { errors?: Errors; values?: Record<string, string | undefined>; message?: string; confirm?: SafeHtml } = {}, status = 200) {
    const { w } = p;
    const u = w.setup.users;
    const [users, units] = await Promise.all([listUsers(db, p.auth.orgId), listUnits(db, p.auth.orgId)]);
    const unitName = new Map(units.map((x) => [x.id, x.name]));
    const errors = state.errors ?? new Map();
    const v = state.values ?? {};
    const roleOptions: Option[] = roles.map((r) => [r, w.roles[r]]);
    return p.send('setup', w.setup.sections.users[0], html`${breadcrumb(w)}<h1>${w.setup.sections.users[0]}</h1>
${notice(state.message)}${state.confirm ?? ''}${errorSummary(w, errors)}
<div class="table-scroll"><table><caption>${u.caption}</caption>
<thead><tr><th scope="col">${w.common.name}</th><th scope="col">${u.email}</th><th scope="col">${u.role}</th><th scope="col">${u.unit}</th><th scope="col">${w.common.status}</th><th scope="col">${w.common.actions}</th></tr></thead>
<tbody>${users.map((x) => html`<tr><th scope="row">${x.name}</th><td>${x.email}</td>
<td>${x.id === p.auth.userId ? w.roles[x.role] : html`<form class="inline-form" method="post" action="/app/setup/users/${x.id}/role">
<label class="visually-hidden" for="role-${x.id}">${u.changeRole(x.name)}</label>
<select id="role-${x.id}" name="role">${roleOptions.map(([r, label]) => html`<option value="${r}"${r === x.role ? raw(' selected') : ''}>${label}</option>`)}</select>
<button class="button secondary" type="submit">${u.changeRoleSubmit}<span class="visually-hidden"> ${x.name}</span></button></form>`}</td>
<td>${x.unitId ? unitName.get(x.unitId) ?? '–' : u.noUnit}</td>
<td>${x.disabledAt ? w.common.disabled : w.common.active}</td>
<td>${x.id === p.auth.userId ? '' : html`<form class="inline-form" method="post" action="/app/setup/users/${x.id}/active">
<input type="hidden" name="active" value="${x.disabledAt ? '1' : '0'}"><button class="button ${x.disabledAt ? 'secondary' : 'danger'}" type="submit">${x.disabledAt ? u.reactivate : u.deactivate}<span class="visually-hidden"> ${x.name}</span></button></form>`}</td></tr>`)}</tbody></table></div>
<section class="panel" aria-labelledby="invite-heading"><h2 id="invite-heading">${u.inviteHeading}</h2><p class="muted">${u.inviteIntro}</p>
<form method="post" action="/app/setup/users" class="form-grid" novalidate>
${inputField('name', w.common.name, v.name, errors, { required: true, attrs: 'maxlength="200" autocomplete="off"' })}
${inputField('email', u.email, v.email, errors, { type: 'email', required: true, attrs: 'maxlength="320" autocomplete="off"' })}
${selectField('role', u.role, roleOptions, v.role ?? 'analyst', errors)}
${selectField('unitId', u.unit, [['', u.noUnit], ...units.map((x): Option => [x.id, x.name])], v.unitId, errors)}
${selectField('language', u.language, uiLanguages.map((l): Option => [l, languageNames[l]]), v.language ?? p.language, errors)}
<div><button class="button" type="submit">${u.invite}</button></div></form></section>`, status);
  }

  page(app, 'GET', '/app/setup/users', 'users:manage', async (_request, _reply, p) => usersPage(p));

  page(app, 'POST', '/app/setup/users', 'users:manage', async (request, _reply, p) => {
    const { w } = p;
    const b = request.body;
    const values = { name: one(b, 'name'), email: one(b, 'email'), role: one(b, 'role'), unitId: one(b, 'unitId'), language: one(b, 'language') };
    const errors: Errors = new Map();
    if (!values.name) errors.set('name', w.common.required); else if (values.name.length > 200) errors.set('name', w.common.tooLong(200));
    if (!values.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email) || values.email.length > 320) errors.set('email', w.common.invalidEmail);
    if (!(roles as readonly string[]).includes(values.role ?? '')) errors.set('role', w.common.choose);
    if (values.unitId && !UUID.test(values.unitId)) errors.set('unitId', w.common.choose);
    if (values.role === 'unit_manager' && !values.unitId) errors.set('unitId', w.setup.users.managerNeedsUnit);
    const language = (uiLanguages as readonly string[]).includes(values.language ?? '') ? values.language : 'fi';
    if (values.unitId && !errors.has('unitId')) {
      if (!(await unitExists(db, p.auth.orgId, values.unitId))) errors.set('unitId', w.common.choose);
    }
    if (errors.size > 0) return usersPage(p, { errors, values }, 400);
    let id: string;
    try {
      id = await createUser(db, p.auth.orgId, { email: values.email!, name: values.name!, role: values.role as Role, unitId: values.unitId ?? null, language });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return usersPage(p, { errors: new Map([['email', w.setup.users.emailTaken]]), values }, 409);
    }
    await auditRequest(db, request, p.auth, { action: 'user.create', target: { type: 'user', id }, details: { email: values.email, role: values.role } });
    const mails = await createPasswordResets(db, config.publicUrl, values.email!);
    sendInBackground(mailer, mails, (error) => request.log.error({ err: error }, 'invitation e-mail failed'));
    return usersPage(p, { message: w.setup.users.invited(values.email!) });
  });

  /** A user of this organisation other than the caller (404 otherwise; one's own role and access are not changed here). */
  async function otherUser(p: OpenPage, rawId: string) {
    const id = uuidParam(rawId, 'User');
    const user = await findUser(db, p.auth.orgId, id);
    if (!user) throw new KaikuError('not_found', 'User not found', { status: 404 });
    return user;
  }

  page<{ id: string }>(app, 'POST', '/app/setup/users/:id/role', 'users:manage', async (request, reply, p) => {
    const user = await otherUser(p, request.params.id);
    const role = one(request.body, 'role');
    if (user.id === p.auth.userId) return usersPage(p, { errors: new Map([['invite-heading', p.w.setup.users.notYourself]]) }, 400);
    if (!role || !(roles as readonly string[]).includes(role)) return usersPage(p, { errors: new Map([[`role-${user.id}`, p.w.common.choose]]) }, 400);
    if (role === 'unit_manager' && !user.unitId) return usersPage(p, { errors: new Map([[`role-${user.id}`, p.w.setup.users.managerNeedsUnit]]) }, 400);
    // The API's write path: the role change is audited in the same transaction, with the row locked.
    if (role !== user.role) await updateUser(db, { auth: p.auth, ip: request.ip }, user.id, { role: role as Role });
    return reply.redirect('/app/setup/users', 303);
  });

  page<{ id: string }>(app, 'POST', '/app/setup/users/:id/active', 'users:manage', async (request, reply, p) => {
    const user = await otherUser(p, request.params.id);
    if (user.id === p.auth.userId) return usersPage(p, { errors: new Map([['invite-heading', p.w.setup.users.notYourself]]) }, 400);
    const active = one(request.body, 'active') === '1';
    if (!active && one(request.body, 'confirm') !== '1') {
      return usersPage(p, { confirm: confirmation(p.w, `/app/setup/users/${user.id}/active`, p.w.setup.users.confirmDeactivate(user.name), { active: '0' }, '/app/setup/users') });
    }
    await updateUser(db, { auth: p.auth, ip: request.ip }, user.id, { disabled: !active });
    return reply.redirect('/app/setup/users', 303);
  });

  // --- API keys ----------------------------------------------------------------------------------------
  async function keysPage(p: OpenPage, state: { errors?: Errors; values?: { name?: string; scopes?: string[]; rate?: string }; secret?: string; confirm?: SafeHtml } = {}, status = 200) {
    const { w } = p;
    const k = w.setup.apiKeys;
    const keys = await listApiKeys(db, p.auth.orgId);
    const errors = state.errors ?? new Map();
    const v = state.values ?? {};
    return p.send('setup', w.setup.sections.apiKeys[0], html`${breadcrumb(w)}<h1>${w.setup.sections.apiKeys[0]}</h1>
${state.secret ? html`<section class="panel" role="status" aria-labelledby="secret-heading"><h2 id="secret-heading">${k.secretHeading}</h2><p>${k.secretOnce}</p><p class="secret">${state.secret}</p></section>` : ''}
${state.confirm ?? ''}${errorSummary(w, errors)}
<div class="table-scroll"><table><caption>${k.caption}</caption>
<thead><tr><th scope="col">${w.common.name}</th><th scope="col">${k.scopes}</th><th scope="col">${w.common.created}</th><th scope="col">${k.lastUsed}</th><th scope="col">${w.common.status}</th><th scope="col">${w.common.actions}</th></tr></thead>
<tbody>${keys.map((x) => html`<tr><th scope="row">${x.name}</th><td>${x.scopes.map((s) => k.scopeNames[s] ?? s).join(', ')}</td>
<td>${dateTime(x.createdAt, p.language, p.timeZone)}</td><td>${x.lastUsedAt ? dateTime(x.lastUsedAt, p.language, p.timeZone) : k.never}</td>
<td>${x.revokedAt ? k.revoked : w.common.active}</td>
<td>${x.revokedAt ? '' : html`<form class="inline-form" method="post" action="/app/setup/api-keys/${x.id}/revoke"><button class="button danger" type="submit">${k.revoke}<span class="visually-hidden"> ${x.name}</span></button></form>`}</td></tr>`)}</tbody></table></div>
<section class="panel" aria-labelledby="create-heading"><h2 id="create-heading">${k.createHeading}</h2>
<form method="post" action="/app/setup/api-keys" class="stack" novalidate>
${inputField('name', w.common.name, v.name, errors, { required: true, attrs: 'maxlength="200" autocomplete="off"' })}
${checkboxGroup('scopes', k.scopes, apiScopes.map((s): Option => [s, k.scopeNames[s]]), v.scopes ?? ['read'], errors)}
${inputField('rate', k.rateLimit, v.rate, errors, { type: 'number', hint: k.rateLimitHint, attrs: 'min="1" max="10000000" inputmode="numeric"' })}
<div><button class="button" type="submit">${k.create}</button></div></form></section>`, status);
  }

  page(app, 'GET', '/app/setup/api-keys', 'users:manage', async (_request, _reply, p) => keysPage(p));

  page(app, 'POST', '/app/setup/api-keys', 'users:manage', async (request, reply, p) => {
    const { w } = p;
    const b = request.body;
    const values = { name: one(b, 'name'), scopes: many(b, 'scopes'), rate: one(b, 'rate') };
    const errors: Errors = new Map();
    if (!values.name) errors.set('name', w.common.required); else if (values.name.length > 200) errors.set('name', w.common.tooLong(200));
    const scopes = [...new Set(values.scopes)].filter((s): s is ApiScope => (apiScopes as readonly string[]).includes(s));
    if (scopes.length === 0 || scopes.length !== new Set(values.scopes).size) errors.set('scopes', w.common.choose);
    const rate = intField(b, 'rate', 1, 10_000_000, w, errors, null);
    if (errors.size > 0) return keysPage(p, { errors, values }, 400);
    const key = await createApiKey(db, p.auth.orgId, values.name!, scopes, p.auth.userId, rate ?? null);
    await auditRequest(db, request, p.auth, { action: 'api_key.create', target: { type: 'api_key', id: key.id }, details: { name: values.name, scopes, rateLimitPerMinute: key.rateLimitPerMinute } });
    reply.header('cache-control', 'no-store');
    return keysPage(p, { secret: key.key }, 201);
  });

  page<{ id: string }>(app, 'POST', '/app/setup/api-keys/:id/revoke', 'users:manage', async (request, reply, p) => {
    const id = uuidParam(request.params.id, 'API key');
    const key = await findActiveApiKey(db, p.auth.orgId, id);
    if (!key) throw new KaikuError('not_found', 'API key not found', { status: 404 });
    if (one(request.body, 'confirm') !== '1') {
      return keysPage(p, { confirm: confirmation(p.w, `/app/setup/api-keys/${id}/revoke`, p.w.setup.apiKeys.confirmRevoke(key.name), {}, '/app/setup/api-keys') });
    }
    if (await revokeApiKey(db, p.auth.orgId, id)) await auditRequest(db, request, p.auth, { action: 'api_key.revoke', target: { type: 'api_key', id } });
    return reply.redirect('/app/setup/api-keys', 303);
  });

  // --- webhooks ------------------------------------------------------------------------------------------
  async function webhooksPage(p: OpenPage, state: { errors?: Errors; values?: { url?: string; events?: string[] }; secret?: string } = {}, status = 200) {
    const { w } = p;
    const h = w.setup.webhooks;
    const hooks = await listWebhooks(db, p.auth.orgId);
    const errors = state.errors ?? new Map();
    const v = state.values ?? {};
    return p.send('setup', w.setup.sections.webhooks[0], html`${breadcrumb(w)}<h1>${w.setup.sections.webhooks[0]}</h1>
${state.secret ? html`<section class="panel" role="status" aria-labelledby="secret-heading"><h2 id="secret-heading">${h.secretHeading}</h2><p>${h.secretOnce}</p><p class="secret">${state.secret}</p></section>` : ''}
${errorSummary(w, errors)}
${hooks.length === 0 ? html`<div class="empty"><p>${h.noWebhooks}</p></div>` : html`<div class="table-scroll"><table><caption>${h.caption}</caption>
<thead><tr><th scope="col">${h.url}</th><th scope="col">${h.events}</th><th scope="col">${w.common.status}</th><th scope="col">${w.common.actions}</th></tr></thead>
<tbody>${hooks.map((x) => html`<tr><th scope="row"><a href="/app/setup/webhooks/${x.id}">${x.url}</a></th><td>${x.events.join(', ')}</td>
<td>${x.enabled ? w.common.active : w.common.disabled}</td>
<td><form class="inline-form" method="post" action="/app/setup/webhooks/${x.id}/enabled"><input type="hidden" name="enabled" value="${x.enabled ? '0' : '1'}">
<button class="button secondary" type="submit">${x.enabled ? h.disable : h.enable}<span class="visually-hidden"> ${x.url}</span></button></form>
<a href="/app/setup/webhooks/${x.id}">${h.deliveries}<span class="visually-hidden"> ${x.url}</span></a></td></tr>`)}</tbody></table></div>`}
<section class="panel" aria-labelledby="create-heading"><h2 id="create-heading">${h.createHeading}</h2>
<form method="post" action="/app/setup/webhooks" class="stack" novalidate>
${inputField('url', h.url, v.url, errors, { type: 'url', required: true, hint: h.urlHint, attrs: 'maxlength="2000"' })}
${checkboxGroup('events', h.events, webhookEvents.map((e): Option => [e, e]), v.events ?? ['case.created'], errors)}
<div><button class="button" type="submit">${h.create}</button></div></form></section>`, status);
  }

  page(app, 'GET', '/app/setup/webhooks', 'webhooks:manage', async (_request, _reply, p) => webhooksPage(p));

  page(app, 'POST', '/app/setup/webhooks', 'webhooks:manage', async (request, reply, p) => {
    const { w } = p;
    const values = { url: one(request.body, 'url'), events: many(request.body, 'events') };
    const errors: Errors = new Map();
    if (!values.url) errors.set('url', w.common.required); else if (values.url.length > 2000) errors.set('url', w.common.tooLong(2000));
    const events = values.events.filter((e): e is WebhookEvent => (webhookEvents as readonly string[]).includes(e));
    if (events.length === 0 || events.length !== values.events.length) errors.set('events', w.common.choose);
    if (errors.size > 0) return webhooksPage(p, { errors, values }, 400);
    try {
      const hook = await createWebhook(db, p.auth.orgId, { url: values.url!, events }, config.webhooksAllowPrivate);
      reply.header('cache-control', 'no-store');
      return webhooksPage(p, { secret: hook.secret }, 201);
    } catch (error) {
      if (!(error instanceof KaikuError) || error.status >= 500) throw error;
      return webhooksPage(p, { errors: new Map([['url', w.setup.webhooks.badUrl(error.message)]]), values }, 400);
    }
  });

  page<{ id: string }>(app, 'POST', '/app/setup/webhooks/:id/enabled', 'webhooks:manage', async (request, reply, p) => {
    await updateWebhook(db, p.auth.orgId, uuidParam(request.params.id, 'Webhook'), { enabled: one(request.body, 'enabled') === '1' }, config.webhooksAllowPrivate);
    return reply.redirect('/app/setup/webhooks', 303);
  });

  async function deliveriesPage(request: FastifyRequest, p: OpenPage, id: string, state: { message?: string; errors?: Errors } = {}, status = 200) {
    const { w } = p;
    const h = w.setup.webhooks;
    const [hook] = await listWebhooks(db, p.auth.orgId, id);
    if (!hook) throw new KaikuError('not_found', 'Webhook not found', { status: 404 });
    let cursor = one(request.query, 'cursor');
    const page = await listDeliveries(db, p.auth.orgId, id, { limit: 25, cursor }).catch((error: unknown) => {
      if (error instanceof KaikuError && error.status === 400) { cursor = undefined; return listDeliveries(db, p.auth.orgId, id, { limit: 25 }); }
      throw error;
    });
    const items = page.items as Array<{ id: string; event: string; attempts: number; status: string; lastStatusCode: number | null; lastError: string | null; createdAt: Date }>;
    return p.send('setup', h.deliveries, html`${breadcrumb(w, [['/app/setup/webhooks', w.setup.sections.webhooks[0]]])}<h1>${h.deliveriesOf(hook.url)}</h1>
${notice(state.message)}${errorSummary(w, state.errors ?? new Map())}
<p>${hook.enabled ? w.common.active : w.common.disabled} · ${hook.events.join(', ')}</p>
${items.length === 0 ? html`<div class="empty"><p>${h.noDeliveries}</p></div>` : html`<div class="table-scroll"><table><caption>${h.deliveries}</caption>
<thead><tr><th scope="col">${w.common.created}</th><th scope="col">${h.event}</th><th scope="col">${h.deliveryStatus}</th><th scope="col" class="num">${h.attempts}</th><th scope="col" class="num">${h.code}</th><th scope="col">${h.lastError}</th><th scope="col">${w.common.actions}</th></tr></thead>
<tbody>${items.map((d) => html`<tr><th scope="row">${dateTime(d.createdAt, p.language, p.timeZone)}</th><td>${d.event}</td><td>${d.status}</td><td class="num">${d.attempts}</td><td class="num">${d.lastStatusCode ?? '–'}</td><td>${d.lastError ?? '–'}</td>
<td><form class="inline-form" method="post" action="/app/setup/webhook-deliveries/${d.id}/replay"><button class="button secondary" type="submit"${hook.enabled ? '' : raw(' disabled aria-describedby="replay-note"')}>${h.replay}</button></form></td></tr>`)}</tbody></table></div>
${hook.enabled ? '' : html`<p id="replay-note" class="muted">${h.disabledNoReplay}</p>`}`}
<p>${cursor ? html`<a href="/app/setup/webhooks/${id}">${w.common.firstPage}</a> ` : ''}${page.nextCursor ? html`<a href="/app/setup/webhooks/${id}?cursor=${encodeURIComponent(page.nextCursor)}">${w.common.nextPage}</a>` : ''}</p>`, status);
  }

  page<{ id: string }>(app, 'GET', '/app/setup/webhooks/:id', 'webhooks:manage', async (request, _reply, p) =>
    deliveriesPage(request, p, uuidParam(request.params.id, 'Webhook'), { message: one(request.query, 'replayed') === '1' ? p.w.setup.webhooks.replayed : undefined }));

  page<{ id: string }>(app, 'POST', '/app/setup/webhook-deliveries/:id/replay', 'webhooks:manage', async (request, reply, p) => {
    const id = uuidParam(request.params.id, 'Webhook delivery');
    const webhookId = await deliveryWebhookId(db, p.auth.orgId, id);
    if (!webhookId) throw new KaikuError('not_found', 'Webhook delivery not found', { status: 404 });
    try {
      await replayDelivery({ db, queue: () => app.deps.jobs, now }, p.auth.orgId, id);
    } catch (error) {
      if (!(error instanceof KaikuError) || error.status !== 409) throw error;
      return deliveriesPage(request, p, webhookId, { errors: new Map([['replay-note', p.w.setup.webhooks.disabledNoReplay]]) }, 409);
    }
    return reply.redirect(`/app/setup/webhooks/${webhookId}?replayed=1`, 303);
  });

  // --- distribution (pulse) rules ------------------------------------------------------------------------
  async function pulseChoices(orgId: string) {
    const [touchpoints, surveys] = await Promise.all([touchpointChoices(db, orgId), listSurveys(db, orgId)]);
    return { touchpoints, surveys };
  }

  page(app, 'GET', '/app/setup/pulse-rules', 'distribution:read', async (request, _reply, p) => {
    const { w } = p;
    const s = w.setup.pulseRules;
    const [rules, choices] = await Promise.all([listPulseRules(db, p.auth.orgId), pulseChoices(p.auth.orgId)]);
    const tp = new Map(choices.touchpoints.map((t) => [t.id, t.name]));
    const sv = new Map(choices.surveys.map((t) => [t.id, t.name]));
    const manage = p.can('distribution:manage');
    const saved = one(request.query, 'saved');
    return p.send('setup', w.setup.sections.pulseRules[0], html`${breadcrumb(w)}<h1>${w.setup.sections.pulseRules[0]}</h1>
${notice(saved === 'created' ? s.created : saved === 'saved' ? s.saved : undefined)}
${manage ? html`<p><a class="button" href="/app/setup/pulse-rules/new">${s.newRule}</a></p>` : ''}
${rules.length === 0 ? html`<div class="empty"><p>${s.none}</p></div>` : html`<div class="table-scroll"><table><caption>${s.caption}</caption>
<thead><tr><th scope="col">${w.common.name}</th><th scope="col">${s.touchpoint}</th><th scope="col">${s.survey}</th><th scope="col">${s.channels}</th><th scope="col" class="num">${s.delay}</th><th scope="col" class="num">${s.sampling}</th><th scope="col">${w.common.status}</th>${manage ? html`<th scope="col">${w.common.actions}</th>` : ''}</tr></thead>
<tbody>${rules.map((r) => html`<tr><th scope="row">${manage ? html`<a href="/app/setup/pulse-rules/${r.id}">${r.name}</a>` : r.name}</th><td>${tp.get(r.touchpointId) ?? '–'}</td><td>${sv.get(r.surveyId) ?? '–'}</td>
<td>${r.channels.map((c) => s.channelNames[c] ?? c).join(', ')}</td><td class="num">${r.delayMinutes}</td><td class="num">${Math.round(r.samplingRate * 100)}</td>
<td>${r.enabled ? w.common.active : s.paused}</td>
${manage ? html`<td><form class="inline-form" method="post" action="/app/setup/pulse-rules/${r.id}/enabled"><input type="hidden" name="enabled" value="${r.enabled ? '0' : '1'}"><button class="button secondary" type="submit">${r.enabled ? s.pause : s.resume}<span class="visually-hidden"> ${r.name}</span></button></form></td>` : ''}</tr>`)}</tbody></table></div>`}`);
  });

  type PulseForm = Record<'name' | 'touchpointId' | 'surveyId' | 'delayMinutes' | 'sampling' | 'quietStart' | 'quietEnd' | 'expiryHours' | 'reminderDays', string | undefined> & { enabled: boolean; channels: string[] };

  async function pulseForm(p: OpenPage, id: string | undefined, form: PulseForm, errors: Errors, status = 200) {
    const { w } = p;
    const s = w.setup.pulseRules;
    const choices = await pulseChoices(p.auth.orgId);
    const title = id ? s.editTitle(form.name ?? '') : s.newTitle;
    if (choices.touchpoints.length === 0 || choices.surveys.length === 0) {
      return p.send('setup', title, html`${breadcrumb(w, [['/app/setup/pulse-rules', w.setup.sections.pulseRules[0]]])}<h1>${title}</h1><div class="empty"><p>${s.noSurveys}</p></div>`);
    }
    return p.send('setup', title, html`${breadcrumb(w, [['/app/setup/pulse-rules', w.setup.sections.pulseRules[0]]])}<h1>${title}</h1>
${errorSummary(w, errors)}
<form method="post" action="${id ? `/app/setup/pulse-rules/${id}` : '/app/setup/pulse-rules'}" class="stack" novalidate>
${inputField('name', w.common.name, form.name, errors, { required: true, attrs: 'maxlength="200"' })}
<div class="form-grid">
${selectField('touchpointId', s.touchpoint, choices.touchpoints.map((t): Option => [t.id, t.name]), form.touchpointId, errors)}
${selectField('surveyId', s.survey, choices.surveys.map((t): Option => [t.id, t.name]), form.surveyId, errors)}
</div>
<div class="choice"><input type="checkbox" id="enabled" name="enabled" value="1"${form.enabled ? raw(' checked') : ''}><label for="enabled">${s.enabled}</label></div>
${checkboxGroup('channels', s.channels, pulseChannels.map((c): Option => [c, s.channelNames[c]]), form.channels, errors)}
<div class="form-grid">
${inputField('delayMinutes', s.delay, form.delayMinutes, errors, { type: 'number', hint: s.delayHint, attrs: 'min="0" max="525600" inputmode="numeric"' })}
${inputField('sampling', s.sampling, form.sampling, errors, { type: 'number', hint: s.samplingHint, attrs: 'min="1" max="100" inputmode="numeric"' })}
</div>
<div class="form-grid">
${inputField('quietStart', s.quietStart, form.quietStart, errors, { hint: s.quietHint, attrs: 'pattern="[0-2][0-9]:[0-5][0-9]" inputmode="numeric"' })}
${inputField('quietEnd', s.quietEnd, form.quietEnd, errors, { attrs: 'pattern="[0-2][0-9]:[0-5][0-9]" inputmode="numeric"' })}
</div>
<div class="form-grid">
${inputField('expiryHours', s.expiry, form.expiryHours, errors, { type: 'number', attrs: 'min="1" max="8760" inputmode="numeric"' })}
${inputField('reminderDays', s.reminder, form.reminderDays, errors, { type: 'number', hint: s.reminderHint, attrs: 'min="1" max="365" inputmode="numeric"' })}
</div>
<div class="form-actions"><button class="button" type="submit">${s.save}</button> <a href="/app/setup/pulse-rules">${w.common.cancel}</a></div>
</form>`, status);
  }

  const pulseFormOf = (r: Awaited<ReturnType<typeof getPulseRule>>): PulseForm => ({
    name: r.name, touchpointId: r.touchpointId, surveyId: r.surveyId, enabled: r.enabled, channels: r.channels, delayMinutes: String(r.delayMinutes),
    sampling: String(Math.round(r.samplingRate * 100)), quietStart: r.quietHours?.start, quietEnd: r.quietHours?.end, expiryHours: String(r.expiryHours),
    reminderDays: r.reminderDays === null ? undefined : String(r.reminderDays),
  });

  page(app, 'GET', '/app/setup/pulse-rules/new', 'distribution:manage', async (_request, _reply, p) =>
    pulseForm(p, undefined, { name: undefined, touchpointId: undefined, surveyId: undefined, enabled: true, channels: ['email'], delayMinutes: '60', sampling: '100', quietStart: '21:00', quietEnd: '08:00', expiryHours: '168', reminderDays: undefined }, new Map()));

  page<{ id: string }>(app, 'GET', '/app/setup/pulse-rules/:id', 'distribution:manage', async (request, _reply, p) => {
    const id = uuidParam(request.params.id, 'Pulse rule');
    return pulseForm(p, id, pulseFormOf(await getPulseRule(db, p.auth.orgId, id)), new Map());
  });

  /** The form as a rule input, or the errors at their fields. */
  function readPulseForm(body: unknown, w: WorkStrings): { form: PulseForm; errors: Errors; input?: PulseRuleInput } {
    const form: PulseForm = {
      name: one(body, 'name'), touchpointId: one(body, 'touchpointId'), surveyId: one(body, 'surveyId'), enabled: one(body, 'enabled') === '1', channels: many(body, 'channels'),
      delayMinutes: one(body, 'delayMinutes'), sampling: one(body, 'sampling'), quietStart: one(body, 'quietStart'), quietEnd: one(body, 'quietEnd'),
      expiryHours: one(body, 'expiryHours'), reminderDays: one(body, 'reminderDays'),
    };
    const errors: Errors = new Map();
    if (!form.name) errors.set('name', w.common.required); else if (form.name.length > 200) errors.set('name', w.common.tooLong(200));
    if (!form.touchpointId || !UUID.test(form.touchpointId)) errors.set('touchpointId', w.common.choose);
    if (!form.surveyId || !UUID.test(form.surveyId)) errors.set('surveyId', w.common.choose);
    const channels = form.channels.filter((c): c is PulseChannel => (pulseChannels as readonly string[]).includes(c));
    if (channels.length === 0 || channels.length !== form.channels.length) errors.set('channels', w.common.choose);
    const delay = intField(body, 'delayMinutes', 0, 525_600, w, errors, 0);
    const sampling = intField(body, 'sampling', 1, 100, w, errors, 100);
    const expiry = intField(body, 'expiryHours', 1, 8760, w, errors, 168);
    const reminder = intField(body, 'reminderDays', 1, 365, w, errors, null);
    const time = /^([01]\d|2[0-3]):[0-5]\d$/;
    if (form.quietStart && !time.test(form.quietStart)) errors.set('quietStart', w.setup.pulseRules.time);
    if (form.quietEnd && !time.test(form.quietEnd)) errors.set('quietEnd', w.setup.pulseRules.time);
    if (!!form.quietStart !== !!form.quietEnd) errors.set(form.quietStart ? 'quietEnd' : 'quietStart', w.setup.pulseRules.time);
    if (errors.size > 0) return { form, errors };
    return {
      form, errors, input: {
        name: form.name!, touchpointId: form.touchpointId!, surveyId: form.surveyId!, enabled: form.enabled, channels, delayMinutes: delay ?? 0,
        samplingRate: (sampling ?? 100) / 100, quietHours: form.quietStart ? { start: form.quietStart, end: form.quietEnd! } : null, expiryHours: expiry ?? 168, reminderDays: reminder ?? null,
      },
    };
  }

  /** Saves through the distribution service; its refusals land on the field they name. */
  async function savePulse(p: OpenPage, reply: FastifyReply, id: string | undefined, body: unknown) {
    const { form, errors, input } = readPulseForm(body, p.w);
    if (!input) return pulseForm(p, id, form, errors, 400);
    try {
      if (id) await updatePulseRule(db, p.auth.orgId, id, input); else await createPulseRule(db, p.auth.orgId, input);
    } catch (error) {
      if (!(error instanceof KaikuError) || error.status !== 400) throw error;
      const field = (error.field ?? '').replace(/\[\d+\]$/, '').replace(/^quietHours\.(start|end)$/, (_, e: string) => (e === 'start' ? 'quietStart' : 'quietEnd')).replace('samplingRate', 'sampling');
      errors.set(['name', 'touchpointId', 'surveyId', 'channels', 'sampling', 'quietStart', 'quietEnd', 'expiryHours', 'reminderDays', 'delayMinutes'].includes(field) ? field : 'name', p.w.common.notValid(error.message));
      return pulseForm(p, id, form, errors, 400);
    }
    return reply.redirect(`/app/setup/pulse-rules?saved=${id ? 'saved' : 'created'}`, 303);
  }

  page(app, 'POST', '/app/setup/pulse-rules', 'distribution:manage', async (request, reply, p) => savePulse(p, reply, undefined, request.body));

  page<{ id: string }>(app, 'POST', '/app/setup/pulse-rules/:id', 'distribution:manage', async (request, reply, p) => {
    const id = uuidParam(request.params.id, 'Pulse rule');
    await getPulseRule(db, p.auth.orgId, id);
    return savePulse(p, reply, id, request.body);
  });

  page<{ id: string }>(app, 'POST', '/app/setup/pulse-rules/:id/enabled', 'distribution:manage', async (request, reply, p) => {
    await updatePulseRule(db, p.auth.orgId, uuidParam(request.params.id, 'Pulse rule'), { enabled: one(request.body, 'enabled') === '1' });
    return reply.redirect('/app/setup/pulse-rules', 303);
  });
}
