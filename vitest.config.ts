import { register } from 'tsx/esm/api';
import { defineConfig } from 'vitest/config';

// The tests run on Node's own module loader with tsx (as `npm start` does), not through Vite's
// module runner: Vite transformed and evaluated the ~600 source files again in every worker, which
// cost a tenth of the suite's CPU and most of a single file's run (a press test file: 13.8 s →
// 6.3 s). tsx is registered here for the global set-up, which runs in this process, and passed to
// the worker processes below. What it gives up: vi.mock of modules, which these tests never use
// (they run the real thing).
register();

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Each file gets its own database; files run in parallel processes. A process runs file after
    // file without loading the modules again (isolate: false): importing the app is most of a
    // file's time, and it halves the suite (218 s → 88 s on 2 cores). What this asks of tests: no
    // state left in modules or process.env for the next file (main.test.ts restores the
    // environment; the platform's caches are kept per database, see db/collated-order.ts and
    // library/filter-counts.ts).
    // One migrated database copied for each test file (test/databases.ts).
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    execArgv: ['--import', 'tsx'],
    // Both cores: vitest's default leaves one free, and the suite is CPU-bound (57 s → 49 s here).
    maxWorkers: 2,
    isolate: false,
    // nodeLoader needs module.registerHooks (Node ≥ 22.15); tsx is the loader here.
    experimental: { viteModuleRunner: false, nodeLoader: false },
  },
});
