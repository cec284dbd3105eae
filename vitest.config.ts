import { defineConfig } from 'vitest/config';

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
    // Both cores: vitest's default leaves one free, and the suite is CPU-bound (57 s → 49 s here).
    maxWorkers: 2,
    isolate: false,
  },
});
