/**
 * Text analytics quality on realistic feedback (issue 16): per language and overall topic
 * micro/macro-F1, sentiment macro-F1 and language accuracy (also on texts under five words),
 * and the same per failure class, on the held-out split of src/text/eval/ (README there).
 *
 *   npx tsx bench/text-quality.ts                 held-out figures (the ones BENCHMARKS.md quotes)
 *   npx tsx bench/text-quality.ts --tune          the tuning split
 *   npx tsx bench/text-quality.ts --tune --errors  and every wrong text of the tuning split
 *
 * Errors are printed for the tuning split only: the held-out texts are measured, never studied.
 */
import { analyzeText } from '../src/text/analyze.ts';
import { loadEvalSet, qualityReport, type QualityScore } from '../src/text/evaluate.ts';
import { LANGUAGES } from '../src/text/tokens.ts';
import { machine } from './lib.ts';

const split = process.argv.includes('--tune') ? 'tune' : 'heldout';
if (process.argv.includes('--errors') && split !== 'tune') {
  console.error('--errors is for the tuning split only (add --tune): held-out errors are not to be read.');
  process.exit(2);
}
const f = (x: number) => x.toFixed(3);
const row = (name: string, s: QualityScore, accuracy = false) =>
  `| ${name} | ${s.texts} | ${f(accuracy ? s.sentimentAccuracy : s.sentimentMacroF1)} | ${f(s.topicMicroF1)} (${f(s.topicPrecision)} / ${f(s.topicRecall)}) | ${f(s.topicMacroF1)} | ${f(s.languageAccuracy)} | ${s.shortTexts ? `${f(s.shortLanguageAccuracy)} (${s.shortTexts})` : '—'} |`;
const header = (first: string, accuracy = false) => [
  `| ${first} | texts | sentiment ${accuracy ? 'accuracy' : 'macro-F1'} | topic micro-F1 (P / R) | topic macro-F1 | language accuracy | language, < 5 words (texts) |`,
  '|---|---:|---:|---:|---:|---:|---:|',
];

const report = qualityReport(split);
console.log(`\nText quality on the ${split} split of src/text/eval/ (language detected, not given)\n`);
console.log([...header('language'), ...report.perLanguage.map((s) => row(s.language, s)), row('**all**', report.overall)].join('\n'));
console.log(`\nPer failure class (tags in src/text/eval/README.md), all languages\n`);
console.log([...header('class', true), ...report.perTag.map((s) => row(s.tag, s, true))].join('\n'));
console.log(`\nMachine: ${new Date().toISOString()}, ${machine()}`);

if (process.argv.includes('--errors')) {
  console.log('\nWrong on the tuning split (gold → predicted):');
  for (const language of LANGUAGES) {
    for (const e of loadEvalSet('tune', language)) {
      const r = analyzeText(e.text);
      const topicsOk = [...e.topics].sort().join() === [...r.topics].sort().join();
      if (r.sentiment === e.sentiment && topicsOk && r.language === e.language) continue;
      const parts = [
        r.sentiment !== e.sentiment ? `sentiment ${e.sentiment} → ${r.sentiment} (${r.score})` : '',
        topicsOk ? '' : `topics [${e.topics}] → [${r.topics}]`,
        r.language !== e.language ? `language ${e.language} → ${r.language}` : '',
      ].filter(Boolean);
      console.log(`  ${e.id} ${parts.join('; ')}\n      ${e.text}`);
    }
  }
}
