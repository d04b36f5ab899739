/**
 * Whose rows a database call may see: the second wall of tenant isolation (docs/security.md).
 *
 * With row-level security on (KAIKU_DB_RLS), src/db/connection.ts gives every query and
 * transaction the scope current in its async context: in an organisation's scope the database
 * shows and accepts only that organisation's rows, whatever the SQL says; in the system scope it
 * shows every row. Authenticated requests run in their organisation's scope (src/auth/plugin.ts).
 * Work for all organisations, or before the organisation is known, says so with `asSystem` and a
 * reason, so every unscoped path can be found by searching for it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type DbScope =
  | { readonly kind: 'org'; readonly orgId: string }
  | { readonly kind: 'system'; readonly reason: string };

/** A mutable holder, so that authenticating a request can narrow the scope of all it does next. */
interface ScopeHolder { scope: DbScope; readonly request: boolean }

const storage = new AsyncLocalStorage<ScopeHolder>();

/**
 * Code outside any request or job (start-up, CLI commands, tests that call services directly)
 * has no scope of its own: it is the operator's, and sees every organisation.
 */
export const OUTSIDE_REQUESTS: DbScope = Object.freeze({ kind: 'system', reason: 'outside requests: start-up, CLI, direct calls' });

/** Runs `work` (and everything it starts) seeing only the organisation's rows. */
export function inOrgScope<T>(orgId: string, work: () => T): T {
  return storage.run({ scope: { kind: 'org', orgId }, request: false }, work);
}

/** Runs `work` (and everything it starts) over every organisation's rows; `reason` says why. */
export function asSystem<T>(reason: string, work: () => T): T {
  return storage.run({ scope: { kind: 'system', reason }, request: false }, work);
}

/**
 * Runs an HTTP request's work (src/auth/plugin.ts): in the system scope, as a public route must
 * be to find its organisation from a token, until `narrowToOrg` once the caller is known.
 */
export function asRequest<T>(work: () => T): T {
  return storage.run({ scope: { kind: 'system', reason: 'request: public route, or not yet authenticated' }, request: true }, work);
}

/**
 * The request being handled belongs to this organisation: from here on all it does (and all it
 * has started) sees only its rows. Outside a request, nothing changes.
 */
export function narrowToOrg(orgId: string): void {
  const holder = storage.getStore();
  if (holder?.request) holder.scope = { kind: 'org', orgId };
}

export function currentScope(): DbScope {
  return storage.getStore()?.scope ?? OUTSIDE_REQUESTS;
}
