// The list of groups as it is filtered, as a spreadsheet (/groups/export.csv, .xlsx): the groups the
// reader sees, up to EXPORT_LIMIT; and what "download my data" gets of a member.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import { type GroupCard, listGroups } from './listing.ts';
import { membershipsOf } from './members.ts';
import type { ListViewer } from './permissions.ts';
import type { GroupFilter } from './schemas.ts';

export const EXPORT_LIMIT = 10_000;

export function exportColumns(baseUrl: string): Column<GroupCard>[] {
  return [
    { header: 'name', value: (r) => r.name },
    { header: 'translated_name', value: (r) => r.translatedName },
    { header: 'lang', value: (r) => r.lang },
    { header: 'kind', value: (r) => r.kind },
    { header: 'visibility', value: (r) => r.visibility },
    { header: 'country', value: (r) => r.country },
    { header: 'members', value: (r) => r.members },
    { header: 'page', value: (r) => `${baseUrl}/groups/${r.slug}` },
    { header: 'updated_at', value: (r) => r.updated_at },
  ];
}

export async function exportRows(
  db: Kysely<Database>,
  filter: GroupFilter,
  viewer: ListViewer,
  locale: string,
) {
  const { cards } = await listGroups(db, { ...filter, page: 1 }, viewer, {
    locale,
    pageSize: EXPORT_LIMIT,
    offset: 0,
  });
  return cards;
}

/** A member's groups, roles and requests to join. */
export const groupsAccountExport = (db: Kysely<Database>, userId: number) => membershipsOf(db, userId);
