/** Every route a built server answers, read from Fastify's route tree, for tests that sweep them all. */
import type { FastifyInstance } from 'fastify';

export interface RouteEntry { method: string; path: string }

/**
 * Parses `printRoutes({ commonPrefix: false })`: each line is a tree prefix, a path segment
 * appended to its parent's path, and the methods in parentheses.
 */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const stack: Array<{ depth: number; path: string }> = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([\s│├└─]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m || !m[2]) continue;
    const depth = m[1].length;
    while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
    const path = (stack[stack.length - 1]?.path ?? '') + m[2];
    stack.push({ depth, path });
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) routes.push({ method, path });
  }
  return routes;
}

/** A concrete URL for a route pattern: ids become a random-looking UUID, other parameters a word, wildcards a file name. */
export const concrete = (path: string) => path
  .replace(/:(id|[a-zA-Z]*Id)\b/g, '00000000-0000-4000-8000-000000000001')
  .replace(/:[a-zA-Z]+/g, 'x')
  .replace(/\*$/, 'index.html');
