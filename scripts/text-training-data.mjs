// The training data of the learned text layer (src/text/ngram.ts) and its hash. Shared by
// scripts/train-text.ts, which writes the hash into each model file, and scripts/build.mjs,
// which warns when the data changed after the model was trained.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

export const TEXT_LANGUAGES = ['fi', 'sv', 'en', 'pl'];

/** Training files of one language, in a fixed order (paths relative to the repository root). */
export function trainingFiles(language) {
  return [`src/text/corpus/${language}.jsonl`, `src/text/eval/tune/${language}.jsonl`, `src/text/eval/dev.${language}.jsonl`];
}

/** SHA-256 over the names and contents of the training files that exist (first 16 hex digits). */
export function trainingDataHash(root, language) {
  const hash = createHash('sha256');
  for (const file of trainingFiles(language)) {
    const path = `${root}${file}`;
    if (!existsSync(path)) continue;
    hash.update(`${file}\n`);
    hash.update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Languages whose committed model is missing or was trained on other data than the repository holds. */
export function staleTextModels(root) {
  return TEXT_LANGUAGES.filter((language) => {
    const path = `${root}src/text/model/${language}.json`;
    if (!existsSync(path)) return true;
    const head = readFileSync(path, 'utf8').slice(0, 400);
    const recorded = /"dataHash":\s*"([0-9a-f]+)"/.exec(head)?.[1];
    return recorded !== trainingDataHash(root, language);
  });
}
