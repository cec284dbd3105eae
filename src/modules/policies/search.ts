// What the search index holds of a measure (titles original and translated, description, main
// features, its country and bodies) and every measure for `hub search reindex`.
import type { Kysely } from 'kysely';
import { keysetQuery } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import type { SearchableRecord } from '../../search/index.ts';
import { recordSearch } from '../../search/record-search.ts';
import { getMeasure } from './access.ts';

type Db = Kysely<Database>;

export async function searchRecordOf(db: Db, id: number): Promise<SearchableRecord | undefined> {
  const m = await getMeasure(db, id);
  if (!m) return undefined;
  return {
    type: 'measure',
    recordId: m.id,
    lang: m.lang,
    title: [m.title, ...m.translations.map((tr) => tr.title)].filter(Boolean).join(' · '),
    body: [
      m.country,
      ...m.bodies.map((b) => b.name),
      m.description,
      ...m.translations.map((tr) => tr.description),
      m.main_features,
      ...m.partners.map((p) => p.name),
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/measures/${m.id}`,
    visibility: 'public',
    ownerId: m.created_by,
    updatedAt: m.updated_at,
  };
}

/** Every measure's id and last change, in batches by id. */
export const measureIds = (db: Db) =>
  keysetQuery(db.selectFrom('policy_measures').select(['id', 'updated_at']));

export const { reindex, provider: measureSearch } = recordSearch({
  type: 'measure',
  label: 'policies.searchType',
  recordOf: searchRecordOf,
  ids: measureIds,
});
