// What the search index holds of a group: its names and descriptions. A public or private group is
// found by everyone (a private group's name and description are public); a secret one only by its
// members (visibility `scoped`, scope `group:<id>`).
import type { Kysely } from 'kysely';
import { keysetQuery } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import { inGroup, scopeKey } from '../../platform/scopes.ts';
import type { SearchableRecord } from '../../search/index.ts';
import { recordSearch } from '../../search/record-search.ts';
import { getGroup } from './access.ts';

type Db = Kysely<Database>;

export async function searchRecordOf(db: Db, id: number): Promise<SearchableRecord | undefined> {
  const group = await getGroup(db, { id });
  if (!group) return undefined;
  const secret = group.visibility === 'secret';
  return {
    type: 'group',
    recordId: group.id,
    lang: group.lang,
    title: [group.name, ...group.translations.map((tr) => tr.name)].join(' · '),
    body: [group.description, ...group.translations.map((tr) => tr.description)].filter(Boolean).join('\n\n'),
    url: `/groups/${group.slug}`,
    country: group.country,
    visibility: secret ? 'scoped' : 'public',
    scope: secret ? scopeKey(inGroup(group.id)) : null,
    ownerId: group.created_by,
    updatedAt: group.updated_at,
  };
}

export const groupIds = (db: Db) => keysetQuery(db.selectFrom('groups').select(['id', 'updated_at']));

export const { reindex, provider: groupSearch } = recordSearch({
  type: 'group',
  label: 'groups.searchType',
  recordOf: searchRecordOf,
  ids: groupIds,
});
