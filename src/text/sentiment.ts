import { compiledPack, type CompiledPack } from './lexicon/index.ts';
import { PhraseIndex } from './patterns.ts';
import { tokenize, typedWithoutDiacritics, type DetectedLanguage, type Token } from './tokens.ts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface SentimentResult {
  sentiment: SentimentLabel;
  /** −1…1 */
  score: number;
}

/**
 * Lexicon-and-rules sentiment, in the spirit of VADER but with hand-written CX lexicons per
 * language and rules for each language's negation, degree words, "too", contrast ("but": the
 * clause after counts more) and concession ("although": the clause after counts less).
 */

const EMOJI: Record<string, number> = {
  '😊': 1.2, '🙂': 0.8, '😀': 1.2, '😃': 1.2, '😄': 1.2, '😁': 1.2, '😍': 2, '🥰': 2, '👍': 1.2, '👌': 1, '❤': 1.5, '❤️': 1.5, '💯': 1.5,
  '🎉': 1.2, '🙏': 0.8, '😂': 0.5, '🤩': 2, '😎': 1, '💪': 1, '👏': 1.2, '⭐': 1, '🌟': 1.2, '😉': 0.7, '☺': 1, '☺️': 1, '💚': 1.2,
  '😡': -2, '😠': -1.8, '🤬': -2.2, '👎': -1.5, '😞': -1.5, '😢': -1.5, '😭': -1.5, '😤': -1.5, '🙄': -1.2, '😒': -1.2, '😕': -1,
  '🙁': -1, '☹': -1.2, '☹️': -1.2, '😩': -1.5, '😫': -1.5, '💩': -2, '🤮': -2, '🤢': -1.8, '😖': -1.3, '😣': -1.2, '😔': -1, '💔': -1.5,
  ':)': 1, ':-)': 1, ':d': 1.2, ':-d': 1.2, ':p': 0.5, ';)': 0.7, ';-)': 0.7, '=)': 1, '<3': 1.5, ':]': 0.8,
  ':(': -1.2, ':-(': -1.2, ':/': -0.8, ':-/': -0.8, ':|': -0.3, ":'(": -1.5, ':[': -1, ';(': -1.2,
};

const NEGATION_SCOPE = 3;
/** A negation that finds nothing to turn ("ei kerrottu", "doesn't match") is itself a mild complaint. */
const BARE_NEGATION = -0.6;
/** "never had such good service": "never" + "such" is praise, not negation. */
const NEVER = new Set(['never', 'aldrig', 'nigdy', 'koskaan']);
const SUCH = new Set(['such', 'so', 'så', 'näin', 'noin', 'tak', 'taki', 'taka', 'taką', 'takiej', 'takiego', 'takie', 'sådan', 'sådant', 'sån']);
/** "and" ends a negation's reach: "ei tullut ja henkilökunta oli ystävällinen" turns nothing after "ja". */
const AND = new Set(['and', 'ja', 'sekä', 'och', 'i', 'oraz']);
/** "varken … eller": after "varken" the "eller" negates too, as "nor" does. */
const NEITHER = new Set(['varken', 'neither']);
const NOR = new Set(['eller', 'or']);
/**
 * Counterfactual wishes ("would have been nice if…", "olisi ollut kiva tietää", "hade varit trevligt",
 * "byłoby miło"): the praise word after the cue, in its clause, is a complaint.
 */
const COUNTERFACTUAL = new PhraseIndex<true>();
for (const cue of ['would have been', 'would be', "it'd have been", 'olisi ollut', 'olis ollut', 'olisi ollu', 'olis ollu', 'olisin toivonut',
  'hade varit', 'skulle ha varit', 'hade det varit', 'vore det', 'byłoby', 'byloby', 'by było', 'by bylo']) {
  if (cue.includes(' ')) COUNTERFACTUAL.add(cue, true);
}
const COUNTERFACTUAL_WORDS = new Set(['byłoby', 'byloby', 'vore']);
/** "Really appreciate it. Not.": a clause that is only a negator turns the praise before it. */
const SARCASTIC_NOT = new Set(['not', 'ei', 'inte', 'nie', 'nope']);
const SATURATION = 2.5;
const THRESHOLD = 0.3;

interface Item {
  value: number;
  weight: number;
  position: number;
}

