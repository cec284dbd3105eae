// The forum's public pages for /sitemap.xml: the forum, its public categories and their threads
// (a members' or a group's category is not listed: search engines have no account).
import { keysetQuery } from '../../db/keyset.ts';
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';

export async function* forumsSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/forum' };
  const categories = await db
    .selectFrom('forum_categories')
    .select(['id', 'slug', 'updated_at'])
    .where('visibility', '=', 'public')
    .execute();
  for (const category of categories) {
    yield { path: `/forum/c/${category.slug}`, lastmod: String(category.updated_at) };
    const threads = keysetQuery(
      db
        .selectFrom('forum_threads')
        .select(['id', 'updated_at'])
        .where('category_id', '=', category.id)
        .where('merged_into_id', 'is', null),
    );
    for await (const t of threads) yield { path: `/forum/t/${t.id}`, lastmod: String(t.updated_at) };
  }
}
