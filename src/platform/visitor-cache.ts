// What a public page's blocks hold for a visitor (the home page's blocks and figures, a country's
// page), kept per page, language and time zone: at 100× data they take most of such a page's time,
// and these are the busiest pages there are. An entry is used only while the database's content version is the one it was loaded at (any
// write by this process, or on SQLite by another, changes it: platform/content-version.ts) and for
// at most TTL_MS, which bounds what the version cannot see: time passing (an event that has begun
// leaves "coming") and, on PostgreSQL, another host's writes. Members never use it: their blocks
// are their own.
import { contentVersion } from './content-version.ts';
import type { AppDeps } from './context.ts';

export const TTL_MS = 5_000;

interface Entry<T> {
  version: string;
  at: number;
  value: T;
}

export class VisitorCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  /** `maxEntries`: past it the entries are dropped (every page × language × time zone kept). */
  constructor(readonly maxEntries = 100) {}

  /** The kept value for `key`, or `load()`'s (kept when nothing was written meanwhile). */
  async get(deps: Pick<AppDeps, 'db' | 'dialect'>, key: string, load: () => Promise<T>): Promise<T> {
    const version = await contentVersion(deps);
    const now = Date.now();
    const kept = this.#entries.get(key);
    if (kept && kept.version === version && now - kept.at < TTL_MS) return kept.value;
    const value = await load();
    // A write while loading may or may not be in `value`: keep it only if there was none.
    if ((await contentVersion(deps)) === version) {
      if (this.#entries.size >= this.maxEntries) this.#entries.clear();
      this.#entries.set(key, { version, at: now, value });
    }
    return value;
  }
}
