// The list of posts as it is filtered, as a spreadsheet (/news/export.csv, /news/export.xlsx): every
// page of it, up to EXPORT_LIMIT rows, and only what the list shows (posts published by now: drafts
// and scheduled posts are in no list). And what "download my data" holds of a member: their posts
// and their comments.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import { nowIso } from '../../platform/time.ts';
import { stateOf } from './access.ts';
import { listPosts, type PostCard } from './listing.ts';
import type { NewsFilter } from './schemas.ts';

type Db = Kysely<Database>;

export const EXPORT_LIMIT = 10_000;

export function exportColumns(baseUrl: string): Column<PostCard>[] {
  return [
    { header: 'published_at', value: (r) => r.published_at },
    { header: 'title', value: (r) => r.title },
    { header: 'translated_title', value: (r) => (r.translated ? r.shownTitle : null) },
    { header: 'lang', value: (r) => r.lang },
    { header: 'category', value: (r) => r.category },
    { header: 'tags', value: (r) => r.tags },
    { header: 'organisation', value: (r) => r.organisationName },
    { header: 'author', value: (r) => r.authorName },
    { header: 'page', value: (r) => `${baseUrl}/news/${r.slug}` },
    { header: 'updated_at', value: (r) => r.updated_at },
  ];
}

export async function exportRows(db: Db, filter: NewsFilter, options: { locale: string; now: string }) {
  const { cards } = await listPosts(
    db,
    { ...filter, page: 1 },
    { ...options, pageSize: EXPORT_LIMIT, offset: 0 },
  );
  return cards;
}

/** A member's posts (whatever their state) and comments, for /account/export.json. */
export async function newsAccountExport(db: Db, userId: number) {
  const now = nowIso();
  const [posts, comments] = await Promise.all([
    db
      .selectFrom('posts')
      .select(['slug', 'title', 'published_at'])
      .where('author_id', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('post_comments')
      .innerJoin('posts', 'posts.id', 'post_comments.post_id')
      .select(['posts.slug as post', 'post_comments.body', 'post_comments.created_at'])
      .where('post_comments.author_id', '=', userId)
      .orderBy('post_comments.id')
      .execute(),
  ]);
  return {
    posts: posts.map((p) => ({
      slug: p.slug,
      title: p.title,
      status: stateOf(p, now),
      published_at: p.published_at,
    })),
    comments,
  };
}
