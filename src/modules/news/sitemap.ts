// The news pages for /sitemap.xml: the list and every published post (scheduled ones from their moment).
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';
import { nowIso } from '../../platform/time.ts';
import { postRows } from './search.ts';

export async function* newsSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  const now = nowIso();
  yield { path: '/news' };
  for await (const r of postRows(db, now)) yield { path: `/news/${r.slug}`, lastmod: r.updated_at };
}
