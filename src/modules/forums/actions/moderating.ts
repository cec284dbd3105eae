// The moderators' writes (the hub's moderators, a group category's coordinators: permissions.ts):
// a thread's settings (pinned, locked, question, slow mode), moving it to another category, merging
// its replies into another thread (its URL then leads there), hiding and restoring a post with a
// reason, and the answer of a question (which its author may mark too). Each is audited.
import { type ActionContext, actingUser, audit, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { type Category, moderates, type Post, type ThreadIn } from '../access.ts';
import { canMarkSolved } from '../permissions.ts';
import type { ThreadSettingsInput } from '../schemas.ts';
import { reindexPost, reindexThread } from '../search.ts';

/** The acting moderator of `category`, or 403. */
export async function ensureModerator(ctx: ActionContext, category: Category) {
  const user = actingUser(ctx);
  if (!(await moderates(ctx.deps, user, category))) throw new HttpError(403, 'error.403.message');
  return user;
}

const auditThread =
  (ctx: ActionContext, id: number, what: string, details: Record<string, unknown>) =>
  (trx: Parameters<typeof audit>[0]) =>
    audit(trx, ctx, { action: `forums.${what}`, subjectType: 'forum_thread', subjectId: id, details });

export async function updateThreadSettings(ctx: ActionContext, thread: ThreadIn, input: ThreadSettingsInput) {
  await ensureModerator(ctx, thread.category);
  const values = {
    pinned: input.pinned ? 1 : 0,
    locked: input.locked ? 1 : 0,
    is_question: input.is_question ? 1 : 0,
    slow_mode_seconds: input.slow_mode_seconds,
  };
  const changed = Object.entries(values)
    .filter(([k, v]) => thread[k as keyof typeof values] !== v)
    .map(([k]) => k);
  if (changed.length === 0) return changed;
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('forum_threads')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', thread.id)
      .execute();
    await auditThread(ctx, thread.id, 'thread-settings', { ...values, fields: changed })(trx);
  });
  return changed;
}

/** Moves the thread to `to`, which the moderator must moderate too (a group's discussion stays theirs). */
export async function moveThread(ctx: ActionContext, thread: ThreadIn, to: Category | undefined) {
  await ensureModerator(ctx, thread.category);
  if (!to) throw HttpError.invalid({ category: 'forums.unknownCategory' });
  await ensureModerator(ctx, to);
  if (to.id === thread.category_id) return;
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('forum_threads')
      .set({ category_id: to.id, updated_at: nowIso() })
      .where('id', '=', thread.id)
      .execute();
    await reindexThread(trx, thread.id);
    await auditThread(ctx, thread.id, 'thread-moved', { from: thread.category.slug, to: to.slug })(trx);
  });
}

/** Moves every post of `thread` into `into` (by id, so they fall in time order); `thread` then leads there. */
export async function mergeThread(ctx: ActionContext, thread: ThreadIn, into: ThreadIn | undefined) {
  await ensureModerator(ctx, thread.category);
  if (!into || into.id === thread.id || into.merged_into_id)
    throw HttpError.invalid({ into: 'forums.unknownThread' });
  await ensureModerator(ctx, into.category);
  await transact(ctx, async (trx) => {
    const now = nowIso();
    await trx
      .updateTable('forum_posts')
      .set({ thread_id: into.id })
      .where('thread_id', '=', thread.id)
      .execute();
    const stats = await trx
      .selectFrom('forum_posts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('last')])
      .where('thread_id', '=', into.id)
      .executeTakeFirstOrThrow();
    const last = await trx
      .selectFrom('forum_posts')
      .select('created_at')
      .where('id', '=', Number(stats.last))
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('forum_threads')
      .set({
        post_count: Number(stats.n),
        last_post_id: Number(stats.last),
        last_post_at: last.created_at,
        updated_at: now,
      })
      .where('id', '=', into.id)
      .execute();
    await trx
      .updateTable('forum_threads')
      .set({ merged_into_id: into.id, post_count: 0, last_post_id: null, updated_at: now })
      .where('id', '=', thread.id)
      .execute();
    // Threads merged into this one earlier now lead to the new place too.
    await trx
      .updateTable('forum_threads')
      .set({ merged_into_id: into.id })
      .where('merged_into_id', '=', thread.id)
      .execute();
    await reindexThread(trx, into.id);
    await auditThread(ctx, thread.id, 'thread-merged', { into: into.id })(trx);
  });
}

export async function hidePost(ctx: ActionContext, thread: ThreadIn, post: Post, reason: string) {
  const user = await ensureModerator(ctx, thread.category);
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('forum_posts')
      .set({ hidden_at: nowIso(), hidden_by: user.id, hidden_reason: reason })
      .where('id', '=', post.id)
      .execute();
    await reindexPost(trx, post.id);
    await audit(trx, ctx, {
      action: 'forums.post-hidden',
      subjectType: 'forum_post',
      subjectId: post.id,
      details: { reason },
    });
  });
}

export async function restorePost(ctx: ActionContext, thread: ThreadIn, post: Post, reason: string | null) {
  await ensureModerator(ctx, thread.category);
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('forum_posts')
      .set({ hidden_at: null, hidden_by: null, hidden_reason: null })
      .where('id', '=', post.id)
      .execute();
    await reindexPost(trx, post.id);
    await audit(trx, ctx, {
      action: 'forums.post-restored',
      subjectType: 'forum_post',
      subjectId: post.id,
      details: { reason, was: post.hidden_reason },
    });
  });
}

/** Marks `post` the answer of its question (again: takes the mark back). */
export async function toggleSolved(ctx: ActionContext, thread: ThreadIn, post: Post) {
  const user = actingUser(ctx);
  const moderator = await moderates(ctx.deps, user, thread.category);
  if (!canMarkSolved(user, thread, moderator)) throw new HttpError(403, 'error.403.message');
  if (!thread.is_question) throw new HttpError(409, 'forums.notAQuestion');
  const solved = thread.solved_post_id === post.id ? null : post.id;
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('forum_threads')
      .set({ solved_post_id: solved })
      .where('id', '=', thread.id)
      .execute();
    await auditThread(ctx, thread.id, solved ? 'thread-solved' : 'thread-unsolved', { post: post.id })(trx);
  });
  return solved;
}
