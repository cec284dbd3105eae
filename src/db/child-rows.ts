// The rows of a table that belong to one record (its translations, facets, tags, links), written
// as a whole: those there were are deleted and the new ones inserted, in the caller's
// transaction. Every module's save writes its lists this way.
import type { Insertable, Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Replaces the rows of `table` whose `ownerColumn` is `ownerId` with `rows` (given that column). */
export async function replaceChildRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  ownerColumn: keyof Database[T] & string,
  ownerId: number,
  rows: readonly Omit<Insertable<Database[T]>, typeof ownerColumn>[],
): Promise<void> {
  // The table and its owner column are the caller's; the statements are the same for every table.
  // biome-ignore lint/suspicious/noExplicitAny: the table is named by the caller, not known statically
  const anyDb = db as unknown as Kysely<any>;
  await anyDb
    .deleteFrom(table as string)
    .where(ownerColumn as string, '=', ownerId)
    .execute();
  if (rows.length)
    await anyDb
      .insertInto(table as string)
      .values(rows.map((row) => ({ [ownerColumn]: ownerId, ...row })))
      .execute();
}
