// The published events in /sitemap.xml.
import { keysetQuery } from '../../db/keyset.ts';
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';

export async function* eventsSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  const rows = keysetQuery(
    db.selectFrom('events').select(['id', 'slug', 'updated_at']).where('status', '!=', 'draft'),
  );
  for await (const r of rows) yield { path: `/events/${r.slug}`, lastmod: r.updated_at };
}
