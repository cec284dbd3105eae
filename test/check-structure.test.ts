// scripts/check-structure.ts, which `npm test` runs on the real tree, finds what it promises to
// find: here on a small tree made for each case.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStructure } from '../scripts/check-structure.ts';

let root: string;

function tree(files: Record<string, string>): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'structure-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return root;
}

function check(dir: string) {
  const problems = checkStructure(dir);
  return { status: problems.length ? 1 : 0, out: problems.join('\n') };
}

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the structure check', () => {
  it('passes a tree of modules that meet only through their index.ts', () => {
    const dir = tree({
      'src/platform/time.ts': 'export const now = () => 1;\n',
      'src/modules/a/index.ts': "import { now } from '../../platform/time.ts';\nexport const a = now;\n",
      'src/modules/b/routes.tsx': "import { a } from '../a/index.ts';\nexport const b = a;\n",
    });
    expect(check(dir)).toMatchObject({ status: 0 });
  });

  it('finds an import cycle, type-only imports included', () => {
    const dir = tree({
      'src/modules/a/routes.tsx': "import { load } from './access.ts';\nexport const page = load;\n",
      'src/modules/a/access.ts':
        "import type { page } from './routes.tsx';\nexport const load = 1 as unknown as typeof page;\n",
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toContain('import cycle between: src/modules/a/access.ts, src/modules/a/routes.tsx');
  });

  it('finds a module reaching into another and the platform reaching into a module', () => {
    const dir = tree({
      'src/modules/a/store.ts': 'export const x = 1;\n',
      'src/modules/a/index.ts': "export { x } from './store.ts';\n",
      'src/modules/b/routes.tsx': "import { x } from '../a/store.ts';\nexport const y = x;\n",
      'src/platform/feeds.ts': "import { x } from '../modules/a/index.ts';\nexport const z = x;\n",
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toContain('src/modules/b/routes.tsx imports src/modules/a/store.ts: use the a module');
    expect(out).toContain('src/platform/feeds.ts (platform) imports src/modules/a/index.ts');
  });

  it('finds a file over 400 lines, but not a test of that size', () => {
    const long = `${'export const n = 1;\n'.repeat(401)}`;
    const dir = tree({
      'src/modules/a/store.ts': long,
      'src/modules/a/store.test.ts': long,
      'bench/http.ts': long,
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toContain('src/modules/a/store.ts has 401 lines');
    expect(out).toContain('bench/http.ts has 401 lines');
    expect(out).not.toContain('store.test.ts');
  });
});
