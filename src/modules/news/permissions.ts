// Who may do what with news posts and their comments: the one place these rules live. Every page
// and API route asks here, and the tests go through both.
//
// `role` is the reader's role in the organisation the post is posted for (null when the post is
// the hub's own, or the reader is not a member).
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import type { MemberRole } from '../directory/index.ts';

export interface PostAccess {
  author_id: number | null;
  organisation_id: number | null;
  published_at: string | null;
}

/** Published: it has a moment, and that moment has come. Scheduled posts are not, yet. */
export function isPublished(post: Pick<PostAccess, 'published_at'>, now: string): boolean {
  return post.published_at !== null && post.published_at <= now;
}

/** The hub's editors (and admins) write the hub's own news and manage every post and comment. */
export function isNewsEditor(user: User | null): boolean {
  return hasRole(user, 'editor');
}

/**
 * Writing a post: the hub's editors, and members of an organisation (for it). Whether the
 * organisation chosen on the form is one of theirs is canPostFor's question.
 */
export function canWrite(user: User | null, memberships: number): boolean {
  return !!user && (isNewsEditor(user) || memberships > 0);
}

/**
 * Posting on behalf of an organisation is for its members and owners only — an editor of the hub
 * is not one of its people. The hub's own news (no organisation) is the editors'.
 */
export function canPostFor(
  user: User | null,
  organisationId: number | null,
  role: MemberRole | null,
): boolean {
  if (!user) return false;
  return organisationId === null ? isNewsEditor(user) : role !== null;
}

/** Changing or deleting a post: the hub's editors, and the people of the organisation it is for. */
export function canEdit(user: User | null, post: PostAccess, role: MemberRole | null): boolean {
  return !!user && (isNewsEditor(user) || (post.organisation_id !== null && role !== null));
}

/**
 * Published posts are everyone's; drafts and scheduled posts only their writers' (and editors').
 * Anyone else gets a 404, with no hint that the post exists.
 */
export function canView(user: User | null, post: PostAccess, role: MemberRole | null, now: string): boolean {
  return isPublished(post, now) || (!!user && post.author_id === user.id) || canEdit(user, post, role);
}

/** Any signed-in member comments on a published post. */
export function canComment(user: User | null, post: PostAccess, now: string): boolean {
  return !!user && isPublished(post, now);
}

/** Hiding a comment (and showing it again): the post's author, the hub's editors and moderators. */
export function canHideComments(user: User | null, post: PostAccess): boolean {
  return !!user && (post.author_id === user.id || hasRole(user, 'editor', 'moderator'));
}
