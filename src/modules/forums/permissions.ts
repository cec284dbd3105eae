// Who may do what in the forums: the one place these rules live. A category is public, for members
// (anyone signed in) or for a group: then only those who read the group's scope (`group:<id>`, its
// members, as the groups module answers in readableScopes()) and admins see it, on every surface —
// the same rule the search index applies to its `scoped` entries. No database calls here: `Reader`
// carries the scopes the request found once.
import type { ExpressionBuilder } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import { allows, type HeldRoles, scopedAction } from '../../platform/scopes.ts';
import type { CategoryVisibility } from './vocab.ts';

/** Who reads: the user (or a visitor) and the scope keys whose private content they read. */
export interface Reader {
  user: User | null;
  scopes: readonly string[];
}

export const VISITOR: Reader = { user: null, scopes: [] };

interface CategoryAccess {
  visibility: CategoryVisibility;
  group_id: number | null;
}

/** The scope a group category's content belongs to (search entries, notifications). */
export const groupScopeOf = (category: CategoryAccess): string | null =>
  category.visibility === 'group' && category.group_id !== null ? `group:${category.group_id}` : null;

export function canRead(reader: Reader, category: CategoryAccess): boolean {
  const user = reader.user;
  if (user?.disabled_at) return false;
  if (category.visibility === 'public') return true;
  if (!user) return false;
  if (category.visibility === 'members' || user.role === 'admin') return true;
  const scope = groupScopeOf(category);
  return scope !== null && reader.scopes.includes(scope);
}

/** The same rule in SQL, on a query over `forum_categories`, for lists, search filters, sitemap, feeds. */
export function readableCategories(reader: Reader) {
  return (eb: ExpressionBuilder<Database, 'forum_categories'>) => {
    const user = reader.user;
    if (user?.role === 'admin' && !user.disabled_at) return eb.lit(true);
    const ors = [eb('forum_categories.visibility', '=', 'public')];
    if (user && !user.disabled_at) {
      ors.push(eb('forum_categories.visibility', '=', 'members'));
      const groups = reader.scopes.flatMap((s) => (s.startsWith('group:') ? [Number(s.slice(6))] : []));
      if (groups.length)
        ors.push(
          eb.and([
            eb('forum_categories.visibility', '=', 'group'),
            eb('forum_categories.group_id', 'in', groups),
          ]),
        );
    }
    return eb.or(ors);
  };
}

/**
 * Moderating a category (hide and restore posts, pin, lock, slow mode, move, merge, mark an answer):
 * the hub's moderators (and admins) everywhere, a group's coordinators in its category.
 */
export const MODERATE_FORUM = scopedAction('forums.moderate', {
  platform: ['moderator'],
  group: ['coordinator'],
});

export const canModerate = (user: User | null, held: readonly HeldRoles[]) =>
  allows(MODERATE_FORUM, user, held);

/** Writing in a category one reads: anyone signed in (the platform's own checks come in ensureMayPost). */
export const canWrite = (reader: Reader, category: CategoryAccess) =>
  !!reader.user && canRead(reader, category);

/** A post's translation: its author, the hub's editors, the category's moderators. */
export const canTranslate = (user: User | null, post: { author_id: number | null }, moderator: boolean) =>
  !!user && (user.id === post.author_id || hasRole(user, 'editor') || moderator);

/** The answer of a question: the thread's author or a moderator marks it. */
export const canMarkSolved = (user: User | null, thread: { author_id: number | null }, moderator: boolean) =>
  !!user && (user.id === thread.author_id || moderator);

/**
 * Changing a post: a moderator of its category, or its author while it is visible and its thread
 * open (a locked thread is a closed record; a hidden post waits for a moderator).
 */
export function canEditPost(
  user: User | null,
  post: { author_id: number | null; hidden_at: unknown },
  thread: { locked: number; merged_into_id: number | null },
  moderator: boolean,
): boolean {
  if (!user || thread.merged_into_id) return false;
  if (moderator) return true;
  return user.id === post.author_id && !post.hidden_at && !thread.locked;
}

/**
 * Deleting a post: whoever may change it, but an opening post only while nobody has replied (it
 * takes the thread with it; once there are replies, the thread belongs to them too, and a
 * moderator hides the post instead).
 */
export const canDeletePost = (
  user: User | null,
  post: { id: number; author_id: number | null; hidden_at: unknown },
  thread: { locked: number; merged_into_id: number | null; post_count: number; opening_post_id: number },
  moderator: boolean,
) =>
  canEditPost(user, post, thread, moderator) &&
  (post.id !== thread.opening_post_id || thread.post_count <= 1);
