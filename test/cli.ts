// The `hub` command run in-process by a test file, against a SQLite database in a temporary
// DATA_DIR. Test files share their worker process (vitest.config.ts: isolate false), so the
// environment is put back as it was after the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { main } from '../src/main.ts';

/** Sets up the file's DATA_DIR (with `env` added) and returns it with `run(...argv)`. */
export function cliForFile(env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-'));
  const savedEnv = { ...process.env };
  beforeAll(() => {
    process.env.DATA_DIR = dataDir;
    process.env.LOG_LEVEL = 'silent';
    Object.assign(process.env, env);
    delete process.env.DATABASE_URL;
    // Vite sets BASE_URL=/ for its own purposes inside vitest.
    delete process.env.BASE_URL;
  });
  afterAll(() => {
    process.env = savedEnv;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs `hub …argv`: its exit code and what it printed. */
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
    try {
      const code = await main(argv);
      return { code, out: out.join('\n'), err: err.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }
  return { dataDir, run };
}
