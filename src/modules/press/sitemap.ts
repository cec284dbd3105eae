// The press pages for /sitemap.xml: every clipping is public.
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';
import { clippingIds } from './search.ts';

export async function* pressSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/press' };
  for await (const r of clippingIds(db)) yield { path: `/press/${r.id}`, lastmod: r.updated_at };
}
