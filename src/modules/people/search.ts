// What the search index holds of a person (name and Latin name; title, translated titles, the
// published organisations with roles, skills, bio and translated bios), public when the profile is
// published and private to its owner otherwise, and every person for `hub search reindex`.
import type { Kysely } from 'kysely';
import { keysetQuery } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import type { SearchableRecord } from '../../search/index.ts';
import { recordSearch } from '../../search/record-search.ts';
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

/** Every person's id, slug, status and last change, in batches by id. */
export function peopleRows(db: Db, options: { publishedOnly?: boolean } = {}) {
  let q = db.selectFrom('people').select(['id', 'slug', 'status', 'updated_at']);
  if (options.publishedOnly) q = q.where('status', '=', 'published');
  return keysetQuery(q);
}

export const { reindex, provider: peopleSearch } = recordSearch({
  type: 'person',
  label: 'people.searchType',
  recordOf: searchRecordOf,
  ids: peopleRows,
});
