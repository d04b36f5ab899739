/**
 * Word patterns for lexicons and keyword rules, written the way an analyst thinks of them:
 *   `hinta`     the word, or any word with the same stem
 *   `hinna*`    any word starting with `hinna` (Finnish and Polish inflect by suffix)
 *   `*jono*`    any word containing `jono` (Finnish and Swedish compounds: puhelinjonossa)
 *   `*kön`      any word ending with `kön` (telefonkön)
 *   `!odotet*`  an exception: words matching it never match the lexicon
 * Lookups are memoised per word, so matching costs one Map lookup after warm-up.
 * A loose lookup (texts typed without diacritics) falls back to every pattern with its
 * diacritics folded ("dzia*" from "dział*", "hyva*" from "hyvä*").
 */
import { foldDiacritics } from './tokens.ts';

export type Stemmer = (word: string) => string;

const BLOCKED = Symbol('blocked');
type Slot<T> = T | typeof BLOCKED;

export class PatternLexicon<T> {
  private readonly exact = new Map<string, Slot<T>>();
  private readonly stems = new Map<string, Slot<T>>();
  private readonly prefixes = new Map<string, Slot<T>>();
  private readonly contains: Array<[string, Slot<T>]> = [];
  private readonly suffixes: Array<[string, Slot<T>]> = [];
  private maxPrefix = 0;
  private readonly cache = new Map<string, T | null>();
  /** The same patterns with diacritics folded; built on the first loose lookup. */
  private folded?: PatternLexicon<T>;
  private readonly patterns: Array<[string, T]> = [];

  constructor(
    private readonly stemmer: Stemmer,
    private readonly merge: (a: T, b: T) => T = (_a, b) => b,
    /** Words that a folded pattern must not reach: they are other words without diacritics ("vanlig", "stad"). */
    private readonly foldExceptions: readonly string[] = [],
  ) {}

  add(pattern: string, value: T): this {
    const raw = pattern.trim().toLowerCase();
    if (!raw) return this;
    this.patterns.push([raw, value]);
    this.folded = undefined;
    const blocked = raw.startsWith('!');
    const p = blocked ? raw.slice(1) : raw;
    const slot: Slot<T> = blocked ? BLOCKED : value;
    const starts = p.startsWith('*');
    const ends = p.endsWith('*') && p.length > 1;
    const core = p.replace(/^\*|\*$/g, '');
    if (!core) return this;
    if (starts && ends) this.contains.push([core, slot]);
    else if (starts) this.suffixes.push([core, slot]);
    else if (ends) {
      this.put(this.prefixes, core, slot);
      this.maxPrefix = Math.max(this.maxPrefix, core.length);
    } else {
      this.put(this.exact, core, slot);
      const s = this.stemmer(core);
      if (s.length >= 4) this.put(this.stems, s, slot);
    }
    this.cache.clear();
    return this;
  }

  private put(map: Map<string, Slot<T>>, key: string, slot: Slot<T>): void {
    const old = map.get(key);
    if (old === undefined || old === BLOCKED || slot === BLOCKED) map.set(key, slot);
    else map.set(key, this.merge(old, slot));
  }

  /**
   * The value for a lower-cased word: exact form, then longest prefix, then affixes, then stem;
   * `loose`: failing those, the same against the patterns with diacritics folded.
   */
  lookup(word: string, loose = false): T | undefined {
    const found = this.lookupExact(word);
    if (found !== undefined || !loose || this.patterns.length === 0) return found;
    if (!this.folded) {
      this.folded = new PatternLexicon<T>(this.stemmer, this.merge);
      for (const [p, value] of this.patterns) this.folded.add(foldDiacritics(p), value);
      for (const p of this.foldExceptions) this.folded.add(`!${p}`, this.patterns[0][1]);
    }
    return this.folded.lookupExact(word);
  }

  private lookupExact(word: string): T | undefined {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached === null ? undefined : cached;
    const found = this.resolve(word);
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(word, found === undefined ? null : found);
    return found;
  }

  private resolve(word: string): T | undefined {
    const exact = this.exact.get(word);
    if (exact !== undefined) return exact === BLOCKED ? undefined : exact;
    for (let n = Math.min(word.length, this.maxPrefix); n >= 2; n--) {
      const hit = this.prefixes.get(word.slice(0, n));
      if (hit !== undefined) return hit === BLOCKED ? undefined : hit;
    }
    let found: Slot<T> | undefined;
    for (const [core, slot] of this.suffixes) if (word.endsWith(core) && word.length > core.length) found = pick(found, slot);
    for (const [core, slot] of this.contains) if (word.includes(core)) found = pick(found, slot);
    if (found !== undefined) return found === BLOCKED ? undefined : found;
    const stemmed = this.stems.get(this.stemmer(word));
    return stemmed === undefined || stemmed === BLOCKED ? undefined : stemmed;
  }
}

function pick<T>(a: Slot<T> | undefined, b: Slot<T>): Slot<T> {
  return a === undefined || b === BLOCKED ? b : a;
}

/** A multi-word pattern ("on hold", "fick vänta"): each part is a word pattern. */
export interface Phrase<T> {
  parts: string[];
  value: T;
}

export function matchesPart(word: string, part: string): boolean {
  if (part.endsWith('*')) return word.startsWith(part.slice(0, -1));
  return word === part;
}

/** Indexes phrases by their first part so only candidates are checked at each position. */
export class PhraseIndex<T> {
  private readonly first: PatternLexicon<Array<Phrase<T>>>;

  constructor(foldExceptions: readonly string[] = []) {
    this.first = new PatternLexicon<Array<Phrase<T>>>((w) => w, (a, b) => [...a, ...b], foldExceptions);
  }

  add(text: string, value: T): this {
    const parts = text.toLowerCase().split(/\s+/).filter(Boolean);
    if (parts.length < 2) throw new Error(`A phrase needs two or more words: "${text}"`);
    this.first.add(parts[0], [{ parts, value }]);
    return this;
  }

  /**
   * The longest phrase starting at `i` in `wordsAt` (null entries are non-words and break phrases);
   * `loose` also matches its words with diacritics folded.
   */
  match(wordsAt: Array<string | null>, i: number, loose = false): Phrase<T> | undefined {
    const head = wordsAt[i];
    if (head === null || head === undefined) return undefined;
    const candidates = this.first.lookup(head, loose);
    if (!candidates) return undefined;
    let best: Phrase<T> | undefined;
    for (const phrase of candidates) {
      if (best && best.parts.length >= phrase.parts.length) continue;
      let ok = true;
      for (let k = 1; k < phrase.parts.length; k++) {
        const w = wordsAt[i + k];
        if (w === null || w === undefined || !(matchesPart(w, phrase.parts[k]) || (loose && matchesPart(w, foldDiacritics(phrase.parts[k]))))) {
          ok = false;
          break;
        }
      }
      if (ok) best = phrase;
    }
    return best;
  }
}
