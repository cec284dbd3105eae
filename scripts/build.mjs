// Compiles src/ to dist/src/ for starting without a loader (`npm start`, the e2e suite, `npm run
// build`): tsx compiles each module when it is first imported, which was about half of a start
// (docs/performance.md, "Start time"). Plain JavaScript so that it runs before anything is built.
//
// One output file per source file, the tree kept as it is: modules find their files beside them
// (the message catalogs, assets, the extraction child), so the catalogs, styles and other files
// are copied along, and dist/seed points at the demo's source documents. esbuild bundles nothing:
// every import stays an import, a relative `./x.ts` becoming `./x.js`. esbuild rather than tsc:
// it compiles the whole tree in about a second and is already here (tsx runs on it); the types are
// checked by `npm run typecheck`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const OUT = path.join(ROOT, 'dist');

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

const isTest = (file) => /\.test\.tsx?$/.test(file) || path.basename(file) === 'test-helpers.ts';
const sources = filesUnder(SRC).filter(
  (file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts') && !isTest(file),
);
const others = filesUnder(SRC).filter((file) => !/\.tsx?$/.test(file));

/** Keeps every import an import: relative ones point at the compiled file, packages stay packages. */
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!args.path.startsWith('.')) return { path: args.path, external: true };
      return { path: args.path.replace(/\.tsx?$/, '.js'), external: true };
    });
  },
};

fs.rmSync(path.join(OUT, 'src'), { recursive: true, force: true });
const started = Date.now();
await esbuild.build({
  entryPoints: sources.map((file) => path.join(SRC, file)),
  outdir: path.join(OUT, 'src'),
  outbase: SRC,
  bundle: true,
  plugins: [keepImports],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  sourcemap: 'linked',
  logLevel: 'warning',
});
for (const file of others) {
  fs.mkdirSync(path.dirname(path.join(OUT, 'src', file)), { recursive: true });
  fs.copyFileSync(path.join(SRC, file), path.join(OUT, 'src', file));
}
// src/seed.ts reads the demo's documents from ../seed: the same folder, not a copy.
fs.rmSync(path.join(OUT, 'seed'), { recursive: true, force: true });
fs.symlinkSync(path.join('..', 'seed'), path.join(OUT, 'seed'));
console.log(`Compiled ${sources.length} files to dist/src in ${Date.now() - started} ms`);
