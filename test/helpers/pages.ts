/** Browser-like calls for page tests: a session cookie, GETs of HTML pages and urlencoded form posts from Kaiku's own origin. */
import type { TestApp } from './app.ts';

export interface PageClient {
  get: (path: string) => Promise<{ status: number; text: string; location: string | null }>;
  post: (path: string, fields: Array<[string, string]> | Record<string, string>, origin?: string) => Promise<{ status: number; text: string; location: string | null }>;
}

export async function sessionCookie(t: TestApp, email: string, password = 'correct horse battery'): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** A client that sends a session `cookie`, or an API key as a script would (null: anonymous), and never follows redirects, so tests see the 303s. */
export function pageClient(t: TestApp, cookie: string | null | { key: string }): PageClient {
  const headers: Record<string, string> = cookie === null ? {} : typeof cookie === 'string' ? { cookie } : { authorization: `Bearer ${cookie.key}` };
  const answer = async (res: Response) => ({ status: res.status, text: await res.text(), location: res.headers.get('location') });
  return {
    get: async (path) => answer(await fetch(t.url + path, { headers, redirect: 'manual' })),
    post: async (path, fields, origin = t.url) => answer(await fetch(t.url + path, {
      method: 'POST', redirect: 'manual',
      headers: { ...headers, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields)).toString(),
    })),
  };
}
