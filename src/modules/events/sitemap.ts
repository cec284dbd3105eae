// The published events in /sitemap.xml.
import { keysetRows } from '../../db/keyset.ts';
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';

export async function* eventsSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  const rows = keysetRows((after, limit) =>
    db
      .selectFrom('events')
      .select(['id', 'slug', 'updated_at'])
      .where('status', '!=', 'draft')
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .execute(),
  );
  for await (const r of rows) yield { path: `/events/${r.slug}`, lastmod: r.updated_at };
}
