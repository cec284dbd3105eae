// The library's list: filters, words through the search index, sort and pages — the same selection
// for the page, the API, the Atom feed and the citation exports.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { matchingRecordIds } from '../../search/index.ts';
import type { LibraryFilter } from './schemas.ts';
import { type DocumentDetails, detailsOf, orderedIds } from './store.ts';

type Db = Kysely<Database>;

export const PAGE_SIZE = 20;
/** At most this many documents in one citation export. */
export const EXPORT_LIMIT = 1000;

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

/** One page of the selection (or the first `size` for feeds and exports), and how many in all. */
export async function listDocuments(
  db: Db,
  filter: LibraryFilter,
  viewer: User | null,
  page: { offset: number; size: number } = { offset: (filter.page - 1) * PAGE_SIZE, size: PAGE_SIZE },
  locale = 'en',
): Promise<{ docs: DocumentDetails[]; total: number }> {
  const matches = await textMatches(db, filter, viewer);
  const { ids, total } = await orderedIds(db, filter, viewer, page, matches, locale);
  return { docs: await detailsOf(db, ids, viewer), total };
}
