// One kind of record in the search index, described once by its module: how a record's entry is
// built (`recordOf`) and which records there are (`ids`). From that come reindex(), which every
// action that changes a record calls in its transaction, and the SearchProvider that
// `hub search reindex` walks; neither is written again in each module.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { nowIso } from '../platform/time.ts';
import { indexRecord, type SearchableRecord, type SearchProvider } from './index.ts';

type Db = Kysely<Database>;

export interface RecordKind {
  type: string;
  /** How the type is named in results and filters (a key in the locale files). */
  label: MessageKey;
  /** The record's entry as of `now` (what is public may depend on it); undefined when it is gone. */
  recordOf: (db: Db, id: number, now: string) => Promise<SearchableRecord | undefined>;
  /** Every record's id, in batches by id (db/keyset.ts). */
  ids: (db: Db) => AsyncIterable<{ id: number }>;
}

export function recordSearch(kind: RecordKind) {
  return {
    /** Writes the record's search entry again (in the caller's transaction); the entry written. */
    async reindex(db: Db, id: number, now = nowIso()): Promise<SearchableRecord | undefined> {
      const record = await kind.recordOf(db, id, now);
      if (record) await indexRecord(db, record);
      return record;
    },
    /** Every record of the kind, for `hub search reindex`, as of the moment the walk starts. */
    provider: {
      type: kind.type,
      label: kind.label,
      async *records(db) {
        const now = nowIso();
        for await (const { id } of kind.ids(db)) {
          const record = await kind.recordOf(db, id, now);
          if (record) yield record;
        }
      },
    } satisfies SearchProvider,
  };
}
