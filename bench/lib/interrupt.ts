// The search benchmark's clean-up: temporary files and PostgreSQL schemas go away on success,
// failure and Ctrl-C.
import type { BenchDatabase } from './search-db.ts';

export const openDatabases = new Set<BenchDatabase>();
let interrupted = false;
export const wasInterrupted = () => interrupted;
let cleaning: Promise<void> | undefined;

export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const d of openDatabases) {
      try {
        await d.close();
      } catch (err) {
        console.error(`Could not clean up ${d.location}: ${err instanceof Error ? err.message : err}`);
      }
    }
    openDatabases.clear();
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: removing the benchmark databases…`);
    cleanup().finally(() => process.exit(130));
  });
}

/**
 * Lets a Ctrl-C be handled, and stops if one was. better-sqlite3 is synchronous: without a turn of
 * the event loop now and then, a SQLite run would be one long chain of microtasks that no signal
 * handler can interrupt. Called between timed operations, never inside one.
 */
export async function checkInterrupted() {
  await new Promise((resolve) => setImmediate(resolve));
  if (interrupted) throw new Error('interrupted');
}
