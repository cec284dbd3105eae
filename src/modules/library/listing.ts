// The library's lists: the filtered selection of documents (words through the search index, the
// filters, the sort and the pages) — the same for the page, the API, the Atom feed and the
// exports — and the list of collections. The counts of the filter menus are filter-counts.ts.
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { matchingRecordIds } from '../../search/index.ts';
import { type Collection, type DocumentDetails, detailsOf } from './access.ts';
import { keptCounts } from './filter-counts.ts';
import { visibleTo } from './permissions.ts';
import type { LibraryFilter } from './schemas.ts';

type Db = Kysely<Database>;

export const PAGE_SIZE = 20;
/** At most this many documents in one citation export. */
export const EXPORT_LIMIT = 1000;
/** Beyond this many documents a title sort would cost more than a page may: it stops there. */
const TITLE_SORT_LIMIT = 20_000;

/** The ids of the documents the filter's words find, when it has words. */
async function textMatches(
  db: Db,
  filter: LibraryFilter,
  viewer: User | null,
): Promise<number[] | undefined> {
  if (!filter.q) return undefined;
  const ids = await matchingRecordIds(db, filter.q, {
    types: ['document'],
    viewer: viewer ? { id: viewer.id, role: viewer.role } : null,
  });
  return ids.map(Number);
}

/** The documents a filter selects, as the viewer may see them. */
function selection(db: Db, filter: LibraryFilter, viewer: User | null, onlyIds?: number[]) {
  let q = db.selectFrom('documents').where(visibleTo(viewer));
  if (filter.kind) q = q.where('documents.kind', '=', filter.kind);
  if (filter.status) q = q.where('documents.status', '=', filter.status);
  if (filter.year) q = q.where('documents.issued_on', 'like', `${filter.year}-%`);
  if (filter.issuer) {
    const issuer = filter.issuer;
    q = q.where('documents.issuer_organisation_id', 'in', (eb) =>
      eb.selectFrom('organisations').select('id').where('slug', '=', issuer),
    );
  }
  const facets: [string, string | undefined][] = [
    ['place', filter.country],
    ['language', filter.language],
    ['domain', filter.domain],
    ['theme', filter.theme],
    ['tag', filter.tag],
  ];
  for (const [facet, value] of facets) {
    if (!value) continue;
    q = q.where('documents.id', 'in', (eb) =>
      eb
        .selectFrom('document_facets')
        .select('document_id')
        .where('facet', '=', facet as 'place')
        .where('value', '=', value),
    );
  }
  if (onlyIds) q = q.where('documents.id', 'in', onlyIds.length ? onlyIds : [-1]);
  return q;
}

/** The selection's ids in the chosen order: newest issued first (undated last), title, or added. */
export async function orderedIds(
  db: Db,
  filter: LibraryFilter,
  viewer: User | null,
  page: { offset: number; size: number },
  locale = 'en',
): Promise<{ ids: number[]; total: number }> {
  const base = selection(db, filter, viewer, await textMatches(db, filter, viewer));
  const sort = filter.sort ?? 'issued';
  if (sort === 'title') {
    // Titles follow the reader's collation (Intl.Collator), which no database collation matches
    // for every script; a library holds thousands of records, not millions, so the selection's
    // titles are sorted here.
    const rows = await base.select(['documents.id', 'documents.title']).limit(TITLE_SORT_LIMIT).execute();
    const collator = new Intl.Collator(locale, { numeric: true });
    rows.sort((a, b) => collator.compare(a.title, b.title) || a.id - b.id);
    return { ids: rows.slice(page.offset, page.offset + page.size).map((r) => r.id), total: rows.length };
  }
  if (sort === 'issued') {
    const placed = await onePlacePage(db, filter, viewer, page);
    if (placed) return placed;
  }
  let q = base.select('documents.id');
  if (sort === 'added') q = q.orderBy('documents.created_at', 'desc').orderBy('documents.id', 'desc');
  else q = newestIssuedFirst(q);
  const [rows, count] = await Promise.all([
    q.limit(page.size).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

/** A place holding at least this share of the library is paged by walking the date index. */
const COMMON_PLACE = 1 / 50;

/**
 * Newest issued first, undated last. NULLS LAST (standard SQL, on both databases) rather than a
 * CASE first: SQLite then walks documents_issued_on_idx and stops after a page instead of sorting
 * the library.
 */
function newestIssuedFirst<O>(q: SelectQueryBuilder<Database, 'documents', O>) {
  return q
    .orderBy('documents.issued_on', (ob) => ob.desc().nullsLast())
    .orderBy('documents.created_at', 'desc')
    .orderBy('documents.id', 'desc');
}

/**
 * A page of a selection by one place and nothing else (a country's page, `/library?country=VN`),
 * newest first; null for any other selection. Its count is the kept filter counts'
 * (filter-counts.ts), not a count of the place's documents; and when the place holds a good share
 * of the library, the page is found by walking documents_issued_on_idx and probing each document's
 * places (a few dozen rows), where the general query sorts all of the place's documents (12 000 of
 * 50 000 for Viet Nam at 100x: 16 ms, and as much again to count them). A rare place keeps the
 * general selection, which reads its few documents.
 */
async function onePlacePage(
  db: Db,
  filter: LibraryFilter,
  viewer: User | null,
  page: { offset: number; size: number },
): Promise<{ ids: number[]; total: number } | null> {
  const { country, sort: _sort, page: _page, ...others } = filter;
  if (!country || Object.values(others).some((v) => v !== undefined)) return null;
  const counts = await keptCounts(db, viewer);
  const total = counts.place.get(country) ?? 0;
  const library = [...counts.kind.values()].reduce((a, b) => a + b, 0);
  const q =
    total >= library * COMMON_PLACE
      ? db
          .selectFrom('documents')
          .where(visibleTo(viewer))
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('document_facets')
                .select('document_facets.document_id')
                .whereRef('document_facets.document_id', '=', 'documents.id')
                .where('document_facets.facet', '=', 'place')
                .where('document_facets.value', '=', country),
            ),
          )
      : selection(db, filter, viewer);
  const rows = await newestIssuedFirst(q.select('documents.id'))
    .limit(page.size)
    .offset(page.offset)
    .execute();
  return { ids: rows.map((r) => r.id), total };
}

/** One page of the selection (or the first `size` for feeds and exports), and how many in all. */
export async function listDocuments(
  db: Db,
  filter: LibraryFilter,
  viewer: User | null,
  page: { offset: number; size: number } = { offset: (filter.page - 1) * PAGE_SIZE, size: PAGE_SIZE },
  locale = 'en',
): Promise<{ docs: DocumentDetails[]; total: number }> {
  const { ids, total } = await orderedIds(db, filter, viewer, page, locale);
  return { docs: await detailsOf(db, ids, viewer), total };
}

export interface CollectionSummary extends Collection {
  /** Documents of it the reader may see. */
  count: number;
}

/** Every collection by title, with how many of its documents the reader may see. */
export async function listCollections(db: Db, viewer: User | null): Promise<CollectionSummary[]> {
  const [collections, counts] = await Promise.all([
    db.selectFrom('document_collections').selectAll().orderBy('title').execute(),
    db
      .selectFrom('document_collection_items')
      .innerJoin('documents', 'documents.id', 'document_collection_items.document_id')
      .select(['document_collection_items.collection_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(visibleTo(viewer))
      .groupBy('document_collection_items.collection_id')
      .execute(),
  ]);
  const countOf = new Map(counts.map((r) => [r.collection_id, Number(r.n)]));
  return collections.map((c) => ({ ...c, count: countOf.get(c.id) ?? 0 }));
}
