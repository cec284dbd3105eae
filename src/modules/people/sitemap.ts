// The people directory's public pages for /sitemap.xml: /directory/people and every published
// profile (drafts and profiles the editors hid are seen by few people and listed nowhere), with
// its last change. Read in batches of 1 000 by id (keyset, never OFFSET), so 100 000 profiles
// stream through without being held in memory at once.
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';

const BATCH = 1000;

export async function* peopleSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/directory/people' };
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'slug', 'updated_at'])
      .where('status', '=', 'published')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const r of rows)
      yield { path: `/directory/people/${encodeURIComponent(r.slug)}`, lastmod: r.updated_at };
    const last = rows[rows.length - 1];
    if (!last || rows.length < BATCH) return;
    after = last.id;
  }
}
