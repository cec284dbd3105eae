// What the forums tell members, and what they may follow. A thread and a category are followed by
// their ids; a follower hears of new threads (a category) and replies (a thread). A member named
// in a post as @<handle> (their profile's slug in the people directory) is told. A group
// category's notices carry its scope (`group:<id>`), so only its members are told, and the inbox
// checks again when they read it (someone who left no longer sees it).
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { ActionContext } from '../../platform/actions.ts';
import type { Followable } from '../../platform/notifications/follows.ts';
import type { NotificationKind } from '../../platform/notifications/kinds.ts';
import { notify } from '../../platform/notifications/notify.ts';
import type { Category, Thread } from './access.ts';
import { canRead, groupScopeOf } from './permissions.ts';

type Db = Kysely<Database>;

export const forumsNotificationKinds: NotificationKind[] = [
  {
    kind: 'forums.reply',
    label: 'forums.notify.replyLabel',
    message: 'forums.notify.reply',
    defaultDelivery: 'daily',
  },
  {
    kind: 'forums.new-thread',
    label: 'forums.notify.newThreadLabel',
    message: 'forums.notify.newThread',
    defaultDelivery: 'daily',
  },
  {
    kind: 'forums.mention',
    label: 'forums.notify.mentionLabel',
    message: 'forums.notify.mention',
    defaultDelivery: 'immediate',
  },
];

/**
 * The reader of a followable: the user and their groups. A followable is asked without the app's
 * scope resolvers, so the group's membership is read here (the same rows the groups module answers
 * readableScopes() from).
 */
async function viewerReads(db: Db, viewer: User | null, category: Category): Promise<boolean> {
  const scopes =
    viewer && category.group_id !== null
      ? (
          await db
            .selectFrom('group_members')
            .select('group_id')
            .where('user_id', '=', viewer.id)
            .where('group_id', '=', category.group_id)
            .execute()
        ).map((r) => `group:${r.group_id}`)
      : [];
  return canRead({ user: viewer, scopes }, category);
}

const idOf = (key: string) => (/^\d{1,15}$/.test(key) ? Number(key) : 0);

export const threadFollowable: Followable = {
  type: 'forum-thread',
  label: 'forums.thread',
  async find(db, key, viewer) {
    const thread = await db
      .selectFrom('forum_threads')
      .selectAll()
      .where('id', '=', idOf(key))
      .executeTakeFirst();
    if (!thread) return null;
    const category = await db
      .selectFrom('forum_categories')
      .selectAll()
      .where('id', '=', thread.category_id)
      .executeTakeFirstOrThrow();
    return (await viewerReads(db, viewer, category))
      ? { title: thread.title, url: `/forum/t/${thread.id}` }
      : null;
  },
};

export const categoryFollowable: Followable = {
  type: 'forum-category',
  label: 'forums.category',
  async find(db, key, viewer) {
    const category = await db
      .selectFrom('forum_categories')
      .selectAll()
      .where('id', '=', idOf(key))
      .executeTakeFirst();
    if (!category) return null;
    return (await viewerReads(db, viewer, category))
      ? { title: category.name, url: `/forum/c/${category.slug}` }
      : null;
  },
};

const scopeOf = (category: Category) => groupScopeOf(category) ?? undefined;

/** The handles named in a post: `@slug`, not inside a word or an address. */
export function mentionedHandles(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(/(^|[^\p{L}\p{N}_@/.])@([a-z0-9]+(?:-[a-z0-9]+){0,10})/gu))
    if (m[2]) found.add(m[2]);
  return [...found].slice(0, 20);
}

/** The members behind `handles` (profiles of the people directory that belong to an account). */
async function membersNamed(db: Db, handles: string[]): Promise<number[]> {
  if (handles.length === 0) return [];
  const rows = await db
    .selectFrom('people')
    .select('user_id')
    .where('slug', 'in', handles)
    .where('user_id', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.user_id === null ? [] : [r.user_id]));
}

/** In the post's transaction: the members behind `handles` are told they are named in it. */
export async function mentionPost(
  trx: Db,
  ctx: ActionContext,
  at: { category: Category; thread: Thread; postId: number; handles: string[]; author: string },
): Promise<number[]> {
  const mentioned = await membersNamed(trx, at.handles);
  if (mentioned.length)
    await notify(trx, ctx.deps, {
      kind: 'forums.mention',
      subject: { type: 'forum_post', key: at.postId },
      url: `/forum/p/${at.postId}`,
      params: { name: at.author, title: at.thread.title },
      to: { users: mentioned },
      scope: scopeOf(at.category),
      actorId: ctx.user?.id ?? null,
    });
  return mentioned;
}

/** In the post's transaction: followers of the thread or the category, and those mentioned. */
export async function announcePost(
  trx: Db,
  ctx: ActionContext,
  at: { category: Category; thread: Thread; postId: number; body: string; opening: boolean; author: string },
): Promise<void> {
  const { category, thread, postId } = at;
  const url = `/forum/p/${postId}`;
  const actorId = ctx.user?.id ?? null;
  const scope = scopeOf(category);
  const mentioned = await mentionPost(trx, ctx, { ...at, handles: mentionedHandles(at.body) });
  const already = new Set(mentioned);
  const followers = at.opening
    ? [{ type: 'forum-category' as const, key: String(category.id) }]
    : [
        { type: 'forum-thread' as const, key: String(thread.id) },
        { type: 'forum-category' as const, key: String(category.id) },
      ];
  const followerIds = (
    await trx
      .selectFrom('follows')
      .select('user_id')
      .distinct()
      .where((eb) =>
        eb.or(followers.map((f) => eb.and([eb('target_type', '=', f.type), eb('target_key', '=', f.key)]))),
      )
      .execute()
  )
    .map((r) => r.user_id)
    .filter((id) => !already.has(id));
  if (followerIds.length === 0) return;
  await notify(trx, ctx.deps, {
    kind: at.opening ? 'forums.new-thread' : 'forums.reply',
    subject: { type: 'forum_post', key: postId },
    url,
    params: { name: at.author, title: thread.title, category: category.name },
    to: { users: followerIds },
    scope,
    actorId,
  });
}
