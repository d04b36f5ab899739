/**
 * No module of src/ imports itself back through others (issue 17, part 5): a cycle hides which
 * module owns a thing and makes load order matter. Only imports that exist at run time count:
 * `import type`, imports of types only and lazy `await import()` do not. Each cycle found is
 * printed as a path of files so it can be cut where it is cheapest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The relative modules a file loads when it runs. */
export function runtimeImports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause !== undefined && !clause.name && named !== undefined && ts.isNamedImports(named)
        && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)) continue;
      specifier = statement.moduleSpecifier;
    }
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) found.push(resolve(dirname(file), specifier.text));
  }
  return found;
}

/** Strongly connected groups of two or more files (Tarjan), each as a list of files. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(group);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups;
}

test('type-only imports do not count; value imports and re-exports do', () => {
  const file = join(root, 'x', 'a.ts');
  const text = [
    "import type { A } from './types.ts';",
    "import { type B, type C } from './more-types.ts';",
    "import { value, type D } from './values.ts';",
    "import './side-effect.ts';",
    "export { thing } from '../y/thing.ts';",
    "export type { E } from './e.ts';",
    "import { readFileSync } from 'node:fs';",
    "const later = () => import('./lazy.ts');",
  ].join('\n');
  assert.deepEqual(runtimeImports(file, text).map((f) => relative(root, f)), ['x/values.ts', 'x/side-effect.ts', 'y/thing.ts']);
  // The detector finds a cycle of three and ignores a chain.
  const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
  assert.deepEqual(cycles(graph).map((g) => g.sort()), [['a', 'b', 'c']]);
});

test('src/ has no import cycles', () => {
  const files = sourceFiles(root);
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, runtimeImports(f, readFileSync(f, 'utf8')).filter((d) => known.has(d))]));
  assert.ok(files.length > 200, `only ${files.length} files found under ${root}`);
  const found = cycles(graph).map((group) => group.map((f) => relative(root, f)).sort().join(' → '));
  assert.deepEqual(found, [], `import cycles:\n${found.join('\n')}`);
});
