// What the search index holds of a post (titles original and translated, texts, tags, the
// organisation) and every post for `hub search reindex`. Only a post published by `now` is public;
// drafts and scheduled posts are private to their author (and the hub's editors, who see everything
// in search).
import type { Kysely } from 'kysely';
import { keysetQuery } from '../../db/keyset.ts';
import type { Database } from '../../db/schema.ts';
import type { SearchableRecord } from '../../search/index.ts';
import { recordSearch } from '../../search/record-search.ts';
import { getPostById, stateOf } from './access.ts';

type Db = Kysely<Database>;

export async function searchRecordOf(db: Db, id: number, now: string): Promise<SearchableRecord | undefined> {
  const post = await getPostById(db, id);
  if (!post) return undefined;
  return {
    type: 'post',
    recordId: post.id,
    lang: post.lang,
    title: [post.title, ...post.translations.map((tr) => tr.title)].filter(Boolean).join(' · '),
    body: [
      post.body,
      ...post.translations.map((tr) => tr.body),
      post.tags.join(', '),
      post.organisation?.name,
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/news/${post.slug}`,
    visibility: stateOf(post, now) === 'published' ? 'public' : 'private',
    ownerId: post.author_id,
    updatedAt: post.updated_at,
  };
}

/** Every post (or every one published by `publishedBy`), in batches by id. */
export function postRows(db: Db, publishedBy?: string) {
  let q = db.selectFrom('posts').select(['id', 'slug', 'updated_at']);
  if (publishedBy) q = q.where('published_at', 'is not', null).where('published_at', '<=', publishedBy);
  return keysetQuery(q);
}

export const { reindex, provider: newsSearch } = recordSearch({
  type: 'post',
  label: 'news.searchType',
  recordOf: searchRecordOf,
  ids: (db) => postRows(db),
});
