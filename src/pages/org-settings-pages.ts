/**
 * Setting up the organisation and one's own account in the browser, without scripts:
 *
 *  - /app/setup/organisation   name, time zone, default language, smallest group shown, quarantine, the analytic
 *                              pages' default period and the business hours case SLAs count (org:manage);
 *  - /app/setup/audit-log      who did what and when, newest first, 50 a page (audit:read);
 *  - /app/account              own name, UI language and password (every signed-in person; linked from the banner),
 *                               and whether two-step sign-in is on (changed on /app/account/two-step, two-step-pages.ts).
 *
 * The account page uses notifications:read, the permission of "a signed-in person's own" pages:
 * every role, no API key (a key belongs to no person). Bad input re-renders the form with 400
 * and the field named; nothing is stored unless the whole form is valid.
 */
import type { FastifyInstance } from 'fastify';
import { changeOwnPassword, MAX_PASSWORD_LENGTH, newPasswordProblems, ownProfile, profileProblems, saveOwnProfile, type PasswordProblem } from '../auth/own-account.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/password-reset.ts';
import { SESSION_COOKIE } from '../auth/service.ts';
import { listAudit, type AuditRow } from '../audit/log.ts';
import { auditNames, type AuditNames } from '../audit/names.ts';
import { auditCursorOf } from '../audit/routes.ts';
import { KaikuError } from '../errors.ts';
import { encodeCursor } from '../http/schemas.ts';
import { languageNames, uiLanguages } from '../i18n/index.ts';
import { orgSettingsText, type AuditActionWord, type OrgSettingsStrings } from '../i18n/org-settings.ts';
import { defaultPeriods, MIN_GROUP_SIZE, organizationSettings, QUARANTINE_DAYS, saveOrganizationSettings, settingsOf, settingsProblems, timeZones,
  type SettingsField, type SettingsInput, type SettingsProblem } from '../orgs/settings.ts';
import { defaultPeriodText } from '../i18n/default-period.ts';
import type { WorkStrings } from '../i18n/work.ts';
import { html, type SafeHtml } from './html.ts';
import { checkboxGroup, dateTime, errorSummary, inputField, many, notice, one, page, selectField, type Errors, type OpenPage } from './page-kit.ts';
import { LANGUAGE_COOKIE } from './session.ts';
import { twoStepPageRoutes, twoStepSection } from './two-step-pages.ts';
import { THEME } from './theme-pages.ts';
import { themeText } from '../i18n/theme.ts';

type Option = [value: string, label: string];
const ORG = '/app/setup/organisation';
const AUDIT = '/app/setup/audit-log';
const ACCOUNT = '/app/account';
const AUDIT_PAGE_SIZE = 50;

const breadcrumb = (w: WorkStrings) => html`<nav aria-label="${w.setup.title}"><p><a href="/app/setup">${w.setup.title}</a></p></nav>`;
const languageOptions = (): Option[] => uiLanguages.map((l) => [l, languageNames[l]]);

/** The set-up index's entries for these pages, for the roles that may open them. */
export function orgSetupSections(p: OpenPage): SafeHtml {
  const s = orgSettingsText(p.language);
  const entry = (href: string, [title, description]: [string, string]) => html`<li><h2><a href="${href}">${title}</a></h2><p>${description}</p></li>`;
  return html`${p.can('org:manage') ? entry(ORG, s.org.section) : ''}${p.can('audit:read') ? entry(AUDIT, s.audit.section) : ''}`;
}

