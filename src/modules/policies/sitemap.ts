// The measures' pages for /sitemap.xml: every measure is public.
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';
import { measureIds } from './search.ts';

export async function* policiesSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/measures' };
  yield { path: '/measures/compare' };
  for await (const r of measureIds(db)) yield { path: `/measures/${r.id}`, lastmod: r.updated_at };
}
