// The countries' pages for /sitemap.xml: the list, and every country it lists (the region's, and
// the others the hub holds something about).
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';
import { listCountries } from './listing.ts';

export async function* countriesSitemap(deps: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/countries' };
  const ctx = {
    deps,
    viewer: null,
    locale: deps.config.defaultLocale,
    timeZone: deps.config.defaultTimeZone,
  };
  for (const row of await listCountries(ctx, (code) => code))
    yield { path: `/countries/${row.code}`, ...(row.status ? { lastmod: row.status.updated_at } : {}) };
}
