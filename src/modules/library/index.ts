// The library: laws, decrees, conventions, policies, studies and training material, with their
// files (versions, downloads, extracted text in the search index) and language versions, filters,
// curated collections, citation exports (RIS, BibTeX), Atom feeds, sitemap entries and
// /api/v1/documents.
import type { AppDeps, HubModule, SitemapEntry } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { libraryApi } from './api.ts';
import { libraryCollectionsApi } from './collections-api.ts';
import { libraryFilesApi } from './files-api.ts';
import type en from './locales/en.json';
import { libraryMigrations } from './migrations.ts';
import { libraryPages } from './routes.tsx';
import { seedLibrary } from './seed.ts';
import { allSearchRecords } from './store.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

/** Published documents and every collection, for /sitemap.xml. */
async function* librarySitemap(deps: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/library' };
  yield { path: '/library/collections' };
  let after = 0;
  for (;;) {
    const rows = await deps.db
      .selectFrom('documents')
      .select(['id', 'slug', 'updated_at'])
      .where('published_at', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) yield { path: `/library/${r.slug}`, lastmod: r.updated_at };
    after = rows.at(-1)!.id;
  }
  const collections = await deps.db
    .selectFrom('document_collections')
    .select(['slug', 'updated_at'])
    .orderBy('id')
    .execute();
  for (const c of collections) yield { path: `/library/collections/${c.slug}`, lastmod: c.updated_at };
}

export const libraryModule: HubModule = {
  id: 'library',
  nav: { href: '/library', label: 'library.nav', order: 20 },
  pages: libraryPages,
  api: (deps) => libraryApi(deps).route('/', libraryCollectionsApi(deps)).route('/', libraryFilesApi(deps)),
  migrations: libraryMigrations,
  searchProviders: [{ type: 'document', label: 'library.searchType', records: allSearchRecords }],
  sitemap: librarySitemap,
  seed: seedLibrary,
};

// What the events module uses to show the documents linked to an event: the library's own rule of
// who sees which document.
export { visibleTo as documentsVisibleTo } from './permissions.ts';
export { type DocumentDetails, searchRecordOf } from './store.ts';