function emojiValue(token: string): number | undefined {
  return EMOJI[token] ?? EMOJI[token.replace(/[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, '')];
}

/** Lexicon value with the language's own morphology fallbacks; `loose` folds diacritics (tokens.ts). */
function wordValue(c: CompiledPack, word: string, loose = false): number | undefined {
  const direct = c.sentiment.lookup(word, loose);
  if (direct !== undefined) return direct;
  const language = c.pack.language;
  if (language === 'fi') {
    // Clitics: hyvääkään, hyväkin, hyvähän — the stemmers keep them.
    const bare = word.replace(/(kaan|kään|kin|han|hän|pa|pä)$/, '');
    if (bare !== word && bare.length >= 3) {
      const v = c.sentiment.lookup(bare, loose);
      if (v !== undefined) return v;
    }
    // Caritive adjectives: toimimaton, osaamaton, hyödytön = "without X".
    const caritive = /^(.{3,}?)(?:ma|mä)?(?:ton|tön|ttoma\w*|ttömä\w*)$/.exec(word);
    if (caritive) {
      const v = c.sentiment.lookup(caritive[1], loose);
      if (v !== undefined && v > 0) return -v;
    }
  }
  if (language === 'sv') {
    // Degree compounds: jättetrevlig, supersnabb, megabra.
    const degreePrefix = /^(jätte|super|mega|toppen)(.{3,})$/.exec(word);
    if (degreePrefix) {
      const v = c.sentiment.lookup(degreePrefix[2], loose);
      if (v !== undefined && v !== 0) return v * 1.5;
    }
  }
  if (language === 'pl' && word.startsWith('nie') && word.length > 6) {
    // Fused negation: niemiły, niedobry, niewygodny.
    const v = c.sentiment.lookup(word.slice(3), loose);
    if (v !== undefined && v !== 0) return -v * 0.9;
  }
  if ((language === 'sv' || language === 'en') && (word.startsWith('o') || word.startsWith('un')) && word.length > 5) {
    // Negative prefixes: otrevlig, oklar, unhelpful, unclear (when not listed themselves).
    const rest = word.startsWith('un') ? word.slice(2) : word.slice(1);
    const v = c.sentiment.lookup(rest, loose);
    if (v !== undefined && v > 0 && (language === 'en' ? word.startsWith('un') : true)) return -v * 0.9;
  }
  return undefined;
}

export function analyzeSentiment(text: string, language: DetectedLanguage, options: { aboutWaiting?: boolean } = {}): SentimentResult {
  return sentimentOfTokens(tokenize(text), language, options);
}

export function sentimentOfTokens(tokens: Token[], language: DetectedLanguage, options: { aboutWaiting?: boolean } = {}): SentimentResult {
  const items: Item[] = [];
  let exclamations = 0;
  let question = false;

  if (language === 'other') {
    // Only language-free signals: emoji and emoticons.
    tokens.forEach((t, position) => {
      if (t.kind === 'emoji') {
        const v = emojiValue(t.text);
        if (v !== undefined) items.push({ value: v, weight: 1, position });
      } else if (t.kind === 'punct' && t.text.includes('!')) exclamations++;
    });
    return finish(items, exclamations, false);
  }

  const c = compiledPack(language);
  const wordsAt: Array<string | null> = tokens.map((t) => (t.kind === 'word' ? t.text : null));
  const aboutWaiting = options.aboutWaiting ?? false;
  const loose = typedWithoutDiacritics(tokens, language);

  let weight = 1; // after "but" the rest counts more
  let concession = 1; // inside an "although" clause
  let negationLeft = 0;
  let negationAt = -1;
  let neverSeen = false;
  let degree = 1;
  let degreeLeft = 0;
  let excessLeft = 0;
  let counterfactual = false;
  let neither = false;

  // Closes a negation scope that turned nothing: in feedback "X did not happen" is a complaint.
  const closeNegation = () => {
    if (negationAt >= 0) items.push({ value: BARE_NEGATION, weight: weight * concession, position: negationAt });
    negationLeft = 0;
    negationAt = -1;
  };
  const add = (raw: number, position: number, negatable: boolean) => {
    let value = raw * degree;
    if (counterfactual && value > 0) {
      value = -value * 0.8;
      counterfactual = false;
      negatable = false;
    }
    degree = 1;
    degreeLeft = 0;
    if (negatable && negationLeft > 0) {
      // "not good" is clearly negative; "not bad" is only mildly positive.
      value = value > 0 ? -value * 0.8 : -value * 0.5;
    }
    negationLeft = 0;
    negationAt = -1;
    items.push({ value, weight: weight * concession, position });
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'punct') {
      if (token.text.includes('!')) exclamations += token.text.split('!').length - 1;
      if (token.text.includes('?')) question = true;
      closeNegation();
      degree = 1;
      degreeLeft = 0;
      excessLeft = 0;
      concession = 1;
      counterfactual = false;
      neither = false;
      if (sarcasticNot(tokens, i)) for (const item of items) if (item.value > 0) item.value = -item.value;
      continue;
    }
    if (token.kind === 'emoji') {
      const v = emojiValue(token.text);
      if (v !== undefined) items.push({ value: v, weight, position: i });
      continue;
    }
    if (token.kind !== 'word') continue;
    const word = token.text;

    const cue = COUNTERFACTUAL.match(wordsAt, i, loose);
    if (cue || COUNTERFACTUAL_WORDS.has(word)) {
      counterfactual = true;
      i += cue ? cue.parts.length - 1 : 0;
      continue;
    }
    if (AND.has(word) && negationLeft > 0) {
      closeNegation();
      continue;
    }
    if (neither && NOR.has(word)) {
      negationLeft = NEGATION_SCOPE;
      negationAt = -1;
      continue;
    }
    const phrase = c.phrases.match(wordsAt, i, loose);
    if (phrase) {
      if (phrase.value !== 0) add(phrase.value, i, false);
      else {
        negationLeft = 0;
        negationAt = -1;
      }
      i += phrase.parts.length - 1;
      continue;
    }
    if (c.contrast.has(word)) {
      closeNegation();
      for (const item of items) item.weight *= 0.5;
      weight = 1.5;
      concession = 1;
      continue;
    }
    const concessiveSeconds = c.concessive.get(word);
    if (concessiveSeconds) {
      const next = wordsAt[i + 1];
      const second = concessiveSeconds.find((s) => s === '' || s === next);
      if (second !== undefined) {
        closeNegation();
        concession = 0.5;
        if (second !== '') i++;
        continue;
      }
    }
    if (c.negators.has(word) || word.endsWith("n't")) {
      if (NEITHER.has(word)) neither = true;
      if (negationLeft === 0) negationAt = i;
      negationLeft = NEGATION_SCOPE;
      neverSeen = NEVER.has(word);
      if (language === 'sv' && swedishPostNegation(c, wordsAt, i, items, loose)) {
        negationLeft = 0;
        negationAt = -1;
      }
      continue;
    }
    if (negationLeft > 0 && neverSeen && SUCH.has(word)) {
      negationLeft = 0;
      negationAt = -1;
    }
    const degreeWord = c.degree.get(word);
    if (degreeWord !== undefined) {
      degree *= degreeWord;
      degreeLeft = 2;
      if (negationLeft > 0) negationLeft++;
      continue;
    }
    if (c.excess.has(word)) {
      excessLeft = 2;
      if (negationLeft > 0) negationLeft++;
      continue;
    }

    let value = wordValue(c, word, loose);
    if (aboutWaiting && (value === undefined || value === 0)) {
      if (c.waitLong.lookup(word, loose)) value = -1;
      else if (c.waitShort.lookup(word, loose)) value = 0.8;
      else if (c.waitUnits.lookup(word, loose)) value = -0.6;
    }
    if (excessLeft > 0 && c.dimensions.lookup(word, loose)) {
      // "too long", "liian kallis", "za drogo": excess is a complaint whatever the adjective.
      value = -Math.max(1, Math.abs(value ?? 0));
      excessLeft = 0;
    }
    if (value !== undefined && value !== 0) add(value, i, true);
    else {
      if (negationLeft > 0 && --negationLeft === 0) closeNegation();
      if (degreeLeft > 0 && --degreeLeft === 0) degree = 1;
      if (excessLeft > 0) excessLeft--;
    }
  }
  closeNegation();
  return finish(items, exclamations, question);
}

