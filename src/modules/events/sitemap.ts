// The events' public pages in /sitemap.xml: the lists of upcoming and past events, the month
// calendar and the iCal feed of all events, every published event, and the report of each held one
// (its key figures are public from then on: participants/permissions.ts, canSeeFigures).
import { keysetQuery } from '../../db/keyset.ts';
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';

export async function* eventsSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/events' };
  yield { path: '/events?when=past' };
  yield { path: '/events/calendar' };
  yield { path: '/events.ics' };
  const rows = keysetQuery(
    db.selectFrom('events').select(['id', 'slug', 'status', 'updated_at']).where('status', '!=', 'draft'),
  );
  for await (const r of rows) {
    yield { path: `/events/${r.slug}`, lastmod: r.updated_at };
    if (r.status === 'held') yield { path: `/events/${r.slug}/report` };
  }
}
