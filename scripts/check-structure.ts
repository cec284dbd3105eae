// Checks the shape of src/ that docs/architecture.md promises, as part of `npm test`:
//   1. no import cycle between files (type-only imports included: a cycle of types is still a knot
//      for the reader);
//   2. a module uses another module only through that module's index.ts, and the platform (db/,
//      platform/, search/, ui/, locales/) never reaches into a module;
//   3. no file but a test is over 400 lines (in src/, and in the bench/, scripts/, test/ and e2e/
//      support code beside it).
// `node --import tsx scripts/check-structure.ts [root]` checks another tree (the tests give it one).
// Written here rather than taken from madge or dpdm: those take 6–8 s to resolve 400 files, and all
// this needs is the relative imports of a tree whose imports are all `from './x.ts'`. A cycle is
// found with Tarjan's algorithm over the import graph.
import fs from 'node:fs';
import path from 'node:path';

import { pathToFileURL } from 'node:url';

const MAX_LINES = 400;

const isTest = (file: string) =>
  /\.(test|e2e)\.tsx?$|test-helpers\.ts$|test-fixtures\.ts$|test-files\.ts$/.test(file);

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|mjs)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** The files a source file imports (relative imports only; packages and node: are not ours). */
function importsOf(file: string, text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers = [
    ...code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...code.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

/** What is wrong with the tree at `root` (its src/ and the support code beside it); empty when nothing. */
export function checkStructure(root: string): string[] {
  const src = path.join(root, 'src');
  const files = walk(src);
  const graph = new Map<string, string[]>();
  for (const file of files) graph.set(file, importsOf(file, fs.readFileSync(file, 'utf8')));
  const rel = (f: string) => path.relative(root, f);
  const problems: string[] = [];

  // 1. Cycles: strongly connected components with more than one file (or a file importing itself).
  {
    let index = 0;
    const indexOf = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const strongConnect = (v: string) => {
      indexOf.set(v, index);
      low.set(v, index);
      index++;
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!indexOf.has(w)) {
          strongConnect(w);
          low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, indexOf.get(w) as number));
      }
      if (low.get(v) === indexOf.get(v)) {
        const component: string[] = [];
        let w: string | undefined;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v))
          problems.push(`import cycle between: ${component.map(rel).sort().join(', ')}`);
      }
    };
    for (const file of files) if (!indexOf.has(file)) strongConnect(file);
  }

  // 2. Boundaries.
  const moduleOf = (file: string) => file.match(/src\/modules\/([^/]+)\//)?.[1];
  const PLATFORM_DIRS = ['db', 'platform', 'search', 'ui', 'locales'].map(
    (d) => path.join(src, d) + path.sep,
  );
  for (const [file, targets] of graph) {
    if (isTest(file)) continue;
    const from = moduleOf(file);
    for (const target of targets) {
      const to = moduleOf(target);
      if (!to) continue;
      if (PLATFORM_DIRS.some((d) => file.startsWith(d)))
        problems.push(
          `${rel(file)} (platform) imports ${rel(target)}: the platform never reaches into a module`,
        );
      else if (from && from !== to && !/src\/modules\/[^/]+\/index\.tsx?$/.test(target))
        problems.push(`${rel(file)} imports ${rel(target)}: use the ${to} module's index.ts`);
    }
  }

  // 3. Sizes.
  const support = ['bench', 'scripts', 'test', 'e2e']
    .map((d) => path.join(root, d))
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => walk(d));
  for (const file of [...files, ...support]) {
    if (isTest(file)) continue;
    const lines = fs.readFileSync(file, 'utf8').split('\n').length - 1;
    if (lines > MAX_LINES) problems.push(`${rel(file)} has ${lines} lines (at most ${MAX_LINES}): split it`);
  }
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] ? path.resolve(process.argv[2]) : path.join(import.meta.dirname, '..');
  const problems = checkStructure(root);
  if (problems.length) {
    for (const p of problems) console.log(p);
    console.error(`\nstructure check failed: ${problems.length} problem(s).`);
    process.exit(1);
  }
  console.log(
    'structure check passed: no import cycle, modules meet through their index.ts, no file over 400 lines.',
  );
}
