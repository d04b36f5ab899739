/**
 * How to start a worker thread's entry script: in the bundle `npm start` runs, `<bundled>.js`
 * sits next to every chunk (scripts/build.mjs names the entries); from the TypeScript sources
 * (tests, `npx tsx`) src/worker-tsx.mjs registers tsx's loader and imports `source`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function workerScript(bundled: string, source: URL): { file: URL; argv: string[] } {
  const built = new URL(`./${bundled}.js`, import.meta.url);
  if (existsSync(fileURLToPath(built))) return { file: built, argv: [] };
  const shim = new URL('./worker-tsx.mjs', import.meta.url);
  if (existsSync(fileURLToPath(shim)) && existsSync(fileURLToPath(source))) return { file: shim, argv: [source.href] };
  throw new Error(`The worker script ${bundled} was not found next to ${fileURLToPath(import.meta.url)}`);
}
