// One post as the pages and the API read it (with its translations, tags, organisation and author),
// where it stands at a moment (draft, scheduled, published), and the loaders every route asks first:
// which post is this and may the reader see it (404 otherwise, with no hint that a draft exists),
// may they change it (403), may they write at all (and for whom).
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { type ActionContext, ensure } from '../../platform/actions.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/time.ts';
import { type MemberRole, memberRole, organisationsOf } from '../directory/index.ts';
import { canEdit, canView, canWrite, isNewsEditor } from './permissions.ts';
import type { PostCommentsTable, PostsTable } from './tables.ts';
import type { PostState } from './vocab.ts';

type Db = Kysely<Database>;
type C = Context<AppEnv>;
export type Post = Selectable<PostsTable>;
export type PostComment = Selectable<PostCommentsTable>;

export interface PostTranslation {
  lang: string;
  title: string;
  body: string;
}

export interface PostDetails extends Post {
  translations: PostTranslation[];
  tags: string[];
  organisation: { slug: string; name: string; lang: string } | null;
  author: { id: number; name: string } | null;
}

/** Where a post stands for readers at `now`. */
export function stateOf(post: Pick<Post, 'published_at'>, now: string): PostState {
  if (post.published_at === null) return 'draft';
  return post.published_at > now ? 'scheduled' : 'published';
}

// The translation a reader sees (exact locale, then its base language): platform/translations.ts.
export { translationFor } from '../../platform/translations.ts';

/** Code point order, the same in JS whatever the database's collation. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows of `post_id` grouped by post, in the order given. */
function groupByPost<R extends { post_id: number }, T>(rows: R[], value: (row: R) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) out.set(row.post_id, [...(out.get(row.post_id) ?? []), value(row)]);
  return out;
}

/** The translations of some posts, by post, in language order. */
export async function translationsOf(db: Db, ids: number[]): Promise<Map<number, PostTranslation[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('post_translations')
    .select(['post_id', 'lang', 'title', 'body'])
    .where('post_id', 'in', ids)
    .execute();
  return groupByPost(
    rows.sort((a, b) => byText(a.lang, b.lang)),
    ({ post_id: _, ...tr }) => tr,
  );
}

/** The tags of some posts, by post, in code point order. */
export async function tagsOf(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('post_tags')
    .select(['post_id', 'tag'])
    .where('post_id', 'in', ids)
    .execute();
  return groupByPost(
    rows.sort((a, b) => byText(a.tag, b.tag)),
    (r) => r.tag,
  );
}

export async function getPost(db: Db, slug: string): Promise<PostDetails | undefined> {
  const post = await db.selectFrom('posts').selectAll().where('slug', '=', slug).executeTakeFirst();
  return post && details(db, post);
}

export async function getPostById(db: Db, id: number): Promise<PostDetails | undefined> {
  const post = await db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
  return post && details(db, post);
}

async function details(db: Db, post: Post): Promise<PostDetails> {
  const [translations, tags, organisation, author] = await Promise.all([
    translationsOf(db, [post.id]),
    tagsOf(db, [post.id]),
    post.organisation_id === null
      ? undefined
      : db
          .selectFrom('organisations')
          .select(['slug', 'name', 'lang'])
          .where('id', '=', post.organisation_id)
          .executeTakeFirst(),
    post.author_id === null
      ? undefined
      : db.selectFrom('users').select(['id', 'name']).where('id', '=', post.author_id).executeTakeFirst(),
  ]);
  return {
    ...post,
    translations: translations.get(post.id) ?? [],
    tags: tags.get(post.id) ?? [],
    organisation: organisation ?? null,
    author: author ?? null,
  };
}

/** The reader's role in the organisation the post is for (null for the hub's own posts). */
export async function roleFor(
  db: Db,
  post: Pick<Post, 'organisation_id'>,
  user: User | null,
): Promise<MemberRole | null> {
  if (!user || post.organisation_id === null) return null;
  return memberRole(db, post.organisation_id, user.id);
}

/** Whether `user` may see `post` now. */
export async function visibleTo(db: Db, post: PostDetails, user: User | null, now = nowIso()) {
  return canView(user, post, await roleFor(db, post, user), now);
}

/** The post of the URL as the reader may see it, or a 404. */
export async function loadVisible(c: C, slug: string) {
  const { db } = c.var.deps;
  const now = nowIso();
  const post = await getPost(db, slug);
  const user = c.var.auth?.user ?? null;
  const role = post ? await roleFor(db, post, user) : null;
  if (!post || !canView(user, post, role, now)) throw new HttpError(404, 'error.404.message');
  return { post, user, role, now };
}

/** The post of the URL for someone who may change it: 401 signed out, 404 unseen, 403 not theirs. */
export async function loadEditable(c: C, slug: string) {
  if (!c.var.auth) throw new HttpError(401, 'error.401.message');
  const loaded = await loadVisible(c, slug);
  if (!canEdit(loaded.user, loaded.post, loaded.role)) throw new HttpError(403, 'error.403.message');
  return { ...loaded, user: c.var.auth.user };
}

/** The acting user when they may change `post` (401, 403 otherwise; the platform acting on its own may). */
export async function ensureEditor(ctx: ActionContext, post: PostDetails): Promise<User | null> {
  const role = await roleFor(ctx.deps.db, post, ctx.user);
  return ensure(ctx, (u) => canEdit(u, post, role));
}

export type WriterOrganisation = Awaited<ReturnType<typeof organisationsOf>>[number];

/**
 * The writer and the organisations they belong to: 401 signed out, 403 when they may not write at
 * all. The platform acting on its own (the demo seed) writes for no one in particular.
 */
export async function writerOf(
  ctx: ActionContext,
): Promise<{ user: User | null; organisations: WriterOrganisation[] }> {
  const user = ensure(ctx, () => true);
  const organisations = user ? await organisationsOf(ctx.deps.db, user.id) : [];
  ensure(ctx, (u) => canWrite(u, organisations.length), 'news.mayNotWrite');
  return { user, organisations };
}

/** Whom the form offers to post for: the writer's organisations, and the hub itself for editors. */
export function postingChoices(
  user: User,
  organisations: { slug: string; name: string }[],
  existing?: PostDetails,
) {
  const list = [...organisations];
  // An editor editing an organisation's post keeps that organisation on the form.
  if (existing?.organisation && !list.some((o) => o.slug === existing.organisation?.slug))
    list.push({ slug: existing.organisation.slug, name: existing.organisation.name });
  return {
    organisations: list,
    siteNews: isNewsEditor(user) || (existing !== undefined && existing.organisation_id === null),
  };
}

export function getComment(db: Db, id: number): Promise<PostComment | undefined> {
  return db.selectFrom('post_comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The comment of the URL's `:id` on `post`, or 404 (a comment of another post too). */
export async function loadComment(c: C, post: Post): Promise<PostComment> {
  const comment = await getComment(c.var.deps.db, Number(c.req.param('id')));
  if (!comment || comment.post_id !== post.id) throw new HttpError(404, 'error.404.message');
  return comment;
}

/** The post an image for the text belongs to (whose visibility decides who may see it). */
export async function imageOwner(db: Db, imageId: number): Promise<PostDetails | undefined> {
  const row = await db
    .selectFrom('post_images')
    .select('post_id')
    .where('id', '=', imageId)
    .executeTakeFirst();
  return row && getPostById(db, row.post_id);
}
