// Every write of the news module, for the pages, the API and the seed alike: who may (permissions.ts
// through access.ts), what the input's organisation and publishing choice come to, the transaction
// (post, translations, tags, cover, search entry and audit entry together, so a refused part leaves
// nothing half-saved), the publishing of scheduled posts, comments and their hiding, and the images
// for a post's text.
import type { Kysely } from 'kysely';
import { replaceChildRows } from '../../db/child-rows.ts';
import type { Database, User } from '../../db/schema.ts';
import { type ActionContext, ensure, transact } from '../../platform/actions.ts';
import type { ProcessedImage } from '../../platform/attached-images.ts';
import type { AppDeps } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { auditOf } from '../../platform/record-audit.ts';
import { deleteIndexedRecord } from '../../platform/record-deletion.ts';
import { slugFrom, uniqueSlug } from '../../platform/slugs.ts';
import { nowIso } from '../../platform/time.ts';
import { translationRows } from '../../platform/translations.ts';
import { getOrganisation, memberRole } from '../directory/index.ts';
import { ensureMayPost } from '../moderation/index.ts';
import {
  byText,
  ensureEditor,
  type Post,
  type PostComment,
  type PostDetails,
  type PostTranslation,
  writerOf,
} from './access.ts';
import { bodyImages, covers } from './images.ts';
import { momentOf } from './moments.ts';
import { type Announcing, announcePost, announcingOf } from './notifications.ts';
import { canComment, canHideComments, canPostFor } from './permissions.ts';
import type { CommentInput, PostInput } from './schemas.ts';
import { reindex as writeSearchEntry } from './search.ts';
import { RESERVED_SLUGS } from './vocab.ts';

type Db = Kysely<Database>;
const auditPost = auditOf('post');
const auditComment = auditOf('post_comment', 'post');

/** What the form says besides the fields: a new cover, or remove the one there is. */
export interface PostChange {
  cover?: ProcessedImage;
  removeCover?: boolean;
  /** Content brought in from elsewhere (the demo seed) keeps its address and publication moment. */
  imported?: { slug: string; publishedAt: string };
}

// ── Search entry and scheduled publishing ───────────────────────────────────

/**
 * The post's search entry, and the visibility it was indexed with (see promoteDuePosts). When the
 * post is public (published now, or its scheduled moment has come), the followers of its
 * organisation and of its tags are told, once per post (a post unpublished and published again is
 * not announced twice).
 */
async function reindex(db: Db, announcing: Announcing, id: number, now: string): Promise<void> {
  const before = await db.selectFrom('posts').select('indexed_as').where('id', '=', id).executeTakeFirst();
  const record = await writeSearchEntry(db, id, now);
  if (record)
    await db.updateTable('posts').set({ indexed_as: record.visibility }).where('id', '=', id).execute();
  // Only the moment it becomes public: a later edit of a published post announces nothing, even to
  // someone who started following its organisation since.
  if (record?.visibility === 'public' && before?.indexed_as !== 'public')
    await announcePost(db, announcing, id, now);
}

/**
 * Scheduled posts whose moment has come are still `private` in the search index: this makes them
 * public, each in its own transaction, and tells their followers. The recurring job
 * `news.publish-due` (jobs.ts) calls it every minute. The pages, feeds, API and sitemap no longer
 * call it on each request: they decide what is published from `published_at` and the request's
 * moment themselves, so they never show a scheduled post late; only search (and its suggestions)
 * and the notifications wait for the job, a minute at most.
 */
export async function promoteDuePosts(deps: AppDeps, now: string = nowIso()): Promise<number> {
  const due = await deps.db
    .selectFrom('posts')
    .select('id')
    .where('indexed_as', '=', 'private')
    .where('published_at', 'is not', null)
    .where('published_at', '<=', now)
    .limit(100)
    .execute();
  const announcing = announcingOf(deps);
  for (const { id } of due) await deps.db.transaction().execute((trx) => reindex(trx, announcing, id, now));
  return due.length;
}

// ── What the input comes to ─────────────────────────────────────────────────

