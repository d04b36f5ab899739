import { KaikuError } from '../errors.ts';
import { DEFAULT_TOPICS, packs } from './lexicon/index.ts';
import { PatternLexicon, PhraseIndex } from './patterns.ts';
import { stem } from './stem.ts';
import { LANGUAGES, compoundAt, tokenize, typedWithoutDiacritics, type DetectedLanguage, type Language, type Token } from './tokens.ts';
import { predictTopics, type TopicModel } from './learned.ts';

/**
 * Topic rules: an organisation's taxonomy is the default topics plus its own, each a set of
 * stem-aware keyword patterns per language (see patterns.ts). Keywords under `any` apply to
 * every language. A learned model (learn.ts) can add topics beside the rules.
 */
export interface TopicDefinition {
  id: string;
  label?: string;
  keywords: Partial<Record<Language | 'any', string[]>>;
}

interface CompiledTopic {
  id: string;
  words: Partial<Record<Language | 'other', PatternLexicon<true>>>;
}

export interface Taxonomy {
  topics: CompiledTopic[];
  /** Phrases of all topics per language; value null = an exception that only hides its words. */
  phrases: Partial<Record<Language | 'other', PhraseIndex<string | null>>>;
  learned?: TopicModel;
}

const TOPIC_ID = /^[a-z][a-z0-9_]{0,62}$/;

export function defaultTopicDefinitions(): TopicDefinition[] {
  return DEFAULT_TOPICS.map((id) => ({
    id,
    keywords: Object.fromEntries(LANGUAGES.map((l) => [l, packs[l].topics[id]])),
  }));
}

/**
 * Compiles topic definitions. The defaults come first unless `includeDefaults` is false; a
 * definition with a default id adds keywords to that topic.
 */
export function compileTaxonomy(
  definitions: TopicDefinition[] = [],
  options: { includeDefaults?: boolean; learned?: TopicModel } = {},
): Taxonomy {
  const all = [...(options.includeDefaults === false ? [] : defaultTopicDefinitions()), ...definitions];
  const byId = new Map<string, CompiledTopic>();
  const phrases: Taxonomy['phrases'] = {};
  for (const def of all) {
    if (!def || typeof def.id !== 'string' || !TOPIC_ID.test(def.id)) {
      throw new KaikuError('invalid_topic', `Topic id "${String(def?.id)}" must be lower-case letters, digits and _ (start with a letter)`, { field: 'id' });
    }
    let topic = byId.get(def.id);
    if (!topic) byId.set(def.id, (topic = { id: def.id, words: {} }));
    for (const [key, patterns] of Object.entries(def.keywords ?? {})) {
      if (key !== 'any' && !(LANGUAGES as readonly string[]).includes(key)) {
        throw new KaikuError('invalid_topic', `Topic "${def.id}": keyword language "${key}" is not one of ${LANGUAGES.join(', ')}, any`, { field: 'keywords' });
      }
      if (!Array.isArray(patterns)) throw new KaikuError('invalid_topic', `Topic "${def.id}": keywords.${key} must be a list`, { field: 'keywords' });
      const targets: Array<Language | 'other'> = key === 'any' ? [...LANGUAGES, 'other'] : [key as Language];
      for (const language of targets) {
        for (const raw of patterns) {
          if (typeof raw !== 'string' || !raw.trim()) continue;
          const pattern = raw.trim().toLowerCase();
          if (pattern.includes(' ')) {
            const index = (phrases[language] ??= new PhraseIndex<string | null>(foldExceptions(language)));
            const blocked = pattern.startsWith('!');
            index.add(blocked ? pattern.slice(1) : pattern, blocked ? null : def.id);
          } else {
            const lexicon = (topic.words[language] ??= new PatternLexicon<true>((w) => (language === 'other' ? w : stem(w, language)), undefined, foldExceptions(language)));
            lexicon.add(pattern, true);
          }
        }
      }
    }
  }
  return { topics: [...byId.values()], phrases, learned: options.learned };
}

function foldExceptions(language: Language | 'other'): string[] {
  return language === 'other' ? [] : (packs[language].foldExceptions ?? []);
}

let defaultTaxonomy: Taxonomy | undefined;
export function getDefaultTaxonomy(): Taxonomy {
  return (defaultTaxonomy ??= compileTaxonomy());
}

/** Topic ids of a text, in taxonomy order (rule topics), then learned ones. */
export function classifyTopics(text: string, language: DetectedLanguage, taxonomy: Taxonomy = getDefaultTaxonomy()): string[] {
  return topicsOfTokens(tokenize(text), language, taxonomy, text);
}

export function topicsOfTokens(tokens: Token[], language: DetectedLanguage, taxonomy: Taxonomy, text?: string): string[] {
  const wordsAt: Array<string | null> = tokens.map((t) => (t.kind === 'word' ? t.text : null));
  const found = new Set<string>();
  const consumed = new Uint8Array(wordsAt.length);
  const loose = typedWithoutDiacritics(tokens, language);
  const phraseIndex = taxonomy.phrases[language];
  if (phraseIndex) {
    for (let i = 0; i < wordsAt.length; i++) {
      const phrase = phraseIndex.match(wordsAt, i, loose);
      if (!phrase) continue;
      if (phrase.value !== null) found.add(phrase.value);
      consumed.fill(1, i, i + phrase.parts.length);
      i += phrase.parts.length - 1;
    }
  }
  for (const topic of taxonomy.topics) {
    if (found.has(topic.id)) continue;
    const lexicon = topic.words[language];
    if (!lexicon) continue;
    for (let i = 0; i < wordsAt.length; i++) {
      const w = wordsAt[i];
      if (w === null || consumed[i]) continue;
      const compound = tokens[i + 1]?.joined ? compoundAt(tokens, i) : undefined;
      if (lexicon.lookup(w, loose) || (compound && lexicon.lookup(compound.text, loose))) {
        found.add(topic.id);
        break;
      }
    }
  }
  const ordered = taxonomy.topics.map((t) => t.id).filter((id) => found.has(id));
  if (taxonomy.learned && text !== undefined) {
    for (const id of predictTopics(taxonomy.learned, text, language)) if (!ordered.includes(id)) ordered.push(id);
  }
  return ordered;
}

/** Whether a single word matches any default topic rule of the language (evidence for detection). */
export function mentionsTopic(word: string, language: Language): boolean {
  return getDefaultTaxonomy().topics.some((t) => t.words[language]?.lookup(word) === true);
}
