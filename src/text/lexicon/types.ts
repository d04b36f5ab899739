import type { Language } from '../tokens.ts';

export const DEFAULT_TOPICS = [
  'wait_time',
  'staff',
  'price',
  'billing',
  'quality',
  'digital',
  'delivery',
  'communication',
  'cleanliness',
] as const;
export type DefaultTopic = (typeof DEFAULT_TOPICS)[number];

/**
 * Everything Kaiku knows about one language, written by hand for customer feedback.
 * Word lists use the patterns of ../patterns.ts (`prefix*`, `*infix*`, `*suffix`, `!exception`).
 */
export interface LanguagePack {
  language: Language;
  /** Function words: dropped from themes and the learned classifier, evidence for detection. */
  stopwords: string[];
  /** Words that open a negation scope ("ei", "not", "inte", "nie"). */
  negators: string[];
  /** Degree words: multiplier for the next sentiment word (>1 intensifies, <1 softens). */
  degree: Record<string, number>;
  /** "too" words: turn the next dimension word ("long", "high") negative. */
  excess: string[];
  dimensions: string[];
  /** "but": the clause after weighs more. */
  contrast: string[];
  /** "although": the clause after weighs less. */
  concessive: string[];
  /** Word pattern → polarity, about −2…2. */
  sentiment: Record<string, number>;
  /** Multi-word expression → polarity; 0 marks a neutral idiom whose words must not count. */
  phrases: Record<string, number>;
  /** Length words and time units whose polarity depends on whether the text is about waiting. */
  waitLength: { long: string[]; short: string[]; units: string[] };
  /**
   * Words spelled without diacritics that a folded pattern would otherwise reach in a text typed
   * without them ("vanlig" is "usual", not "vänlig"): patterns, blocked in folded lookups only.
   */
  foldExceptions?: string[];
  /** Default taxonomy keyword rules; entries with a space are phrases. */
  topics: Record<DefaultTopic, string[]>;
  /** Language detection profile: distinctive words and character n-grams (`_` marks a word edge). */
  profile: { words: string[]; grams: Record<string, number> };
}
