// The library's pages for /sitemap.xml: the list, the collections, every published document and
// every collection (collections are public; a reader sees the documents of one they may see).
import { keysetQuery } from '../../db/keyset.ts';
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';
import { documentBatches } from './search.ts';

export async function* librarySitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/library' };
  yield { path: '/library/collections' };
  for await (const batch of documentBatches(db, 1000, true))
    for (const r of batch) yield { path: `/library/${r.slug}`, lastmod: r.updated_at };
  const collections = keysetQuery(db.selectFrom('document_collections').select(['id', 'slug', 'updated_at']));
  for await (const c of collections) yield { path: `/library/collections/${c.slug}`, lastmod: c.updated_at };
}
