// The published events in /sitemap.xml.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** Published events for /sitemap.xml. */
export async function* sitemapEntries(db: Db): AsyncIterable<{ path: string; lastmod: string }> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'slug', 'updated_at'])
      .where('status', '!=', 'draft')
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) yield { path: `/events/${r.slug}`, lastmod: r.updated_at };
    after = rows.at(-1)!.id;
  }
}
