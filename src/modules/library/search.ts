// What the search index holds of a document (its texts, its issuer, themes and tags, and the text
// of its files' current versions, as search-text.ts tells), rewritten by every action that changes
// the document, and every document for `hub search reindex`.
import type { Kysely } from 'kysely';
import { keysetBatches } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import { indexRecord, type SearchableRecord, type SearchProvider } from '../../search/index.ts';
import { type DocumentDetails, detailsOf, issuerNameOf } from './access.ts';
import { currentFileTexts } from './files.ts';
import { fileSearchText } from './search-text.ts';

type Db = Kysely<Database>;

/**
 * What the search index holds for a document: the one place its search record is built. The
 * extracted texts of its files' current versions come in as `fileTexts` and are searched with the
 * record's own text (after it, so the summary always fits in the index's share of a record; long
 * files as search-text.ts tells).
 */
export function searchRecordOf(doc: DocumentDetails, fileTexts: string[] = []): SearchableRecord {
  return {
    type: 'document',
    recordId: doc.id,
    lang: doc.lang,
    title: [doc.title, doc.official_number, ...doc.translations.map((t) => t.title)]
      .filter(Boolean)
      .join(' · '),
    body: [
      doc.summary,
      ...doc.translations.map((t) => t.summary),
      issuerNameOf(doc),
      ...doc.themes,
      ...doc.tags,
      ...fileSearchText(fileTexts),
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/library/${doc.slug}`,
    // The index filters by one country: the first one the document applies to.
    country: doc.places.find((p) => /^[A-Z]{2}$/.test(p)) ?? null,
    // Unpublished records are private: only editors, admins and their creator (owner) find them.
    visibility: doc.published_at ? 'public' : 'private',
    ownerId: doc.created_by,
    updatedAt: doc.updated_at,
  };
}

/**
 * Rewrites the document's search entry (call inside the transaction that changed it). The texts of
 * its files are read from the database.
 */
export async function reindexDocument(db: Db, documentId: number): Promise<void> {
  const [[doc], texts] = await Promise.all([
    detailsOf(db, [documentId], null),
    currentFileTexts(db, [documentId]),
  ]);
  if (doc) await indexRecord(db, searchRecordOf(doc, texts.get(documentId) ?? []));
}

/** Every document's id, a batch at a time (the sitemap, the exports, the reindex). */
export const documentBatches = (db: Db, size = 200, onlyPublished = false) =>
  keysetBatches(
    (after, limit) =>
      db
        .selectFrom('documents')
        .select(['id', 'slug', 'updated_at'])
        .$if(onlyPublished, (q) => q.where('published_at', 'is not', null))
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute(),
    size,
  );

export const librarySearch: SearchProvider = {
  type: 'document',
  label: 'library.searchType',
  async *records(db) {
    for await (const batch of documentBatches(db)) {
      const ids = batch.map((r) => r.id);
      const [docs, texts] = await Promise.all([detailsOf(db, ids, null), currentFileTexts(db, ids)]);
      for (const doc of docs) yield searchRecordOf(doc, texts.get(doc.id) ?? []);
    }
  },
};
