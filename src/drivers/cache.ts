/**
 * Cache of key-driver results (issue 7): the drivers page and each of its CSV/XLSX/PNG downloads
 * ask for the same Shapley/relative-weights fit with 200 bootstrap resamples, seconds of work.
 *
 * Exactness: the key is a SHA-256 of everything the result is computed from — the organisation,
 * the caller's data scope and person-level flag, every request parameter (filters included),
 * the survey definition, the organisation's minimum group size, and the respondent-level input
 * itself (the scores queries.ts reads, in response-id order). That read is one indexed query of
 * milliseconds; the fit is what is cached. So any new, edited or deleted response or answer that
 * reaches the slice changes the key — a stale result cannot be served, whichever process wrote
 * the change — and a change outside the slice keeps the cached result, which is still correct.
 * Entries of different organisations or scopes never share a key.
 *
 * In-process LRU, at most `maxEntries` results (each a few kilobytes).
 */
import { createHash } from 'node:crypto';

export interface DriverCacheStats { hits: number; misses: number; size: number }

export class DriverResultCache {
  private readonly entries = new Map<string, unknown>();
  private hits = 0;
  private misses = 0;

  constructor(readonly maxEntries = 100) {}

  /** The key of one computation: `parts` are JSON-serialisable, `columns` the numeric input. */
  static key(parts: unknown, columns: readonly Float64Array[]): string {
    const hash = createHash('sha256').update(JSON.stringify(parts));
    for (const column of columns) {
      hash.update(`|${column.length}|`);
      hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
    }
    return hash.digest('hex');
  }

  /** The cached value of `key`, or `compute()`'s, stored (errors are not cached). */
  get<T>(key: string, compute: () => T): T {
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as T;
      this.entries.delete(key); // most recently used goes last
      this.entries.set(key, value);
      this.hits++;
      return value;
    }
    this.misses++;
    const value = compute();
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  stats(): DriverCacheStats {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}

/** The process's cache, shared by the API and the dashboard. */
export const driverResultCache = new DriverResultCache();
