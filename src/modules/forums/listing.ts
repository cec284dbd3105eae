// The forums' lists: the categories a reader sees, a category's threads (pinned first, then the
// latest activity, with the reader's unread counts), a page of a thread's posts (with names,
// reactions, the reader's translation), and the forum search with its filters.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { matchingRecordIds, type Viewer } from '../../search/index.ts';
import type { Category, Post, Thread } from './access.ts';
import { imagesOf, type PostImage } from './images.ts';
import { type Reader, readableCategories } from './permissions.ts';
import type { ForumSearch } from './schemas.ts';
import { POST_TYPE } from './search.ts';
import { POSTS_PER_PAGE, REACTIONS, type Reaction, THREADS_PER_PAGE } from './vocab.ts';

type Db = Kysely<Database>;

export interface CategoryCard extends Category {
  threads: number;
  translatedName: string | null;
}

export async function listCategories(db: Db, reader: Reader, locale: string): Promise<CategoryCard[]> {
  const rows = await db
    .selectFrom('forum_categories')
    .selectAll('forum_categories')
    .select((eb) =>
      eb
        .selectFrom('forum_threads')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('forum_threads.category_id', '=', 'forum_categories.id')
        .where('forum_threads.merged_into_id', 'is', null)
        .as('threads'),
    )
    .select((eb) =>
      eb
        .selectFrom('forum_category_translations as tr')
        .select('tr.name')
        .whereRef('tr.category_id', '=', 'forum_categories.id')
        .where('tr.lang', '=', locale)
        .as('translatedName'),
    )
    .where(readableCategories(reader))
    .orderBy('position')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    ...r,
    threads: Number(r.threads ?? 0),
    translatedName: r.translatedName ?? null,
  }));
}

export interface ThreadCard extends Thread {
  author: string | null;
  /** Posts after the reader's last read one; null for a visitor or a thread never opened. */
  unread: number | null;
}

