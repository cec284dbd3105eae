// The library's lists as spreadsheets (/library/export.csv and .xlsx: the list as it is filtered
// and sorted, as the reader may see it; /library/collections/export.csv and .xlsx), and what
// "download my data" holds of a member's work in the library. The citation exports (RIS, BibTeX)
// are citation.ts.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import { type DocumentDetails, detailsOf, issuerNameOf } from './access.ts';
import { type CollectionSummary, orderedIds } from './listing.ts';
import type { LibraryFilter } from './schemas.ts';

type Db = Kysely<Database>;

/** At most this many documents in one spreadsheet. */
export const SPREADSHEET_LIMIT = 10_000;
/** Documents read with everything around them this many at a time. */
const BATCH = 500;

export function documentColumns(baseUrl: string): Column<DocumentDetails>[] {
  return [
    { header: 'slug', value: (d) => d.slug },
    { header: 'title', value: (d) => d.title },
    { header: 'kind', value: (d) => d.kind },
    { header: 'official_number', value: (d) => d.official_number },
    { header: 'issuer', value: (d) => issuerNameOf(d) },
    { header: 'issued_on', value: (d) => d.issued_on },
    { header: 'in_force_from', value: (d) => d.in_force_from },
    { header: 'in_force_to', value: (d) => d.in_force_to },
    { header: 'status', value: (d) => d.status },
    { header: 'lang', value: (d) => d.lang },
    { header: 'places', value: (d) => d.places },
    { header: 'languages', value: (d) => d.languages },
    { header: 'domains', value: (d) => d.domains },
    { header: 'themes', value: (d) => d.themes },
    { header: 'tags', value: (d) => d.tags },
    { header: 'licence', value: (d) => d.licence },
    { header: 'source_url', value: (d) => d.source_url },
    { header: 'published', value: (d) => d.published_at !== null },
    { header: 'page', value: (d) => `${baseUrl}/library/${d.slug}` },
    { header: 'updated_at', value: (d) => d.updated_at },
  ];
}

/** The filtered list in its order, every page of it (up to SPREADSHEET_LIMIT), as `viewer` sees it. */
export async function documentRows(
  db: Db,
  filter: LibraryFilter,
  viewer: User | null,
  locale: string,
): Promise<DocumentDetails[]> {
  const { ids } = await orderedIds(db, filter, viewer, { offset: 0, size: SPREADSHEET_LIMIT }, locale);
  const rows: DocumentDetails[] = [];
  for (let i = 0; i < ids.length; i += BATCH)
    rows.push(...(await detailsOf(db, ids.slice(i, i + BATCH), viewer)));
  return rows;
}

export function collectionColumns(baseUrl: string): Column<CollectionSummary>[] {
  return [
    { header: 'slug', value: (c) => c.slug },
    { header: 'title', value: (c) => c.title },
    { header: 'lang', value: (c) => c.lang },
    { header: 'documents', value: (c) => c.count },
    { header: 'page', value: (c) => `${baseUrl}/library/collections/${c.slug}` },
    { header: 'updated_at', value: (c) => c.updated_at },
  ];
}

/** "Download my data": the documents and collections the member added. */
export async function libraryAccountExport(db: Db, userId: number) {
  const [documents, collections] = await Promise.all([
    db
      .selectFrom('documents')
      .select(['slug', 'title', 'published_at', 'created_at'])
      .where('created_by', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('document_collections')
      .select(['slug', 'title', 'created_at'])
      .where('created_by', '=', userId)
      .orderBy('id')
      .execute(),
  ]);
  return {
    documents: documents.map((d) => ({
      slug: d.slug,
      title: d.title,
      status: d.published_at ? 'published' : 'unpublished',
      created_at: d.created_at,
    })),
    collections,
  };
}
