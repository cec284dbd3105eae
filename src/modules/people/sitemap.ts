// The people directory's public pages for /sitemap.xml: /directory/people and every published
// profile (drafts and profiles the editors hid are seen by few people and listed nowhere), with
// its last change, read in batches by id (db/keyset.ts), never held in memory at once.
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';
import { peopleRows } from './search.ts';

export async function* peopleSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/directory/people' };
  for await (const r of peopleRows(db, { publishedOnly: true }))
    yield { path: `/directory/people/${encodeURIComponent(r.slug)}`, lastmod: r.updated_at };
}
