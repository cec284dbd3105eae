// What the search index holds of an organisation (its names in every language, descriptions, city
// and province; private while it is not published) and every organisation for `hub search reindex`.
import type { Kysely } from 'kysely';
import { keysetQuery } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import type { SearchableRecord } from '../../search/index.ts';
import { recordSearch } from '../../search/record-search.ts';

type Db = Kysely<Database>;

export async function searchRecordOf(db: Db, organisationId: number): Promise<SearchableRecord | undefined> {
  const org = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!org) return undefined;
  const translations = await db
    .selectFrom('organisation_translations')
    .select(['name', 'description'])
    .where('organisation_id', '=', org.id)
    .execute();
  return {
    type: 'organisation',
    recordId: org.id,
    lang: org.lang,
    title: [org.name, org.name_translit, ...translations.map((t) => t.name)].filter(Boolean).join(' · '),
    body: [org.description, ...translations.map((t) => t.description), org.city, org.province]
      .filter(Boolean)
      .join('\n\n'),
    url: `/directory/${org.slug}`,
    country: org.country,
    visibility: org.status === 'published' ? 'public' : 'private',
    ownerId: org.created_by,
    updatedAt: org.updated_at,
  };
}

export const { reindex, provider: organisationSearch } = recordSearch({
  type: 'organisation',
  label: 'directory.searchType',
  recordOf: searchRecordOf,
  ids: (db) => keysetQuery(db.selectFrom('organisations').select('id')),
});
