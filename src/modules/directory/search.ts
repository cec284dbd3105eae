// What the search index holds of an organisation (its names in every language, descriptions, city
// and province; private while it is not published) and every organisation for `hub search reindex`.
import type { Kysely } from 'kysely';
import { keysetRows } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import { indexRecord, type SearchableRecord, type SearchProvider } from '../../search/index.ts';

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

/** Writes the organisation's search entry again (in the caller's transaction). */
export async function reindex(db: Db, organisationId: number): Promise<void> {
  const record = await searchRecordOf(db, organisationId);
  if (record) await indexRecord(db, record);
}

export const organisationSearch: SearchProvider = {
  type: 'organisation',
  label: 'directory.searchType',
  async *records(db) {
    const ids = keysetRows((after, limit) =>
      db
        .selectFrom('organisations')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute(),
    );
    for await (const { id } of ids) {
      const record = await searchRecordOf(db, id);
      if (record) yield record;
    }
  },
};
