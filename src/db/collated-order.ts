// The names of a table's records (organisations, people) in the order of each reader's
// collation, kept in memory per process.
//
// Why: sorting by name must follow Intl.Collator (no database collation is right for every
// script), and collating 100 000 names costs about a second. So each process sorts once per table
// and locale and then follows the changes: a cheap stamp (latest updated_at, highest id, and now
// and then the row count) tells whether anything changed; rows updated since the last look are
// moved to their place by binary search. A deletion (the count falls short) rebuilds the order.
// Lists then sort by rank: a number.
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from './schema.ts';

/** Tables with what this needs: an integer id, a name, a status and updated_at. */
export type NamedTable = 'organisations' | 'people';

type Named = { id: number; name: string; status: string; updated_at: string };
// Both tables have these columns; Kysely is told so once, here.
type Db = Kysely<Record<NamedTable, Named>>;
const asNamed = (db: Kysely<Database>) => db as unknown as Db;

export interface NameOrder {
  /** The position of an organisation from first to last name; -1 for an unknown id. */
  rankOf: (id: number) => number;
  /** Published ids in order: the unfiltered list that visitors see. */
  published: number[];
}

interface Entry {
  count: number;
  latest: string;
  names: string[];
  ids: number[];
  status: Map<number, string>;
  order?: NameOrder;
}

const byDb = new WeakMap<Db, Map<string, Promise<Entry>>>();

/** How long a row count stays good: counting 100 000 rows takes milliseconds, every request. */
const COUNT_TTL_MS = 10_000;
const counts = new WeakMap<Db, Map<NamedTable, { count: number; at: number; latest: string }>>();

/**
 * Changes whenever an organisation is added or changed (latest updated_at: two index lookups),
 * and within COUNT_TTL_MS when one is deleted (the row count, taken at most that often, or
 * whenever the first part changes). Until then a deleted organisation only leaves its place in a
 * page empty: pages are read from the table, where it is gone.
 */
export async function stamp(
  database: Kysely<Database>,
  table: NamedTable,
): Promise<{ count: number; latest: string }> {
  const db = asNamed(database);
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom(table)
        .select((e) => e.fn.max('updated_at').as('m'))
        .as('latest'),
      eb
        .selectFrom(table)
        .select((e) => e.fn.max('id').as('m'))
        .as('top'),
    ])
    .executeTakeFirstOrThrow();
  const latest = `${row.latest ?? ''}#${row.top ?? 0}`;
  let known = counts.get(db);
  if (!known) {
    known = new Map();
    counts.set(db, known);
  }
  const last = known.get(table);
  if (last && last.latest === latest && Date.now() - last.at < COUNT_TTL_MS) return last;
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const fresh = { count: Number(n), at: Date.now(), latest };
  known.set(table, fresh);
  return fresh;
}

async function build(database: Kysely<Database>, table: NamedTable, collator: Intl.Collator): Promise<Entry> {
  const now = await stamp(database, table);
  const rows = await asNamed(database).selectFrom(table).select(['id', 'name', 'status']).execute();
  rows.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  return {
    ...now,
    names: rows.map((r) => r.name),
    ids: rows.map((r) => r.id),
    status: new Map(rows.map((r) => [r.id, r.status])),
  };
}

/** Moves rows changed since `entry.latest` into place; null when only a rebuild will do. */
async function follow(
  database: Kysely<Database>,
  table: NamedTable,
  entry: Entry,
  collator: Intl.Collator,
): Promise<Entry | null> {
  const now = await stamp(database, table);
  if (now.count === entry.count && now.latest === entry.latest) return entry;
  if (now.count < entry.count) return null;
  // Built while the table was empty: nothing to move rows from (and '' is no time to PostgreSQL).
  const since = entry.latest.split('#')[0] ?? '';
  if (since === '') return null;
  const changed = await asNamed(database)
    .selectFrom(table)
    .select(['id', 'name', 'status'])
    .where('updated_at', '>=', since)
    .execute();
  const { names, ids, status } = entry;
  for (const row of changed) {
    if (status.has(row.id)) {
      const at = ids.indexOf(row.id);
      ids.splice(at, 1);
      names.splice(at, 1);
    }
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = collator.compare(names[mid]!, row.name) || ids[mid]! - row.id;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    ids.splice(lo, 0, row.id);
    names.splice(lo, 0, row.name);
    status.set(row.id, row.status);
  }
  // Rows inserted and deleted between two looks leave the count right but an id missing.
  if (ids.length !== now.count) return null;
  return { ...now, names, ids, status };
}

