// The members' writes: a new thread (its opening post), a reply, a reaction, a translation of a
// post, and where a member stopped reading. Pages, API and seed call the same functions: the
// honeypot and the limits first (limits.ts), then who may (the category readable, the thread not
// locked), then one transaction with the search entry, the audit entry and the notifications.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type ActionContext, actingUser, audit, transact } from '../../../platform/actions.ts';
import type { ProcessedImage } from '../../../platform/attached-images.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { follow } from '../../../platform/notifications/follows.ts';
import { nowIso } from '../../../platform/time.ts';
import type { Category, Post, ThreadIn } from '../access.ts';
import { postImages } from '../images.ts';
import { announcePost } from '../notifications.ts';
import { canRead, canTranslate, type Reader } from '../permissions.ts';
import type { ReplyInput, ThreadInput, TranslationInput } from '../schemas.ts';
import { reindexPost } from '../search.ts';
import type { Reaction } from '../vocab.ts';
import { ensureMayPost, ensureSlowMode, refuseBots, weighPost } from './limits.ts';

type Db = Kysely<Database>;

/** The system (seed) writes as the author it names; a member writes as themself. */
function authorOf(ctx: ActionContext, as?: number | null): number | null {
  if (ctx.via === 'seed' || ctx.via === 'cli' || ctx.via === 'job') return as ?? ctx.user?.id ?? null;
  return actingUser(ctx).id;
}

const nameOf = async (db: Db, userId: number | null) =>
  userId === null
    ? ''
    : ((await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())?.name ?? '');

