// Rebuilding the search index from every module's provider (`hub search reindex`, and `hub start`
// by itself when the tokenizer or Node's ICU data changed since the index was built).
import type { Kysely } from 'kysely';
import { clearSearchIndex } from '../db/dialect-search.ts';
import type { Database } from '../db/schema.ts';
import { indexRecords, type SearchableRecord, type SearchProvider } from './index.ts';

type Db = Kysely<Database>;

/** Empties the index and fills it again from every provider, in batches of one transaction each. */
export async function reindexAll(
  db: Db,
  providers: readonly SearchProvider[],
  onProgress?: (type: string, count: number) => void,
): Promise<number> {
  await db.transaction().execute(async (trx) => {
    await clearSearchIndex<Database>(trx);
    await trx.deleteFrom('search_documents').execute();
  });
  let total = 0;
  for (const provider of providers) {
    let batch: SearchableRecord[] = [];
    let count = 0;
    const flush = async () => {
      const records = batch;
      batch = [];
      await db.transaction().execute((trx) => indexRecords(trx, records));
      count += records.length;
      onProgress?.(provider.type, count);
    };
    for await (const record of provider.records(db)) {
      batch.push(record);
      if (batch.length >= 500) await flush();
    }
    if (batch.length) await flush();
    total += count;
  }
  await recordIndexVersion(db);
  return total;
}

/**
 * Tokens depend on this code and on the ICU data of the running Node (word boundaries, Unicode
 * properties). Raise TOKENIZER_VERSION when the tokenizer changes; a different ICU or tokenizer
 * from the one the index was built with makes `indexNeedsRebuild` true.
 */
export const TOKENIZER_VERSION = 1;
const VERSION_KEY = 'search.index_version';

function currentIndexVersion(): string {
  return `tokenizer ${TOKENIZER_VERSION}, ICU ${process.versions.icu ?? 'none'}, Unicode ${process.versions.unicode ?? '?'}`;
}

export async function indexNeedsRebuild(
  db: Db,
): Promise<{ stale: boolean; built: string | null; current: string }> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', VERSION_KEY)
    .executeTakeFirst();
  const current = currentIndexVersion();
  return { stale: row?.value !== current, built: row?.value ?? null, current };
}

export async function recordIndexVersion(db: Db): Promise<void> {
  const value = currentIndexVersion();
  const now = new Date().toISOString();
  await db
    .insertInto('settings')
    .values({ key: VERSION_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