function orderOf(entry: Entry): NameOrder {
  if (!entry.order) {
    // Positions in an array indexed by id (ids are dense): a Map of 100 000 entries is several
    // times slower to look up while sorting thousands of ids.
    const positions = new Int32Array(entry.ids.reduce((max, id) => Math.max(max, id), 0) + 1).fill(-1);
    entry.ids.forEach((id, i) => {
      positions[id] = i;
    });
    entry.order = {
      rankOf: (id) => (id < positions.length ? positions[id]! : -1),
      published: entry.ids.filter((id) => entry.status.get(id) === 'published'),
    };
  }
  return entry.order;
}

/**
 * `ids` in the order of `rankOf` (ids without a rank last, by id): the ranks are sorted as numbers
 * in a typed array, then turned back into ids.
 */
export function sortByRank(ids: readonly number[], rankOf: (id: number) => number): number[] {
  const byRank = new Map<number, number>();
  const unranked: number[] = [];
  for (const id of ids) {
    const r = rankOf(id);
    if (r < 0) unranked.push(id);
    else byRank.set(r, id);
  }
  const ranks = Int32Array.from(byRank.keys()).sort();
  return [...Array.from(ranks, (r) => byRank.get(r)!), ...unranked.sort((a, b) => a - b)];
}

/** The current name order of `table` for `locale`. */
export async function nameOrder(
  database: Kysely<Database>,
  table: NamedTable,
  locale: string,
): Promise<NameOrder> {
  const db = asNamed(database);
  let cache = byDb.get(db);
  if (!cache) {
    cache = new Map();
    byDb.set(db, cache);
  }
  const key = `${table}:${locale}`;
  const collator = new Intl.Collator(locale);
  const previous = cache.get(key);
  // Concurrent requests share one look at the database (and one rebuild, if needed).
  const next = (async () => {
    const entry = previous ? await previous.catch(() => null) : null;
    if (entry) {
      const followed = await follow(database, table, entry, collator);
      if (followed === entry) return entry;
      if (followed) return followed;
    }
    return build(database, table, collator);
  })();
  cache.set(key, next);
  next.catch(() => cache.delete(key));
  return orderOf(await next);
}

/**
 * One page of a selection (`ids`) in the reader's name order — or, after a text search, in the
 * order of its `relevance` list (best first) — and the size of the selection.
 */
export async function pageOfSelection(
  db: Kysely<Database>,
  table: NamedTable,
  ids: number[],
  order: { locale: string } | { relevance: number[] },
  page: { offset: number; size: number },
): Promise<{ pageIds: number[]; total: number }> {
  let rankOf: (id: number) => number;
  if ('locale' in order) {
    rankOf = (await nameOrder(db, table, order.locale)).rankOf;
  } else {
    const rank = new Map(order.relevance.map((id, i) => [id, i]));
    rankOf = (id) => rank.get(id) ?? -1;
  }
  const sorted = sortByRank(ids, rankOf);
  return { pageIds: sorted.slice(page.offset, page.offset + page.size), total: sorted.length };
}

/** The sorts of a list of named records. */
export type NamedListSort = 'name' | 'relevance' | 'newest' | 'updated';

/**
 * One page of a list of named records (`selection`: the filtered rows of `table`) in its sort —
 * by name in the reader's collation, by relevance (`matches`, best first), newest or last updated
 * first — and the size of the list. `whole`: the selection is every published record (the list as
 * visitors first see it), read straight from the name order.
 */
export async function pageOfNamedList(
  db: Kysely<Database>,
  table: NamedTable,
  // biome-ignore lint/suspicious/noExplicitAny: a selection of either table; the columns used are common to both
  selection: SelectQueryBuilder<any, any, object>,
  options: { sort: NamedListSort; locale: string; matches?: number[]; whole: boolean },
  page: { offset: number; size: number },
): Promise<{ pageIds: number[]; total: number }> {
  const { sort, locale } = options;
  if (sort === 'name' && options.whole) {
    const { published } = await nameOrder(db, table, locale);
    return { pageIds: published.slice(page.offset, page.offset + page.size), total: published.length };
  }
  const id = `${table}.id`;
  if (sort === 'name' || sort === 'relevance') {
    // Names follow Intl.Collator, which no database collation matches for every script: the
    // selection is sorted by each name's rank in the collated order.
    const all: { id: number }[] = await selection.select(`${id} as id`).execute();
    const order = sort === 'name' ? { locale } : { relevance: options.matches ?? [] };
    return pageOfSelection(
      db,
      table,
      all.map((r) => r.id),
      order,
      page,
    );
  }
  const column = `${table}.${sort === 'newest' ? 'created_at' : 'updated_at'}`;
  const [rows, count] = await Promise.all([
    selection
      .select(`${id} as id`)
      .orderBy(column, 'desc')
      .orderBy(id, 'desc')
      .limit(page.size)
      .offset(page.offset)
      .execute() as Promise<{ id: number }[]>,
    selection.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { pageIds: rows.map((r) => r.id), total: Number(count.n) };
}
