import { detectLanguage } from './language.ts';
import { sentimentOfTokens, type SentimentLabel } from './sentiment.ts';
import { LANGUAGES, isLanguage, tokenize, type DetectedLanguage } from './tokens.ts';
import { getDefaultTaxonomy, topicsOfTokens, type Taxonomy } from './topics.ts';

export interface TextAnalysis {
  language: DetectedLanguage;
  sentiment: SentimentLabel;
  /** −1…1 */
  score: number;
  topics: string[];
  /** The text was longer than MAX_TEXT_LENGTH and only its beginning was analysed. */
  truncated: boolean;
  warning?: string;
}

export interface AnalyzeOptions {
  /** Known language (e.g. from the survey version); detected when absent or not supported. */
  language?: string;
  taxonomy?: Taxonomy;
}

export const MAX_TEXT_LENGTH = 5_000;

// C0/C1 controls other than tab and line breaks, and U+FFFD left by decoding binary as UTF-8.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;

const EMPTY = (truncated: boolean, language: DetectedLanguage = 'other', warning?: string): TextAnalysis => ({
  language,
  sentiment: 'neutral',
  score: 0,
  topics: [],
  truncated,
  ...(warning ? { warning } : {}),
});

/**
 * Language, sentiment and topics of one text. Total: any string (or even a non-string from a
 * loose caller) gives a result; garbage gives a neutral result with a warning.
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}): TextAnalysis {
  if (typeof text !== 'string') return EMPTY(false, 'other', 'not_text');
  let body = text;
  let truncated = false;
  if (body.length > MAX_TEXT_LENGTH) {
    let end = MAX_TEXT_LENGTH;
    // Do not cut a surrogate pair (an emoji) in half.
    const code = body.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    body = body.slice(0, end);
    truncated = true;
  }
  const controls = body.match(CONTROL)?.length ?? 0;
  if (controls > 0) {
    if (body.includes('\u0000') || controls / body.length > 0.05) return EMPTY(truncated, 'other', 'binary_or_control_characters');
    body = body.replace(CONTROL, ' ');
  }
  if (!body.trim()) return EMPTY(truncated, isLanguage(options.language) ? options.language : 'other');

  const language: DetectedLanguage = isLanguage(options.language) ? options.language : detectLanguage(body);
  const tokens = tokenize(body);
  const taxonomy = options.taxonomy ?? getDefaultTaxonomy();
  const topics = topicsOfTokens(tokens, language, taxonomy, body);
  const aboutWaiting = topics.includes('wait_time') || (language !== 'other' && mentionsWaiting(tokens, language));
  const { sentiment, score } = sentimentOfTokens(tokens, language, { aboutWaiting });
  const result: TextAnalysis = { language, sentiment, score, topics, truncated };
  if (!tokens.some((t) => t.kind === 'word' || t.kind === 'emoji')) result.warning = 'no_words';
  return result;
}

function mentionsWaiting(tokens: ReturnType<typeof tokenize>, language: (typeof LANGUAGES)[number]): boolean {
  // The default wait_time rules decide "long" vs "short", even when an organisation's taxonomy dropped the topic.
  const waitTopic = getDefaultTaxonomy().topics.filter((t) => t.id === 'wait_time');
  return topicsOfTokens(tokens, language, { topics: waitTopic, phrases: {} }).length > 0;
}