export async function orgSettingsPageRoutes(app: FastifyInstance) {
  const { db } = app.deps;

  // --- organisation -----------------------------------------------------------------------------
  async function orgPage(p: OpenPage, state: { errors?: Errors; values?: SettingsInput; saved?: boolean } = {}, status = 200) {
    const s = orgSettingsText(p.language).org;
    const d = defaultPeriodText(p.language);
    const current = await organizationSettings(db, p.auth.orgId);
    const v = state.values ?? { name: current.name, timeZone: current.timeZone, defaultLanguage: current.defaultLanguage,
      minGroupSize: String(current.minGroupSize), quarantineDays: String(current.quarantineDays), defaultPeriod: current.defaultPeriod,
      businessDays: current.businessHours.days.map(String), businessStart: current.businessHours.start, businessEnd: current.businessHours.end };
    const errors = state.errors ?? new Map();
    const timeAttrs = 'maxlength="5" placeholder="08:00" pattern="[0-9]{2}:[0-9]{2}" autocomplete="off"';
    return p.send('setup', s.title, html`${breadcrumb(p.w)}<h1>${s.title}</h1><p class="lead">${s.intro}</p>
<p><a href="${THEME}">${themeText(p.language).link}</a></p>
${notice(state.saved ? s.saved : undefined)}${errorSummary(p.w, errors)}
<form method="post" action="${ORG}" class="form-grid" novalidate>
${inputField('name', s.name, v.name, errors, { required: true, attrs: 'maxlength="200" autocomplete="organization"' })}
${selectField('timeZone', s.timeZone, timeZones().map((z): Option => [z, z.replaceAll('_', ' ')]), v.timeZone, errors, { hint: s.timeZoneHint })}
${selectField('defaultLanguage', s.defaultLanguage, languageOptions(), v.defaultLanguage, errors, { hint: s.defaultLanguageHint })}
${inputField('minGroupSize', s.minGroupSize, v.minGroupSize, errors, { type: 'number', hint: s.minGroupSizeHint, attrs: `min="${MIN_GROUP_SIZE.min}" max="${MIN_GROUP_SIZE.max}" inputmode="numeric"` })}
${inputField('quarantineDays', s.quarantineDays, v.quarantineDays, errors, { type: 'number', hint: s.quarantineDaysHint, attrs: `min="${QUARANTINE_DAYS.min}" max="${QUARANTINE_DAYS.max}" inputmode="numeric"` })}
${selectField('defaultPeriod', d.defaultPeriod, defaultPeriods.map((x): Option => [x, d.periods[x]]), v.defaultPeriod, errors, { hint: d.defaultPeriodHint })}
<fieldset class="panel" aria-describedby="business-hours-hint"><legend>${d.businessHours}</legend><p class="muted hint" id="business-hours-hint">${d.businessHoursHint}</p>
${checkboxGroup('businessDays', d.businessDays, d.weekdays.map((day, i): Option => [String(i + 1), day]), v.businessDays ?? [], errors)}
${inputField('businessStart', d.businessStart, v.businessStart, errors, { hint: d.timeHint, attrs: timeAttrs })}
${inputField('businessEnd', d.businessEnd, v.businessEnd, errors, { hint: d.timeHint, attrs: timeAttrs })}
</fieldset>
<div><button class="button" type="submit">${s.save}</button></div></form>`, status);
  }

  page(app, 'GET', ORG, 'org:manage', async (request, _reply, p) => orgPage(p, { saved: one(request.query, 'saved') === '1' }));

  page(app, 'POST', ORG, 'org:manage', async (request, reply, p) => {
    const s = orgSettingsText(p.language).org;
    const b = request.body;
    const values: SettingsInput = {
      name: one(b, 'name'), timeZone: one(b, 'timeZone'), defaultLanguage: one(b, 'defaultLanguage'), minGroupSize: one(b, 'minGroupSize'), quarantineDays: one(b, 'quarantineDays'),
      defaultPeriod: one(b, 'defaultPeriod'), businessDays: many(b, 'businessDays'), businessStart: one(b, 'businessStart'), businessEnd: one(b, 'businessEnd'),
    };
    const problems = settingsProblems(values);
    if (problems.size > 0) {
      const d = defaultPeriodText(p.language);
      const range = (field: SettingsField) => (field === 'minGroupSize' ? MIN_GROUP_SIZE : QUARANTINE_DAYS);
      const message = (field: SettingsField, problem: SettingsProblem) => ({
        required: p.w.common.required, tooLong: p.w.common.tooLong(200), unknownZone: s.unknownZone, unknownLanguage: s.unknownLanguage,
        unknownPeriod: d.unknownPeriod, noDays: d.noDays, badTime: d.badTime, endBeforeStart: d.endBeforeStart,
        outOfRange: s.range(range(field).min, range(field).max),
      })[problem];
      const errors: Errors = new Map([...problems].map(([field, problem]) => [field, message(field, problem)]));
      return orgPage(p, { errors, values }, 400);
    }
    await saveOrganizationSettings(db, p.auth.orgId, { userId: p.auth.userId, apiKeyId: p.auth.apiKeyId }, settingsOf(values), request.ip);
    // A new page, so the banner shows the new name and every date the new zone.
    return reply.redirect(`${ORG}?saved=1`, 303);
  });

  // --- audit log --------------------------------------------------------------------------------
  function actorOf(row: AuditRow, names: AuditNames, s: OrgSettingsStrings['audit']): string {
    if (row.actorUserId) return names.users.get(row.actorUserId) ?? s.removedUser;
    if (row.actorApiKeyId) return s.apiKey(names.apiKeys.get(row.actorApiKeyId) ?? '–');
    return s.system;
  }
  function targetOf(row: AuditRow, names: AuditNames, s: OrgSettingsStrings['audit']): string {
    if (row.targetType === 'organization') return s.targets.organization;
    if (row.targetType === 'user' && row.targetId) return s.targets.user(names.users.get(row.targetId) ?? s.removedUser);
    if (row.targetType === 'api_key' && row.targetId) return s.targets.apiKey(names.apiKeys.get(row.targetId) ?? '–');
    return '–'; // contacts, exports: the target is not said by name (personal data, or only an id)
  }

  page(app, 'GET', AUDIT, 'audit:read', async (request, _reply, p) => {
    const s = orgSettingsText(p.language).audit;
    let before: ReturnType<typeof auditCursorOf>;
    try {
      before = auditCursorOf(one(request.query, 'cursor'));
    } catch {
      before = 'invalid'; // not base64 JSON: the same page as any other bad cursor
    }
    if (before === 'invalid') {
      return p.send('setup', s.title, html`${breadcrumb(p.w)}<h1>${s.title}</h1><p class="error-message" role="alert">${s.badCursor}</p><p><a href="${AUDIT}">${s.newest}</a></p>`, 400);
    }
    const rows = await listAudit(db, p.auth.orgId, { limit: AUDIT_PAGE_SIZE + 1, before });
    const shown = rows.slice(0, AUDIT_PAGE_SIZE);
    const names = await auditNames(db, p.auth.orgId,
      shown.flatMap((r) => [r.actorUserId, r.targetType === 'user' ? r.targetId : null]).filter((id): id is string => !!id),
      shown.flatMap((r) => [r.actorApiKeyId, r.targetType === 'api_key' ? r.targetId : null]).filter((id): id is string => !!id));
    const last = shown[shown.length - 1];
    const next = rows.length > AUDIT_PAGE_SIZE && last ? `${AUDIT}?cursor=${encodeCursor([last.cursorAt, last.id])}` : undefined;
    const what = (action: string) => (action in s.actions ? s.actions[action as AuditActionWord] : s.otherAction);
    return p.send('setup', s.title, html`${breadcrumb(p.w)}<h1>${s.title}</h1><p class="lead">${s.intro}</p>
${shown.length === 0 ? html`<p class="empty">${s.empty}</p>` : html`<div class="table-scroll"><table><caption>${s.caption}</caption>
<thead><tr><th scope="col">${s.when}</th><th scope="col">${s.who}</th><th scope="col">${s.what}</th><th scope="col">${s.target}</th></tr></thead>
<tbody>${shown.map((r) => html`<tr><td><time datetime="${new Date(r.at).toISOString()}">${dateTime(r.at, p.language, p.timeZone)}</time></td>
<td>${actorOf(r, names, s)}</td><td>${what(r.action)}</td><td>${targetOf(r, names, s)}</td></tr>`)}</tbody></table></div>`}
<nav aria-label="${s.caption}"><p>${before ? html`<a href="${AUDIT}">${s.newest}</a> ` : ''}${next ? html`<a href="${next}" rel="next">${s.older}</a>` : ''}</p></nav>`);
  });

  // --- own account ------------------------------------------------------------------------------
  /** The caller's own user id: API keys never get here (notifications:read grants no scope). */
  const self = (p: OpenPage) => {
    if (!p.auth.userId) throw new KaikuError('forbidden', 'Your role does not allow this page', { status: 403 });
    return p.auth.userId;
  };

  async function accountPage(p: OpenPage, state: { profileErrors?: Errors; passwordErrors?: Errors; values?: { name?: string; language?: string }; message?: string } = {}, status = 200) {
    const s = orgSettingsText(p.language).account;
    const profile = await ownProfile(db, p.auth.orgId, self(p));
    const v = state.values ?? { name: profile.name, language: profile.language };
    const pe = state.profileErrors ?? new Map();
    const we = state.passwordErrors ?? new Map();
    const passwordAttrs = `autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" maxlength="${MAX_PASSWORD_LENGTH}"`;
    return p.send('account', s.title, html`<h1>${s.title}</h1><p class="lead">${s.intro}</p>
${notice(state.message)}${errorSummary(p.w, new Map([...pe, ...we]))}
<section class="panel" aria-labelledby="profile-heading"><h2 id="profile-heading">${s.profileHeading}</h2>
<form method="post" action="${ACCOUNT}" class="form-grid" novalidate>
<p><span class="muted">${s.email}:</span> ${profile.email}</p>
${inputField('name', s.name, v.name, pe, { required: true, attrs: 'maxlength="200" autocomplete="name"' })}
${selectField('language', s.language, languageOptions(), v.language, pe)}
<div><button class="button" type="submit">${s.saveProfile}</button></div></form></section>
<section class="panel" aria-labelledby="password-heading"><h2 id="password-heading">${s.passwordHeading}</h2>
<form method="post" action="${ACCOUNT}/password" class="form-grid" novalidate>
${inputField('currentPassword', s.currentPassword, '', we, { type: 'password', required: true, attrs: 'autocomplete="current-password"' })}
${inputField('newPassword', s.newPassword, '', we, { type: 'password', required: true, hint: s.newPasswordHint(MIN_PASSWORD_LENGTH), attrs: passwordAttrs })}
${inputField('repeatPassword', s.repeatPassword, '', we, { type: 'password', required: true, attrs: passwordAttrs })}
<div><button class="button" type="submit">${s.changePassword}</button></div></form></section>
${await twoStepSection(db, p)}`, status);
  }

  page(app, 'GET', ACCOUNT, 'notifications:read', async (request, _reply, p) => {
    const s = orgSettingsText(p.language).account;
    const saved = one(request.query, 'saved');
    return accountPage(p, { message: saved === 'profile' ? s.profileSaved : saved === 'password' ? s.passwordChanged : undefined });
  });

  page(app, 'POST', ACCOUNT, 'notifications:read', async (request, reply, p) => {
    const userId = self(p);
    const values = { name: one(request.body, 'name'), language: one(request.body, 'language') };
    const problems = profileProblems(values);
    if (problems.length > 0) {
      const errors: Errors = new Map(problems.map((x) => [x.field, x.problem === 'required' ? p.w.common.required : x.problem === 'tooLong' ? p.w.common.tooLong(200) : p.w.common.choose]));
      return accountPage(p, { profileErrors: errors, values }, 400);
    }
    await saveOwnProfile(db, p.auth.orgId, userId, values as { name: string; language: string });
    // The pages follow the chosen language from now on, also over an earlier ?lang= choice.
    reply.setCookie(LANGUAGE_COOKIE, values.language as string, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86400 });
    return reply.redirect(`${ACCOUNT}?saved=profile`, 303);
  });

  page(app, 'POST', `${ACCOUNT}/password`, 'notifications:read', async (request, reply, p) => {
    const userId = self(p);
    const s = orgSettingsText(p.language).account;
    const field = (name: string) => {
      const value = (request.body as Record<string, unknown> | undefined)?.[name];
      return typeof value === 'string' ? value : undefined; // passwords are not trimmed
    };
    const input = { currentPassword: field('currentPassword'), newPassword: field('newPassword'), repeatPassword: field('repeatPassword') };
    const message = (x: PasswordProblem) => ({
      required: p.w.common.required, wrong: s.wrongPassword, locked: s.locked, tooShort: s.tooShort(MIN_PASSWORD_LENGTH),
      tooLong: s.tooLong(MAX_PASSWORD_LENGTH), mismatch: s.mismatch,
    })[x.problem];
    const problems = newPasswordProblems(input);
    if (problems.length === 0) {
      const wrong = await changeOwnPassword(db, p.auth.orgId, userId, input.currentPassword as string, input.newPassword as string,
        request.cookies[SESSION_COOKIE], request.ip);
      if (!wrong) return reply.redirect(`${ACCOUNT}?saved=password`, 303);
      problems.push(wrong);
    }
    return accountPage(p, { passwordErrors: new Map(problems.map((x) => [x.field, message(x)])) }, 400);
  });

  // Two-step sign-in, the account page's own sub-page.
  await twoStepPageRoutes(app);
}
