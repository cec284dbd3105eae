// Once per run of the browser suite, before any test file: the compiled platform, and the Chromium
// every file connects to (a launch per file cost about a second of each), closed at the end of the run. See e2e/harness.ts.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { launchBrowserServer, ROOT } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The WebSocket endpoint of the run's Chromium. */
    e2eBrowser: string;
  }
}

export default async function setup(project: TestProject) {
  // The platform runs compiled, as `npm start` runs it (e2e/platform.ts): built once, about a second.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const browser = await launchBrowserServer();
  project.provide('e2eBrowser', browser.wsEndpoint());
  return () => browser.close();
}