export async function listThreads(
  db: Db,
  category: Category,
  reader: Reader,
  options: { page: number; pageSize?: number; author?: number },
): Promise<{ threads: ThreadCard[]; total: number }> {
  const pageSize = options.pageSize ?? THREADS_PER_PAGE;
  let base = db
    .selectFrom('forum_threads')
    .where('category_id', '=', category.id)
    .where('merged_into_id', 'is', null);
  if (options.author) base = base.where('author_id', '=', options.author);
  const [rows, count] = await Promise.all([
    base
      .selectAll('forum_threads')
      .select((eb) =>
        eb
          .selectFrom('users')
          .select('users.name')
          .whereRef('users.id', '=', 'forum_threads.author_id')
          .as('author'),
      )
      .orderBy('pinned', 'desc')
      .orderBy('last_post_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((options.page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const unread = await unreadCounts(
    db,
    reader.user?.id,
    rows.map((r) => r.id),
  );
  return {
    threads: rows.map((r) => ({ ...r, author: r.author ?? null, unread: unread.get(r.id) ?? null })),
    total: Number(count.n),
  };
}

/** For each thread the member has opened: how many posts came after their last read one. */
async function unreadCounts(db: Db, userId: number | undefined, threadIds: number[]) {
  const out = new Map<number, number>();
  if (!userId || threadIds.length === 0) return out;
  const reads = await db
    .selectFrom('forum_reads')
    .select(['thread_id', 'last_read_post_id'])
    .where('user_id', '=', userId)
    .where('thread_id', 'in', threadIds)
    .execute();
  // One indexed range count per thread on the page (forum_posts_thread_idx).
  await Promise.all(
    reads.map(async (r) => {
      const row = await db
        .selectFrom('forum_posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('thread_id', '=', r.thread_id)
        .where('id', '>', r.last_read_post_id)
        .executeTakeFirstOrThrow();
      out.set(r.thread_id, Number(row.n));
    }),
  );
  return out;
}

export interface PostView extends Post {
  author: string | null;
  reactions: Record<Reaction, number>;
  mine: Reaction[];
  /** The reader's language, when the post is in another and has a translation. */
  translation: { lang: string; body: string } | null;
  images: PostImage[];
}

/** A page of a thread: POSTS_PER_PAGE posts from the thread's index, in order. */
export async function threadPosts(
  db: Db,
  threadId: number,
  options: { page: number; locale: string; userId?: number; pageSize?: number },
): Promise<PostView[]> {
  const pageSize = options.pageSize ?? POSTS_PER_PAGE;
  const posts = await db
    .selectFrom('forum_posts')
    .selectAll('forum_posts')
    .select((eb) =>
      eb
        .selectFrom('users')
        .select('users.name')
        .whereRef('users.id', '=', 'forum_posts.author_id')
        .as('author'),
    )
    .where('thread_id', '=', threadId)
    .orderBy('id')
    .limit(pageSize)
    .offset((options.page - 1) * pageSize)
    .execute();
  const ids = posts.map((p) => p.id);
  if (ids.length === 0) return [];
  const base = options.locale.split('-')[0] ?? options.locale;
  const [counts, mine, translations, images] = await Promise.all([
    db
      .selectFrom('forum_reactions')
      .select(['post_id', 'reaction', (eb) => eb.fn.countAll<number>().as('n')])
      .where('post_id', 'in', ids)
      .groupBy(['post_id', 'reaction'])
      .execute(),
    options.userId
      ? db
          .selectFrom('forum_reactions')
          .select(['post_id', 'reaction'])
          .where('post_id', 'in', ids)
          .where('user_id', '=', options.userId)
          .execute()
      : [],
    db
      .selectFrom('forum_post_translations')
      .select(['post_id', 'lang', 'body'])
      .where('post_id', 'in', ids)
      .where('lang', 'in', [...new Set([options.locale, base])])
      .execute(),
    imagesOf(db, ids),
  ]);
  return posts.map((p) => {
    const reactions = Object.fromEntries(REACTIONS.map((r) => [r, 0])) as Record<Reaction, number>;
    for (const c of counts) if (c.post_id === p.id) reactions[c.reaction as Reaction] = Number(c.n);
    const own = translations.filter((t) => t.post_id === p.id);
    const translation =
      p.lang === options.locale ? null : (own.find((t) => t.lang === options.locale) ?? own[0] ?? null);
    return {
      ...p,
      author: p.author ?? null,
      reactions,
      mine: mine.filter((m) => m.post_id === p.id).map((m) => m.reaction as Reaction),
      translation: translation ? { lang: translation.lang, body: translation.body } : null,
      images: images.filter((i) => i.post_id === p.id),
    };
  });
}

export interface FoundPost {
  id: number;
  body: string;
  lang: string;
  created_at: string;
  thread_id: number;
  title: string;
  category: string;
  category_slug: string;
  author: string | null;
}

export const SEARCH_PAGE = 20;

/**
 * The forum search: the words through the search index (its access rule: a group's posts only for
 * its members), then the filters (category, author's name, days) and the category rule again in
 * SQL. Without words, the newest posts the filters select.
 */
export async function searchPosts(
  db: Db,
  reader: Reader,
  filter: ForumSearch,
): Promise<{ posts: FoundPost[]; total: number }> {
  let ids: number[] | undefined;
  if (filter.q) {
    const user = reader.user;
    const viewer: Viewer = user ? { id: user.id, role: user.role, scopes: reader.scopes } : null;
    // The newest matches: the results are in the order of the posts, so ranking them would be lost.
    ids = (await matchingRecordIds(db, filter.q, { types: [POST_TYPE], viewer, order: 'newest' })).map(
      Number,
    );
    if (ids.length === 0) return { posts: [], total: 0 };
  }
  let q = db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
    .innerJoin('forum_categories', 'forum_categories.id', 't.category_id')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .where(readableCategories(reader))
    .where('p.hidden_at', 'is', null);
  if (ids) q = q.where('p.id', 'in', ids);
  if (filter.category) q = q.where('forum_categories.slug', '=', filter.category);
  if (filter.author) q = q.where('u.name', '=', filter.author);
  if (filter.from) q = q.where('p.created_at', '>=', filter.from);
  if (filter.to) q = q.where('p.created_at', '<', nextDay(filter.to));
  const [rows, count] = await Promise.all([
    q
      .select([
        'p.id',
        'p.body',
        'p.lang',
        'p.created_at',
        'p.thread_id',
        't.title',
        'forum_categories.name as category',
        'forum_categories.slug as category_slug',
        'u.name as author',
      ])
      .orderBy('p.id', 'desc')
      .limit(SEARCH_PAGE)
      .offset((filter.page - 1) * SEARCH_PAGE)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    posts: rows.map((r) => ({ ...r, created_at: String(r.created_at), author: r.author ?? null })),
    total: Number(count.n),
  };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
