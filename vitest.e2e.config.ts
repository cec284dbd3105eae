// End-to-end tests: a real browser (Debian's Chromium) against the platform running as a child
// process, with a real SMTP peer. Run with `npm run test:e2e`; see e2e/harness.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // One Chromium for the run (e2e/global-setup.ts), which each file connects to.
    globalSetup: ['e2e/global-setup.ts'],
    // Each file starts its own platform and mail peer: one file at a time keeps the machine calm
    // and the timings honest (two at a time were slower on 2 cores).
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    reporters: ['verbose'],
  },
});
