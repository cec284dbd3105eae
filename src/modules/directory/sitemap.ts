// The directory's public pages for /sitemap.xml: /directory and every published organisation, with
// its last change, read in batches by id (db/keyset.ts), so 100 000 organisations stream through
// without being held in memory at once.
import { keysetQuery } from '../../db/keyset.ts';
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';

export async function* directorySitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/directory' };
  const rows = keysetQuery(
    db.selectFrom('organisations').select(['id', 'slug', 'updated_at']).where('status', '=', 'published'),
  );
  for await (const r of rows)
    yield { path: `/directory/${encodeURIComponent(r.slug)}`, lastmod: r.updated_at };
}
