// What the search index holds of an event (its texts, organisers, place and agenda titles and
// speakers) and every event for `hub search reindex`.
import type { Kysely } from 'kysely';
import { keysetQuery } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import type { SearchableRecord } from '../../search/index.ts';
import { recordSearch } from '../../search/record-search.ts';
import { getEventById, isPublished } from './access.ts';

type Db = Kysely<Database>;

/** What the search index holds for an event: its texts, organisers, place and agenda titles. */
export async function searchRecordOf(db: Db, eventId: number): Promise<SearchableRecord | undefined> {
  const event = await getEventById(db, eventId);
  if (!event) return undefined;
  const agenda = await db
    .selectFrom('event_items')
    .innerJoin('event_days', 'event_days.id', 'event_items.day_id')
    .select('event_items.title')
    .where('event_days.event_id', '=', eventId)
    .orderBy('event_items.start_time')
    .limit(200)
    .execute();
  const speakers = await db
    .selectFrom('event_item_people')
    .innerJoin('event_items', 'event_items.id', 'event_item_people.item_id')
    .innerJoin('event_days', 'event_days.id', 'event_items.day_id')
    .select('event_item_people.name')
    .distinct()
    .where('event_days.event_id', '=', eventId)
    .limit(200)
    .execute();
  return {
    type: 'event',
    recordId: event.id,
    lang: event.lang,
    title: event.title,
    body: [
      ...event.translations.map((tr) => tr.title),
      [event.venue?.name ?? event.venue_name, event.city].filter(Boolean).join(', '),
      event.organisations
        .filter((o) => o.published)
        .map((o) => o.name)
        .join(', '),
      event.description,
      ...event.translations.map((tr) => tr.description),
      agenda.map((a) => a.title).join('\n'),
      speakers.map((s) => s.name).join(', '),
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/events/${event.slug}`,
    country: event.country,
    visibility: isPublished(event) ? 'public' : 'private',
    ownerId: event.created_by,
    updatedAt: event.updated_at,
  };
}

export const { reindex, provider: eventsSearch } = recordSearch({
  type: 'event',
  label: 'events.searchType',
  recordOf: searchRecordOf,
  ids: (db) => keysetQuery(db.selectFrom('events').select('id')),
});
