// Deleting a record the search index lists: its search entry and its row go together, in the
// action's transaction (after the audit entry that names what went). What hangs off the row goes by
// its foreign keys (ON DELETE CASCADE) or the delete triggers of the migrations.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { removeRecord } from '../search/index.ts';

/** The tables whose rows have an id of their own. */
export type TableWithId = {
  [T in keyof Database]: Database[T] extends { id: unknown } ? T : never;
}[keyof Database];

/** Deletes row `id` of `table` and its entry of `searchType` in the search index. */
export async function deleteIndexedRecord(
  trx: Kysely<Database>,
  table: TableWithId,
  searchType: string,
  id: number,
): Promise<void> {
  await removeRecord(trx, searchType, id);
  await trx.deleteFrom(table).where('id', '=', id).execute();
}
