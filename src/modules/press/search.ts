// What the search index holds of a clipping (titles original and translated, summary, outlet, the
// event it is about) and every clipping for `hub search reindex`.
import type { Kysely } from 'kysely';
import { keysetQuery } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import type { SearchableRecord } from '../../search/index.ts';
import { recordSearch } from '../../search/record-search.ts';
import { getClipping } from './access.ts';

type Db = Kysely<Database>;

export async function searchRecordOf(db: Db, id: number): Promise<SearchableRecord | undefined> {
  const clipping = await getClipping(db, id);
  if (!clipping) return undefined;
  return {
    type: 'press',
    recordId: clipping.id,
    lang: clipping.lang,
    title: [clipping.title, ...clipping.translations.map((tr) => tr.title)].filter(Boolean).join(' · '),
    body: [
      clipping.outlet,
      clipping.summary,
      ...clipping.translations.map((tr) => tr.summary),
      clipping.covers,
      clipping.event?.published ? clipping.event.title : null,
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/press/${clipping.id}`,
    visibility: 'public',
    ownerId: clipping.created_by,
    updatedAt: clipping.updated_at,
  };
}

/** Every clipping's id and last change, in batches by id. */
export const clippingIds = (db: Db) =>
  keysetQuery(db.selectFrom('press_clippings').select(['id', 'updated_at']));

export const { reindex, provider: pressSearch } = recordSearch({
  type: 'press',
  label: 'press.searchType',
  recordOf: searchRecordOf,
  ids: clippingIds,
});