/** Whether the punctuation at `i` closes a clause that is a lone "Not." after earlier words. */
function sarcasticNot(tokens: Token[], i: number): boolean {
  const w = tokens[i - 1];
  if (!w || w.kind !== 'word' || !SARCASTIC_NOT.has(w.text)) return false;
  const before = tokens[i - 2];
  return before !== undefined && before.kind === 'punct' && i - 2 > 0;
}

/**
 * Swedish puts the negation after the finite verb ("appen fungerar inte", "jag gillade inte"):
 * when no sentiment word follows within the scope, the negation turns the one just before.
 */
function swedishPostNegation(c: CompiledPack, wordsAt: Array<string | null>, i: number, items: Item[], loose: boolean): boolean {
  for (let k = i + 1; k <= i + NEGATION_SCOPE && k < wordsAt.length; k++) {
    const w = wordsAt[k];
    if (w === null) break;
    const v = wordValue(c, w, loose);
    if (v !== undefined && v !== 0) return false;
  }
  const last = items[items.length - 1];
  if (!last || last.position < i - 2) return false;
  last.value = last.value > 0 ? -last.value * 0.8 : -last.value * 0.5;
  return true;
}

function finish(items: Item[], exclamations: number, question: boolean): SentimentResult {
  let sum = 0;
  for (const item of items) sum += item.value * item.weight;
  if (sum !== 0 && exclamations > 0) sum *= 1 + 0.12 * Math.min(exclamations, 3);
  if (question) sum *= 0.6;
  const score = sum / Math.sqrt(sum * sum + SATURATION);
  const rounded = Math.round(score * 1000) / 1000;
  const sentiment: SentimentLabel = score >= THRESHOLD ? 'positive' : score <= -THRESHOLD ? 'negative' : 'neutral';
  return { sentiment, score: rounded === 0 ? 0 : rounded };
}
