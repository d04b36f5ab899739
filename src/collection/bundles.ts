/**
 * The browser scripts of the collection channels (widget/): bundled and minified by esbuild
 * on first request, then served from memory with an ETag. Building at run time keeps one
 * source of truth for the tests, the size check and `npm start` (whose dist/ bundle finds the
 * sources one folder up).
 */
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const browserScripts = { widget: 'widget.ts', kiosk: 'kiosk.ts', kioskWorker: 'kiosk-sw.ts' } as const;
export type BrowserScript = keyof typeof browserScripts;

export interface Bundle {
  code: string;
  etag: string;
  gzipBytes: number;
}

/** src/collection/ under tsx, dist/ under `npm start`: the widget/ folder is two or one level up. */
function widgetFolder(): string {
  for (const relative of ['../../widget/', '../widget/']) {
    const folder = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${folder}widget.ts`)) return folder;
  }
  throw new Error('The widget/ sources were not found next to the server');
}

export async function bundleScript(name: BrowserScript): Promise<Bundle> {
  const result = await build({
    entryPoints: [widgetFolder() + browserScripts[name]],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return { code, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 22)}"`, gzipBytes: gzipSync(code, { level: 9 }).length };
}

const built = new Map<BrowserScript, Promise<Bundle>>();

export function cachedBundle(name: BrowserScript): Promise<Bundle> {
  let bundle = built.get(name);
  if (!bundle) {
    bundle = bundleScript(name);
    bundle.catch(() => built.delete(name));
    built.set(name, bundle);
  }
  return bundle;
}
