/**
 * Same-origin check for browser writes (CSRF). Browsers send `Sec-Fetch-Site` on every request
 * and `Origin` on every cross-origin or POST request; a request that names another site in
 * either did not come from Kaiku's own pages. Requests with neither (curl, old browsers) pass:
 * they carry no ambient cookie from another site's page.
 */
import type { FastifyRequest } from 'fastify';

export function fromSameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false; // "null" (sandboxed frames, privacy redirects) or garbage
  }
}
