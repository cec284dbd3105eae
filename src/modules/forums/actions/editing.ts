// A member changes or takes back what they wrote: the text of a post (and, in the opening post,
// the thread's title), or the post itself. A moderator may do both in the categories they
// moderate. The checks of posting.ts apply to the new text (a new member's links, the limits),
// and members named anew in it are told, as they would be in a new post.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type ActionContext, actingUser, audit, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { moderates, type Post, type ThreadIn } from '../access.ts';
import { mentionedHandles, mentionPost } from '../notifications.ts';
import { canDeletePost, canEditPost } from '../permissions.ts';
import type { PostEditInput } from '../schemas.ts';
import { reindexPost, reindexThread, removePostEntry } from '../search.ts';
import { ensureMayPost, refuseBots, weighPost } from './limits.ts';

type Db = Kysely<Database>;

/** The thread's first post by id: the one that opened it (its title is the thread's). */
export async function openingPostId(db: Db, threadId: number): Promise<number> {
  const row = await db
    .selectFrom('forum_posts')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function editPost(ctx: ActionContext, thread: ThreadIn, post: Post, input: PostEditInput) {
  refuseBots(input);
  const user = actingUser(ctx);
  const moderator = await moderates(ctx.deps, user, thread.category);
  if (!canEditPost(user, post, thread, moderator)) throw new HttpError(403, 'forums.cannotEdit');
  const opening = post.id === (await openingPostId(ctx.deps.db, thread.id));
  await ensureMayPost(ctx, weighPost(input.body));
  const title = opening && input.title ? input.title : null;
  return transact(ctx, async (trx) => {
    const now = nowIso();
    await trx
      .updateTable('forum_posts')
      .set({ body: input.body, edited_at: now, updated_at: now })
      .where('id', '=', post.id)
      .execute();
    if (title && title !== thread.title) {
      await trx
        .updateTable('forum_threads')
        .set({ title, updated_at: now })
        .where('id', '=', thread.id)
        .execute();
      await reindexThread(trx, thread.id);
    } else await reindexPost(trx, post.id);
    const before = new Set(mentionedHandles(post.body));
    const added = mentionedHandles(input.body).filter((h) => !before.has(h));
    await mentionPost(trx, ctx, {
      category: thread.category,
      thread: { ...thread, title: title ?? thread.title },
      postId: post.id,
      handles: added,
      author: user.name,
    });
    await audit(trx, ctx, {
      action: 'forums.post-edited',
      subjectType: 'forum_post',
      subjectId: post.id,
      details: {
        thread: thread.id,
        ...(post.author_id !== user.id ? { author: post.author_id } : {}),
        ...(title && title !== thread.title ? { title: { from: thread.title, to: title } } : {}),
      },
    });
  });
}

/**
 * Deletes a post, for good: its reactions, translations and images go with it. An opening post
 * with no replies takes its thread. Answers where the post went: the thread, or its category.
 */
export async function deletePost(
  ctx: ActionContext,
  thread: ThreadIn,
  post: Post,
): Promise<{ threadDeleted: boolean }> {
  const user = actingUser(ctx);
  const moderator = await moderates(ctx.deps, user, thread.category);
  const opening = await openingPostId(ctx.deps.db, thread.id);
  if (!canDeletePost(user, post, { ...thread, opening_post_id: opening }, moderator))
    throw new HttpError(403, post.id === opening ? 'forums.cannotDeleteOpening' : 'forums.cannotDelete');
  return transact(ctx, async (trx) => {
    await removePostEntry(trx, post.id);
    await trx.deleteFrom('forum_posts').where('id', '=', post.id).execute();
    const threadDeleted = post.id === opening;
    if (threadDeleted) await trx.deleteFrom('forum_threads').where('id', '=', thread.id).execute();
    else {
      // The thread's counts and latest post, as if the post had never been written.
      const last = await trx
        .selectFrom('forum_posts')
        .select(['id', 'created_at'])
        .where('thread_id', '=', thread.id)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('forum_threads')
        .set((eb) => ({
          post_count: eb('post_count', '-', 1),
          last_post_id: last.id,
          last_post_at: last.created_at,
          solved_post_id: thread.solved_post_id === post.id ? null : thread.solved_post_id,
          updated_at: nowIso(),
        }))
        .where('id', '=', thread.id)
        .execute();
    }
    await audit(trx, ctx, {
      action: threadDeleted ? 'forums.thread-deleted' : 'forums.post-deleted',
      subjectType: threadDeleted ? 'forum_thread' : 'forum_post',
      subjectId: threadDeleted ? thread.id : post.id,
      details: {
        thread: thread.id,
        ...(threadDeleted ? { title: thread.title } : {}),
        ...(post.author_id !== user.id ? { author: post.author_id } : {}),
      },
    });
    return { threadDeleted };
  });
}
