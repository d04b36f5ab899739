/**
 * Text analytics benchmark (issue 5): quality on the held-aside test split, throughput on one
 * core, memory of the loaded lexicons. Run: npx tsx bench/text.ts  (add --dev for the dev split).
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const before = process.memoryUsage();
const { evaluate, loadEvalSet } = await import('../src/text/evaluate.ts');
const { analyzeText } = await import('../src/text/analyze.ts');
const { LANGUAGES } = await import('../src/text/tokens.ts');

const split = process.argv.includes('--dev') ? 'dev' : 'test';
const fmt = (x: number) => x.toFixed(3);

const scores = evaluate(split);
console.log(`\nQuality on the ${split} split (language detected, not given)\n`);
console.log('| language | texts | sentiment macro-F1 | topic micro-F1 (P / R) | language accuracy |');
console.log('|---|---:|---:|---:|---:|');
for (const s of scores) {
  console.log(`| ${s.language} | ${s.texts} | ${fmt(s.sentimentMacroF1)} | ${fmt(s.topicMicroF1)} (${fmt(s.topicPrecision)} / ${fmt(s.topicRecall)}) | ${fmt(s.languageAccuracy)} |`);
}

// Throughput: all evaluation texts cycled to ≥ 50,000, each made unique by a suffix.
const pool = (['dev', 'test'] as const).flatMap((sp) => LANGUAGES.flatMap((l) => loadEvalSet(sp, l).map((e) => e.text)));
const N = 50_400;
const texts = Array.from({ length: N }, (_, i) => `${pool[i % pool.length]} ${i % 7 === 0 ? `(ref ${i})` : ''}`);
for (let i = 0; i < 2_000; i++) analyzeText(texts[i]); // warm up the JIT and the word caches
const t0 = process.hrtime.bigint();
let checksum = 0;
for (const t of texts) checksum += analyzeText(t).topics.length;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const avgChars = Math.round(texts.reduce((s, t) => s + t.length, 0) / N);

// Unseen vocabulary: every text gets two made-up words, so the word caches miss on each text.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const word = () => Array.from({ length: 5 + Math.floor(rand() * 6) }, () => 'aeiklmnoprstuvyäö'[Math.floor(rand() * 17)]).join('');
const novel = Array.from({ length: 20_000 }, (_, i) => `${pool[i % pool.length]} ${word()} ${word()}`);
const t2 = process.hrtime.bigint();
for (const t of novel) analyzeText(t);
const novelSeconds = Number(process.hrtime.bigint() - t2) / 1e9;

// Long texts: 5,000-character answers (capped), to show the worst case.
const long = Array.from({ length: 2_000 }, (_, i) => pool.slice(i % 50, (i % 50) + 60).join(' ').slice(0, 6_000));
const t1 = process.hrtime.bigint();
for (const t of long) analyzeText(t);
const longSeconds = Number(process.hrtime.bigint() - t1) / 1e9;

(globalThis as { gc?: () => void }).gc?.();
const after = process.memoryUsage();
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
console.log(`\nThroughput (one core, one thread): ${Math.round(N / seconds).toLocaleString('en')} texts/s over ${N.toLocaleString('en')} texts (mean ${avgChars} chars; checksum ${checksum})`);
console.log(`Unseen words (two new made-up words in every text): ${Math.round(novel.length / novelSeconds).toLocaleString('en')} texts/s over ${novel.length.toLocaleString('en')} texts`);
console.log(`Long texts (${long[0].length}+ chars, capped at 5,000): ${Math.round(long.length / longSeconds).toLocaleString('en')} texts/s`);
console.log(`Memory: heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB, RSS ${mb(before.rss)} → ${mb(after.rss)} MB (after loading lexicons, stemmers and warm caches)`);

let cpu = cpus()[0]?.model ?? 'unknown';
try {
  cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpu;
} catch {
  // not Linux: os.cpus() is good enough
}
let nproc = String(cpus().length);
try {
  nproc = execSync('nproc').toString().trim();
} catch {
  // nproc missing: os.cpus() count
}
console.log(`Machine: ${new Date().toISOString().slice(0, 10)}, nproc ${nproc}, node ${process.version}, ${cpu}`);

const missed = [
  ...scores.filter((s) => s.sentimentMacroF1 < 0.85).map((s) => `${s.language} sentiment macro-F1 ${fmt(s.sentimentMacroF1)} < 0.85`),
  ...scores.filter((s) => s.topicMicroF1 < 0.8).map((s) => `${s.language} topic micro-F1 ${fmt(s.topicMicroF1)} < 0.80`),
  ...(N / seconds < 5_000 ? [`throughput ${Math.round(N / seconds)} texts/s < 5,000`] : []),
  ...(after.heapUsed > 200 * 1024 * 1024 ? [`heap ${mb(after.heapUsed)} MB > 200 MB`] : []),
];
if (missed.length) {
  console.log(`\nTargets missed:\n  ${missed.join('\n  ')}`);
  process.exitCode = 1;
} else console.log('\nAll issue-5 targets met.');
