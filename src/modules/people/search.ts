// What the search index holds of a person (name and Latin name; title, translated titles, the
// published organisations with roles, skills, bio and translated bios), public when the profile is
// published and private to its owner otherwise, and every person for `hub search reindex`.
import type { Kysely } from 'kysely';
import { keysetRows } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import { indexRecord, type SearchableRecord, type SearchProvider } from '../../search/index.ts';
import { getPersonById } from './access.ts';

type Db = Kysely<Database>;

export async function searchRecordOf(db: Db, personId: number): Promise<SearchableRecord | undefined> {
  const person = await getPersonById(db, personId);
  if (!person) return undefined;
  return {
    type: 'person',
    recordId: person.id,
    lang: person.lang,
    title: [person.name, person.name_translit].filter(Boolean).join(' · '),
    body: [
      person.title,
      // Translated titles and bios are found too (a Vietnamese word finds the Vietnamese title).
      ...person.translations.map((tr) => tr.title),
      ...person.organisations
        .filter((o) => o.published)
        .map((o) => [o.role, o.name].filter(Boolean).join(', ')),
      person.skills.join(', '),
      person.bio,
      ...person.translations.map((tr) => tr.bio),
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/directory/people/${person.slug}`,
    country: person.country,
    visibility: person.status === 'published' ? 'public' : 'private',
    ownerId: person.user_id,
    updatedAt: person.updated_at,
  };
}

/** Writes the person's search entry again (in the caller's transaction). */
export async function reindex(db: Db, personId: number): Promise<void> {
  const record = await searchRecordOf(db, personId);
  if (record) await indexRecord(db, record);
}

/** Every person's id, slug, status and last change, in batches by id. */
export const peopleRows = (db: Db, options: { publishedOnly?: boolean } = {}) =>
  keysetRows((after, limit) => {
    let q = db.selectFrom('people').select(['id', 'slug', 'status', 'updated_at']).where('id', '>', after);
    if (options.publishedOnly) q = q.where('status', '=', 'published');
    return q.orderBy('id').limit(limit).execute();
  });

export const peopleSearch: SearchProvider = {
  type: 'person',
  label: 'people.searchType',
  async *records(db) {
    for await (const { id } of peopleRows(db)) {
      const record = await searchRecordOf(db, id);
      if (record) yield record;
    }
  },
};
