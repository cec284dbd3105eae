// The list of events as it is filtered, as a spreadsheet (/events/export.csv, /events/export.xlsx):
// every page of it, up to EXPORT_LIMIT rows, and only the events the reader may see (drafts for
// their editors and organisers alone, as on the list).
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import { type EventCard, listEvents } from './listing.ts';
import type { EventFilter } from './schemas.ts';

export const EXPORT_LIMIT = 10_000;

const names = (card: EventCard, role: 'organiser' | 'partner' | 'donor') =>
  card.organisations.filter((o) => o.published && o.role === role).map((o) => o.name);

export function exportColumns(baseUrl: string): Column<EventCard>[] {
  return [
    { header: 'starts_on', value: (r) => r.starts_on },
    { header: 'ends_on', value: (r) => r.ends_on },
    { header: 'start_time', value: (r) => r.start_time },
    { header: 'end_time', value: (r) => r.end_time },
    { header: 'time_zone', value: (r) => r.time_zone },
    { header: 'title', value: (r) => r.title },
    { header: 'translated_title', value: (r) => r.translatedTitle },
    { header: 'lang', value: (r) => r.lang },
    { header: 'type', value: (r) => r.type },
    { header: 'format', value: (r) => r.format },
    { header: 'status', value: (r) => r.status },
    { header: 'venue_name', value: (r) => r.venue_name },
    { header: 'city', value: (r) => r.city },
    { header: 'country', value: (r) => r.country },
    { header: 'online_url', value: (r) => r.online_url },
    { header: 'organisers', value: (r) => names(r, 'organiser') },
    { header: 'partners', value: (r) => names(r, 'partner') },
    { header: 'donors', value: (r) => names(r, 'donor') },
    { header: 'page', value: (r) => `${baseUrl}/events/${r.slug}` },
    { header: 'updated_at', value: (r) => r.updated_at },
  ];
}

export async function exportRows(
  db: Kysely<Database>,
  filter: EventFilter,
  options: { viewer: User | null; locale: string; today: string },
): Promise<EventCard[]> {
  const { cards } = await listEvents(db, { ...filter, page: 1 }, { ...options, pageSize: EXPORT_LIMIT });
  return cards;
}