async function insertPost(
  trx: Db,
  threadId: number,
  authorId: number | null,
  input: ReplyInput,
  now: string,
) {
  return trx
    .insertInto('forum_posts')
    .values({
      thread_id: threadId,
      author_id: authorId,
      body: input.body,
      lang: input.lang,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createThread(
  ctx: ActionContext,
  reader: Reader,
  category: Category,
  input: ThreadInput,
  options: { as?: number | null; at?: string; image?: ProcessedImage } = {},
) {
  refuseBots(input);
  if (!['seed', 'cli', 'job'].includes(ctx.via)) {
    actingUser(ctx);
    if (!canRead(reader, category)) throw new HttpError(404, 'error.404.message');
  }
  await ensureMayPost(ctx, weighPost(input.body, options.image ? 1 : 0));
  const authorId = authorOf(ctx, options.as);
  return transact(ctx, async (trx) => {
    const now = options.at ?? nowIso();
    const thread = await trx
      .insertInto('forum_threads')
      .values({
        category_id: category.id,
        title: input.title,
        lang: input.lang,
        author_id: authorId,
        is_question: input.is_question ? 1 : 0,
        post_count: 1,
        last_post_at: now,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const post = await insertPost(trx, thread.id, authorId, input, now);
    if (options.image) await postImages.add(trx, post.id, options.image);
    await trx
      .updateTable('forum_threads')
      .set({ last_post_id: post.id })
      .where('id', '=', thread.id)
      .execute();
    await reindexPost(trx, post.id);
    if (authorId !== null) {
      // The author hears of the replies, and has read their own post.
      await follow(trx, authorId, { type: 'forum-thread', key: String(thread.id) });
      await saveRead(trx, authorId, thread.id, post.id);
    }
    await audit(trx, ctx, {
      action: 'forums.thread-created',
      subjectType: 'forum_thread',
      subjectId: thread.id,
      details: { category: category.slug, title: thread.title },
    });
    await announcePost(trx, ctx, {
      category,
      thread,
      postId: post.id,
      body: input.body,
      opening: true,
      author: await nameOf(trx, authorId),
    });
    return { thread, post };
  });
}

export async function createReply(
  ctx: ActionContext,
  thread: ThreadIn,
  input: ReplyInput,
  options: { as?: number | null; at?: string; moderator?: boolean; image?: ProcessedImage } = {},
): Promise<Post> {
  refuseBots(input);
  const system = ['seed', 'cli', 'job'].includes(ctx.via);
  if (!system) {
    const user = actingUser(ctx);
    if (thread.merged_into_id) throw new HttpError(409, 'forums.merged');
    if (thread.locked && !options.moderator) throw new HttpError(403, 'forums.locked');
    if (!options.moderator) await ensureSlowMode(ctx.deps.db, thread, user.id);
  }
  await ensureMayPost(ctx, weighPost(input.body, options.image ? 1 : 0));
  const authorId = authorOf(ctx, options.as);
  return transact(ctx, async (trx) => {
    const now = options.at ?? nowIso();
    const post = await insertPost(trx, thread.id, authorId, input, now);
    if (options.image) await postImages.add(trx, post.id, options.image);
    await trx
      .updateTable('forum_threads')
      .set((eb) => ({
        post_count: eb('post_count', '+', 1),
        last_post_id: post.id,
        last_post_at: now,
        updated_at: now,
      }))
      .where('id', '=', thread.id)
      .execute();
    await reindexPost(trx, post.id);
    if (authorId !== null) {
      await follow(trx, authorId, { type: 'forum-thread', key: String(thread.id) });
      await saveRead(trx, authorId, thread.id, post.id);
    }
    await audit(trx, ctx, {
      action: 'forums.replied',
      subjectType: 'forum_post',
      subjectId: post.id,
      details: { thread: thread.id },
    });
    await announcePost(trx, ctx, {
      category: thread.category,
      thread,
      postId: post.id,
      body: input.body,
      opening: false,
      author: await nameOf(trx, authorId),
    });
    return post;
  });
}

/** Adds the reader's reaction of this kind, or takes it back; the post's counts after. */
export async function toggleReaction(ctx: ActionContext, post: Post, reaction: Reaction): Promise<boolean> {
  const user = actingUser(ctx);
  if (post.hidden_at) throw new HttpError(409, 'forums.hiddenPost');
  await ensureMayPost(ctx, { text: '', images: 0 });
  return transact(ctx, async (trx) => {
    const removed = await trx
      .deleteFrom('forum_reactions')
      .where('post_id', '=', post.id)
      .where('user_id', '=', user.id)
      .where('reaction', '=', reaction)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) return false;
    await trx
      .insertInto('forum_reactions')
      .values({ post_id: post.id, user_id: user.id, reaction, created_at: nowIso() })
      .execute();
    return true;
  });
}

/** A translation of a post, by its author, an editor or a moderator; it replaces one in that language. */
export async function saveTranslation(
  ctx: ActionContext,
  post: Post,
  input: TranslationInput,
  moderator: boolean,
): Promise<void> {
  refuseBots(input);
  const user = actingUser(ctx);
  if (!canTranslate(user, post, moderator)) throw new HttpError(403, 'error.403.message');
  if (input.lang === post.lang) throw HttpError.invalid({ lang: 'forums.sameLanguage' });
  await ensureMayPost(ctx, weighPost(input.body));
  await transact(ctx, async (trx) => {
    await trx
      .deleteFrom('forum_post_translations')
      .where('post_id', '=', post.id)
      .where('lang', '=', input.lang)
      .execute();
    await trx
      .insertInto('forum_post_translations')
      .values({ post_id: post.id, lang: input.lang, body: input.body })
      .execute();
    await reindexPost(trx, post.id);
    await audit(trx, ctx, {
      action: 'forums.translated',
      subjectType: 'forum_post',
      subjectId: post.id,
      details: { lang: input.lang },
    });
  });
}

/** Where `userId` stopped reading: never moves back (an old page seen again). */
export async function saveRead(db: Db, userId: number, threadId: number, postId: number): Promise<void> {
  await db
    .insertInto('forum_reads')
    .values({ user_id: userId, thread_id: threadId, last_read_post_id: postId })
    .onConflict((oc) =>
      oc.columns(['user_id', 'thread_id']).doUpdateSet({
        last_read_post_id: sql`case when forum_reads.last_read_post_id < excluded.last_read_post_id then excluded.last_read_post_id else forum_reads.last_read_post_id end`,
      }),
    )
    .execute();
}
