/**
 * Every link a role is offered opens for it (issue 15 part 6): for each role, sign in, collect
 * the main navigation's links and, where the role sees set-up, the set-up page's links, and GET
 * each one. A 403 here is a menu entry shown to someone its page refuses. The same holds for the
 * menu of "Closing the loop" (/app/loop), which is drawn by its own route.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { journeyWithTouchpoint } from '../../test/helpers/factories.ts';
import { pageClient, sessionCookie } from '../../test/helpers/pages.ts';
import { createUser } from '../auth/service.ts';
import { roles } from '../auth/permissions.ts';

/** The `href`s inside the first element matching `open` … its closing `</nav>` or `</main>`. */
function linksIn(page: string, start: RegExp, end: string): string[] {
  const at = page.search(start);
  if (at < 0) return [];
  const section = page.slice(at, page.indexOf(end, at));
  return [...section.matchAll(/<a [^>]*href="([^"#]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&')).filter((href) => href.startsWith('/app'));
}

describe('role menus', () => {
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
    const tp = await journeyWithTouchpoint(t);
    for (const role of roles.filter((r) => r !== 'admin')) {
      await createUser(t.db, t.orgId, { email: `${role}@example.com`, name: `Person ${role}`, role, unitId: role === 'unit_manager' || role === 'frontline' ? tp.unitId : null, password: 'correct horse battery' });
    }
  });
  after(() => t.close());

  for (const role of roles) {
    test(`every menu link opens for ${role}`, async () => {
      const email = role === 'admin' ? `admin-${t.orgId.slice(0, 8)}@example.com` : `${role}@example.com`;
      const client = pageClient(t, await sessionCookie(t, email));
      const home = await client.get('/app');
      assert.equal(home.status, 200);
      const links = new Set(linksIn(home.text, /<nav class="main-nav"/, '</nav>'));
      assert.ok(links.size >= 3, `${role} sees a menu`);
      if (links.has('/app/setup')) {
        const setup = await client.get('/app/setup');
        for (const href of linksIn(setup.text, /<main /, '</main>')) links.add(href);
      }
      const refused: string[] = [];
      for (const href of links) {
        const res = await client.get(href);
        if (res.status !== 200) refused.push(`${href} → ${res.status}`);
      }
      assert.deepEqual(refused, [], `${role}: links that do not open`);
    });
  }

  // From the permissions table: unit managers have no contacts or set-up; frontline staff no contacts, actions or set-up.
  const hiddenFrom: Record<string, string[]> = { admin: [], analyst: [], unit_manager: ['/app/contacts', '/app/setup'], frontline: ['/app/contacts', '/app/actions', '/app/setup'] };
  for (const role of ['admin', 'analyst', 'unit_manager', 'frontline'] as const) {
    test(`the loop page's menu shows ${role} only pages that open for them`, async () => {
      const email = role === 'admin' ? `admin-${t.orgId.slice(0, 8)}@example.com` : `${role}@example.com`;
      const client = pageClient(t, await sessionCookie(t, email));
      const loop = await client.get('/app/loop?lang=en');
      assert.equal(loop.status, 200);
      const links = linksIn(loop.text, /<nav class="main-nav"/, '</nav>');
      assert.ok(links.includes('/app/cases'), `${role} sees the cases entry`);
      for (const href of hiddenFrom[role]) assert.ok(!links.includes(href), `${role} is not offered ${href}`);
      const refused: string[] = [];
      for (const href of links) {
        const res = await client.get(href);
        if (res.status !== 200) refused.push(`${href} → ${res.status}`);
      }
      assert.deepEqual(refused, [], `${role}: loop menu links that do not open`);
    });
  }
});
