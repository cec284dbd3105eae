// What the search index holds of a forum post (the thread's title, the post and its translations),
// with the category's visibility: public, members, or `scoped` to the group of a group's category
// (found only by its members, as docs/search.md describes). A hidden post has no entry. Every post
// for `hub search reindex`.
import type { Kysely } from 'kysely';
import { keysetQuery } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import { indexRecord, removeRecord, type SearchableRecord } from '../../search/index.ts';
import { recordSearch } from '../../search/record-search.ts';
import { groupScopeOf } from './permissions.ts';

type Db = Kysely<Database>;
export const POST_TYPE = 'forum-post';

export async function searchRecordOf(db: Db, id: number): Promise<SearchableRecord | undefined> {
  const row = await db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .select([
      'p.id',
      'p.body',
      'p.lang',
      'p.author_id',
      'p.hidden_at',
      'p.updated_at',
      't.title',
      't.merged_into_id',
      'c.visibility',
      'c.group_id',
      'c.country',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row || row.hidden_at || row.merged_into_id) return undefined;
  const translations = await db
    .selectFrom('forum_post_translations')
    .select('body')
    .where('post_id', '=', id)
    .execute();
  const scope = groupScopeOf(row);
  return {
    type: POST_TYPE,
    recordId: row.id,
    lang: row.lang,
    title: row.title,
    body: [row.body, ...translations.map((t) => t.body)].join('\n\n'),
    url: `/forum/p/${row.id}`,
    country: row.country,
    visibility: scope ? 'scoped' : row.visibility === 'members' ? 'members' : 'public',
    scope,
    ownerId: row.author_id,
    updatedAt: row.updated_at,
  };
}

/** Writes the post's entry again, or removes it (hidden, moved into a merged thread's gone). */
export async function reindexPost(db: Db, id: number): Promise<void> {
  const record = await searchRecordOf(db, id);
  if (record) await indexRecord(db, record);
  else await removeRecord(db, POST_TYPE, id);
}

/** The entry of a post being deleted. */
export const removePostEntry = (db: Db, id: number) => removeRecord(db, POST_TYPE, id);

/** Every post of a thread again (its title changed, it moved to another category). */
export async function reindexThread(db: Db, threadId: number): Promise<void> {
  const posts = await db.selectFrom('forum_posts').select('id').where('thread_id', '=', threadId).execute();
  for (const { id } of posts) await reindexPost(db, id);
}

export const { provider: forumSearch } = recordSearch({
  type: POST_TYPE,
  label: 'forums.searchType',
  recordOf: searchRecordOf,
  ids: (db) => keysetQuery(db.selectFrom('forum_posts').select('id')),
});
