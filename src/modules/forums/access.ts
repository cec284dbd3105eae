// Reading one category, thread or post, and the loaders that answer 404: a category (and all it
// holds) the reader may not read is 404 everywhere, never 403, so a group's discussion is not even
// known to exist. A merged thread's loader says where it went.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { heldRoles, inGroup, PLATFORM, readableScopes } from '../../platform/scopes.ts';
import { canModerate, canRead, type Reader } from './permissions.ts';
import type { ForumCategoriesTable, ForumPostsTable, ForumThreadsTable } from './tables.ts';

type Db = Kysely<Database>;
export type Category = Selectable<ForumCategoriesTable>;
export type Thread = Selectable<ForumThreadsTable>;
export type Post = Selectable<ForumPostsTable>;
export interface ThreadIn extends Thread {
  category: Category;
}

const notFound = () => new HttpError(404, 'error.404.message');
const asId = (value: string | undefined) => {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

/** The reader of a request: the user and the scopes they read (their groups). */
export async function readerOf(deps: AppDeps, user: User | null): Promise<Reader> {
  return { user, scopes: await readableScopes(deps, user) };
}
export const requestReader = (c: Context<AppEnv>) => readerOf(c.var.deps, c.var.auth?.user ?? null);

export const getCategory = (db: Db, slug: string) =>
  db.selectFrom('forum_categories').selectAll().where('slug', '=', slug).executeTakeFirst();
export const getCategoryById = (db: Db, id: number) =>
  db.selectFrom('forum_categories').selectAll().where('id', '=', id).executeTakeFirst();

export async function getThread(db: Db, id: number): Promise<ThreadIn | undefined> {
  const thread = await db.selectFrom('forum_threads').selectAll().where('id', '=', id).executeTakeFirst();
  if (!thread) return undefined;
  const category = await getCategoryById(db, thread.category_id);
  return category ? { ...thread, category } : undefined;
}

export const getPost = (db: Db, id: number) =>
  db.selectFrom('forum_posts').selectAll().where('id', '=', id).executeTakeFirst();

/** The category named `slug` if `reader` reads it, else 404. */
export async function visibleCategory(db: Db, reader: Reader, slug: string): Promise<Category> {
  const category = await getCategory(db, slug);
  if (!category || !canRead(reader, category)) throw notFound();
  return category;
}

/** The thread `id` if its category is readable (a merged one too: the caller redirects), else 404. */
export async function visibleThread(db: Db, reader: Reader, id: number): Promise<ThreadIn> {
  const thread = await getThread(db, id);
  if (!thread || !canRead(reader, thread.category)) throw notFound();
  return thread;
}

/** The post `id` with its thread, if readable, else 404. */
export async function visiblePost(
  db: Db,
  reader: Reader,
  id: number,
): Promise<{ post: Post; thread: ThreadIn }> {
  const post = await getPost(db, id);
  if (!post) throw notFound();
  return { post, thread: await visibleThread(db, reader, post.thread_id) };
}

export const threadIdParam = (c: Context<AppEnv>) => asId(c.req.param('id'));

/** Whether `user` moderates `category`: the hub's moderators, or its group's coordinators. */
export async function moderates(deps: AppDeps, user: User | null, category: Category): Promise<boolean> {
  if (!user) return false;
  const where = category.group_id !== null ? inGroup(category.group_id) : PLATFORM;
  return canModerate(user, await heldRoles(deps, user, where));
}

/** The 1-based page of a thread that shows post `postId` (posts in id order). */
export async function pageOfPost(db: Db, threadId: number, postId: number, perPage: number): Promise<number> {
  const row = await db
    .selectFrom('forum_posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('thread_id', '=', threadId)
    .where('id', '<', postId)
    .executeTakeFirstOrThrow();
  return Math.floor(Number(row.n) / perPage) + 1;
}