/** A URL name from the title in Latin letters, unique among posts and never a reserved path. */
const slugOf = (db: Db, title: string) =>
  uniqueSlug(
    slugFrom(title, 'post'),
    async (slug) => !!(await db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirst()),
    RESERVED_SLUGS,
  );

/**
 * The organisation the input names: it must exist (422), and a new choice must be one of the
 * writer's (403, with the message next to the field). `user` is null for the platform itself.
 */
async function organisationOf(
  db: Db,
  input: PostInput,
  user: User | null,
  existing?: PostDetails,
): Promise<number | null> {
  let organisationId: number | null = null;
  if (input.organisation) {
    const org = await getOrganisation(db, input.organisation);
    if (!org) throw HttpError.invalid({ organisation: 'news.unknownOrganisation' });
    organisationId = org.id;
  }
  if (!user || (existing && existing.organisation_id === organisationId)) return organisationId;
  const role = organisationId === null ? null : await memberRole(db, organisationId, user.id);
  if (!canPostFor(user, organisationId, role))
    throw new HttpError(403, 'error.403.message', undefined, undefined, {
      organisation: organisationId === null ? 'news.siteNewsForEditors' : 'news.notMember',
    });
  return organisationId;
}

/**
 * The publication moment: none for a draft; now for "publish" (or the moment a published post
 * already has); for "schedule" the moment given, in the writer's time zone, which must lie ahead.
 */
function publishedAtOf(ctx: ActionContext, input: PostInput, now: string, existing?: Post): string | null {
  if (input.status === 'draft') return null;
  if (input.status === 'publish')
    return existing?.published_at && existing.published_at <= now ? existing.published_at : now;
  const zone = ctx.timeZone ?? ctx.deps.config.defaultTimeZone;
  const at = input.publish_at ? momentOf(input.publish_at, zone) : undefined;
  if (!at) throw HttpError.invalid({ publish_at: 'news.badMoment' });
  if (at <= now) throw HttpError.invalid({ publish_at: 'news.scheduleInPast' });
  return at;
}

function rowValues(input: PostInput, organisationId: number | null, publishedAt: string | null) {
  return {
    title: input.title,
    body: input.body,
    lang: input.lang,
    category: input.category,
    organisation_id: organisationId,
    cover_alt: input.cover_alt ?? '',
    published_at: publishedAt,
  };
}

/** One translation per language, never in the post's own language (the API is trusted less than the form). */
const translationsOf = (input: PostInput): PostTranslation[] =>
  translationRows(input, (tr) => ({ lang: tr.lang, title: tr.title ?? '', body: tr.body }));

async function writeChildren(db: Db, postId: number, input: PostInput): Promise<void> {
  await replaceChildRows(db, 'post_translations', 'post_id', postId, translationsOf(input));
  const tags = input.tags.map((tag) => ({ tag }));
  await replaceChildRows(db, 'post_tags', 'post_id', postId, tags);
}

// ── Posts ───────────────────────────────────────────────────────────────────

