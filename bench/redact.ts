/**
 * PII redaction throughput (issue 16): `redactPii` alone on ordinary feedback (most texts hold no
 * PII), on texts that all hold digits or names, and the whole per-text pipeline (analysis + redaction)
 * on one core. Run: npx tsx bench/redact.ts
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const { loadEvalSet } = await import('../src/text/evaluate.ts');
const { analyzeText } = await import('../src/text/analyze.ts');
const { LANGUAGES } = await import('../src/text/tokens.ts');
const { redactPii } = await import('../src/text/redact.ts');

const pool = (['dev', 'test'] as const).flatMap((sp) => LANGUAGES.flatMap((l) => loadEvalSet(sp, l).map((e) => e.text)));
const N = 50_400;
const plain = Array.from({ length: N }, (_, i) => `${pool[i % pool.length]} ${i % 7 === 0 ? `(ref ${i})` : ''}`);
// Every text carries something a detector has to look at: a number, a name, an address or a phone.
const extras = [
  'Tilausnumero 4471223, soittakaa 040 123 4567.', 'Asiakaspalvelija Maija auttoi.', 'Puhuin Pekka Virtasen kanssa.',
  'Jag heter Anna Lindqvist, ring 070-123 45 67.', 'Adress: Storgatan 12 B, 111 22 Stockholm.', 'Mieszkam przy ul. Długiej 5 m. 4.',
  'PESEL 44051401359, konto 61 1090 1014 0000 0712 1981 2874.', 'Call me at (555) 123-4567, order #88123 on 12/03/2024 at 14:30.',
  'Paid 1 299,00 € on 3.4.2025, viitenumero 12345 67890.', 'Rozmawiałam z panią Kasią o fakturze 2024/11/0032.',
];
const heavy = Array.from({ length: 20_000 }, (_, i) => `${pool[i % pool.length]} ${extras[i % extras.length]}`);

function rate(texts: string[], fn: (t: string) => unknown, rounds = 5): number {
  for (let i = 0; i < 2_000; i++) fn(texts[i % texts.length]); // warm the JIT (and the analysis word caches)
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (const t of texts) fn(t);
    rates.push(texts.length / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  return rates.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

const fmt = (x: number) => Math.round(x).toLocaleString('en');
console.log(`redactPii, eval texts (mean ${Math.round(plain.reduce((s, t) => s + t.length, 0) / N)} chars): ${fmt(rate(plain, redactPii))} texts/s (median of 5 × ${N.toLocaleString('en')})`);
console.log(`redactPii, every text with a number, name, address or phone: ${fmt(rate(heavy, redactPii))} texts/s (median of 5 × ${heavy.length.toLocaleString('en')})`);
console.log(`analyzeText + redactPii, eval texts: ${fmt(rate(plain, (t) => [analyzeText(t), redactPii(t)], 3))} texts/s (median of 3)`);

let cpu = cpus()[0]?.model ?? 'unknown';
try {
  cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpu;
} catch {
  // not Linux: os.cpus() is good enough
}
console.log(`Machine: ${new Date().toISOString().slice(0, 10)}, nproc ${execSync('nproc').toString().trim()}, node ${process.version}, ${cpu}, load ${execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ')}`);
