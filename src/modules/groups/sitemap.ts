// The groups' pages for /sitemap.xml: the list and the public groups only (a private group's page
// shows little, a secret one's nothing to a crawler).
import { keysetQuery } from '../../db/keyset.ts';
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';

export async function* groupsSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/groups' };
  const publicGroups = keysetQuery(
    db.selectFrom('groups').select(['id', 'slug', 'updated_at']).where('visibility', '=', 'public'),
  );
  for await (const r of publicGroups) yield { path: `/groups/${r.slug}`, lastmod: r.updated_at };
}
