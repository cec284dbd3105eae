// The list of clippings as it is filtered, as a spreadsheet (/press/export.csv, /press/export.xlsx):
// every page of it, up to EXPORT_LIMIT rows.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import { type ClippingCard, listClippings } from './listing.ts';
import type { PressFilter } from './schemas.ts';

export const EXPORT_LIMIT = 10_000;

export function exportColumns(baseUrl: string): Column<ClippingCard>[] {
  return [
    { header: 'published_on', value: (r) => r.published_on },
    { header: 'outlet', value: (r) => r.outlet },
    { header: 'title', value: (r) => r.title },
    { header: 'translated_title', value: (r) => r.translatedTitle },
    { header: 'lang', value: (r) => r.lang },
    { header: 'url', value: (r) => r.url },
    { header: 'covers', value: (r) => r.covers },
    { header: 'event', value: (r) => (r.event_slug ? `${baseUrl}/events/${r.event_slug}` : null) },
    { header: 'page', value: (r) => `${baseUrl}/press/${r.id}` },
    { header: 'updated_at', value: (r) => r.updated_at },
  ];
}

export async function exportRows(db: Kysely<Database>, filter: PressFilter, locale: string) {
  const { cards } = await listClippings(
    db,
    { ...filter, page: 1 },
    { locale, pageSize: EXPORT_LIMIT, offset: 0 },
  );
  return cards;
}

/** "Download my data": the clippings this member added (an editor's work, with its own words). */
export async function pressAccountExport(db: Kysely<Database>, userId: number) {
  const clippings = await db
    .selectFrom('press_clippings')
    .select(['id', 'outlet', 'published_on', 'title', 'lang', 'url', 'summary', 'created_at', 'updated_at'])
    .where('created_by', '=', userId)
    .orderBy('id')
    .execute();
  return { clippings };
}