export async function createPost(
  ctx: ActionContext,
  input: PostInput,
  change: PostChange = {},
): Promise<Post> {
  const { user } = await writerOf(ctx);
  return transact(ctx, async (trx) => {
    const now = nowIso();
    const organisationId = await organisationOf(trx, input, user);
    const publishedAt = change.imported?.publishedAt ?? publishedAtOf(ctx, input, now);
    const post = await trx
      .insertInto('posts')
      .values({
        ...rowValues(input, organisationId, publishedAt),
        slug: change.imported?.slug ?? (await slugOf(trx, input.title)),
        author_id: user?.id ?? null,
        indexed_as: 'private',
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeChildren(trx, post.id, input);
    if (change.cover) await covers.replace(trx, post.id, change.cover);
    await reindex(trx, announcingOf(ctx.deps), post.id, now);
    await auditPost(trx, ctx, post.id, 'created', {
      slug: post.slug,
      organisation: input.organisation ?? null,
      status: input.status,
    });
    return post;
  });
}

/** Saves the changes; the names of the fields that changed (none: nothing is written). */
export async function updatePost(
  ctx: ActionContext,
  post: PostDetails,
  input: PostInput,
  change: PostChange = {},
): Promise<string[]> {
  const user = await ensureEditor(ctx, post);
  return transact(ctx, async (trx) => {
    const now = nowIso();
    const values = rowValues(
      input,
      await organisationOf(trx, input, user, post),
      publishedAtOf(ctx, input, now, post),
    );
    let cover: 'replaced' | 'removed' | null = null;
    if (change.cover) {
      await covers.replace(trx, post.id, change.cover);
      cover = 'replaced';
    } else if (change.removeCover && (await covers.remove(trx, post.id))) {
      cover = 'removed';
    }
    const changed = Object.entries(values)
      .filter(([key, to]) => post[key as keyof Post] !== to)
      .map(([key]) => key);
    const asKey = (list: PostTranslation[]) => JSON.stringify(list.map((tr) => [tr.lang, tr.title, tr.body]));
    if (asKey(post.translations) !== asKey(translationsOf(input))) changed.push('translations');
    if (JSON.stringify(post.tags) !== JSON.stringify([...input.tags].sort(byText))) changed.push('tags');
    // A new cover is a change too: the feed and sitemap dates move.
    if (cover) changed.push('cover');
    if (changed.length === 0) return changed;
    await trx
      .updateTable('posts')
      .set({ ...values, updated_at: now })
      .where('id', '=', post.id)
      .execute();
    await writeChildren(trx, post.id, input);
    await reindex(trx, announcingOf(ctx.deps), post.id, now);
    await auditPost(trx, ctx, post.id, 'updated', { fields: changed, ...(cover ? { cover } : {}) });
    return changed;
  });
}

export async function deletePost(ctx: ActionContext, post: PostDetails): Promise<void> {
  await ensureEditor(ctx, post);
  await transact(ctx, async (trx) => {
    await auditPost(trx, ctx, post.id, 'deleted', { slug: post.slug, title: post.title });
    await deleteIndexedRecord(trx, 'posts', 'post', post.id);
  });
}

/** Stores an image for the post's text; its id (the address the writer pastes). */
export async function addBodyImage(
  ctx: ActionContext,
  post: PostDetails,
  image: ProcessedImage,
  bytes: number,
): Promise<number> {
  const user = await ensureEditor(ctx, post);
  return transact(ctx, async (trx) => {
    const id = await bodyImages.add(trx, post.id, image, { uploaded_by: user?.id ?? null });
    await auditPost(trx, ctx, post.id, 'image_added', { image: id, bytes });
    return id;
  });
}

// ── Comments ────────────────────────────────────────────────────────────────

/** A signed-in member's comment on a published post; its id. */
export async function addComment(
  ctx: ActionContext,
  post: PostDetails,
  input: CommentInput,
): Promise<number> {
  const user = ensure(ctx, (u) => canComment(u, post, nowIso()), 'news.commentsClosed');
  await ensureMayPost(ctx, { text: input.body, field: 'body' });
  return transact(ctx, async (trx) => {
    const { id } = await trx
      .insertInto('post_comments')
      .values({
        post_id: post.id,
        author_id: user?.id ?? null,
        body: input.body,
        created_at: nowIso(),
        hidden_at: null,
        hidden_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditComment(trx, ctx, id, 'commented', { post: post.slug });
    return id;
  });
}

/** Hides a comment from readers, or shows it again (the post's author, editors, moderators). */
export async function setCommentHidden(
  ctx: ActionContext,
  post: PostDetails,
  comment: PostComment,
  hidden: boolean,
): Promise<void> {
  const user = ensure(ctx, (u) => canHideComments(u, post));
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('post_comments')
      .set(
        hidden ? { hidden_at: nowIso(), hidden_by: user?.id ?? null } : { hidden_at: null, hidden_by: null },
      )
      .where('id', '=', comment.id)
      .execute();
    await auditComment(trx, ctx, comment.id, hidden ? 'comment_hidden' : 'comment_shown', {
      post: post.slug,
    });
  });
}
