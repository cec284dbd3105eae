// Walking a whole table without OFFSET: batches ordered by id, each starting after the last id of
// the one before, so the 1000th batch costs what the first does. The search index rebuild, the
// sitemap and the exports of every module go through here.
import { type SelectQueryBuilder, sql } from 'kysely';

/** Rows of `fetch(after, limit)` in batches: `fetch` must order by id and return rows after `after`. */
export async function* keysetBatches<R extends { id: number }>(
  fetch: (after: number, limit: number) => Promise<R[]>,
  size = 1000,
): AsyncIterable<R[]> {
  let after = 0;
  for (;;) {
    const rows = await fetch(after, size);
    if (rows.length > 0) yield rows;
    const last = rows[rows.length - 1];
    if (rows.length < size || !last) return;
    after = last.id;
  }
}

/** The same, one row at a time. */
export async function* keysetRows<R extends { id: number }>(
  fetch: (after: number, limit: number) => Promise<R[]>,
  size = 1000,
): AsyncIterable<R> {
  for await (const rows of keysetBatches(fetch, size)) yield* rows;
}

/**
 * The rows of `query` (a select from one table, its `id` among the columns) by keyset: the query
 * is run again for each batch, narrowed to the ids after the last one, in id order.
 */
export function keysetQuery<DB, TB extends keyof DB, O extends { id: number }>(
  query: SelectQueryBuilder<DB, TB, O>,
  size = 1000,
): AsyncIterable<O> {
  return keysetRows(
    (after, limit) => query.where(sql.ref('id'), '>', after).orderBy(sql.ref('id')).limit(limit).execute(),
    size,
  );
}
