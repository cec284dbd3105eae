// Whether the database may have changed since a moment: for caches of public, read-mostly data
// (the home page's blocks for visitors, modules/home). Two parts, so that a write is seen at once:
// the writes this process sent (db/writes.ts) and, on SQLite, `PRAGMA data_version`, which changes
// when another process (another worker) commits to the same file. On PostgreSQL another host's
// writes cannot be seen this cheaply; a cache using this also keeps its entries only a few seconds
// (see docs/performance.md), which bounds that case and the passing of time (an event that ends).
import { sql } from 'kysely';
import { localWrites } from '../db/writes.ts';
import type { AppDeps } from './context.ts';

export async function contentVersion(deps: Pick<AppDeps, 'db' | 'dialect'>): Promise<string> {
  const local = localWrites();
  if (deps.dialect !== 'sqlite') return String(local);
  const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(deps.db);
  return `${local}.${rows[0]?.data_version ?? ''}`;
}
