// "May this member post this now?": the one question every module that takes members' posts asks
// (forum threads and replies, direct messages, news comments) before it writes. A suspended member
// may not post at all; a new member (limits.ts) posts a few times an hour, with few links and, on the
// first day, no images. Staff (editors, moderators, admins) are trusted and never limited here.
import type { Kysely } from 'kysely';
import { marked, type Token } from 'marked';
import type { Database, User } from '../../../db/schema.ts';
import { type ActionContext, actingUser, isSystemContext } from '../../../platform/actions.ts';
import { hasRole } from '../../../platform/auth.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { countOrRefuse } from '../../../platform/rate-limit.ts';
import { HOUR } from '../../../platform/time.ts';
import { readPostingLimits } from './limits.ts';

export interface PostContent {
  /** The post's Markdown: its links are counted. */
  text?: string;
  /** Images attached to the post beside those written into the text. */
  images?: number;
  /** The form field the text came from, where a refusal about the text is shown (default `body`). */
  field?: string;
}

/**
 * Links and images of a Markdown text, as marked reads it: a [link](…), an <autolink> and a bare
 * address that GFM turns into a link all count, as the reader would see them; text that only looks
 * like an address in a code span does not.
 */
export function countLinks(text: string): { links: number; images: number } {
  let links = 0;
  let images = 0;
  marked.walkTokens(marked.lexer(text), (token: Token) => {
    if (token.type === 'link') links++;
    else if (token.type === 'image') images++;
  });
  return { links, images };
}

/** The suspension in force for `userId` at `now`, if any. */
export async function activeSuspension(db: Kysely<Database>, userId: number, now: Date = new Date()) {
  return db
    .selectFrom('member_suspensions')
    .select(['id', 'until', 'reason'])
    .where('user_id', '=', userId)
    .where('until', '>', now.toISOString())
    .where('lifted_at', 'is', null)
    .orderBy('until', 'desc')
    .executeTakeFirst();
}

/** Members who are limited: not staff. */
export const isLimited = (user: User) => !hasRole(user, 'editor', 'moderator');

/**
 * Refuses the post when its author may not post it now: 403 when suspended (with the end and the
 * reason), 422 on the text's field when it has too many links or images for a new member, 429 with
 * Retry-After when a new member has posted enough this hour. Each post that passes is counted.
 */
export async function ensureMayPost(ctx: ActionContext, content: PostContent = {}): Promise<void> {
  // The platform acting on its own (the demo seed, an import, a job) posts what it was given.
  if (isSystemContext(ctx)) return;
  const user = actingUser(ctx);
  if (!isLimited(user)) return;
  const { db } = ctx.deps;
  const now = new Date();
  const suspension = await activeSuspension(db, user.id, now);
  if (suspension)
    throw new HttpError(403, 'moderation.suspendedRefusal', {
      until: Date.parse(suspension.until),
      reason: suspension.reason,
    });
  const limits = await readPostingLimits(db);
  const ageMs = now.getTime() - Date.parse(user.created_at);
  if (ageMs >= limits.new_member_days * 24 * HOUR * 1000) return;
  const field = content.field ?? 'body';
  const counted = countLinks(content.text ?? '');
  if (counted.links > limits.links_per_post)
    throw HttpError.invalid({ [field]: 'moderation.tooManyLinks' }, { max: limits.links_per_post });
  const images = counted.images + (content.images ?? 0);
  if (images > 0 && ageMs < limits.images_after_hours * HOUR * 1000)
    throw HttpError.invalid({ [field]: 'moderation.noImagesYet' }, { hours: limits.images_after_hours });
  // Counted before the post is written, in one statement: posts sent in parallel cannot all slip
  // under the limit (a refused post still counts; the member is told how long to wait).
  const rule = { name: 'posting:new-member', limit: limits.posts_per_hour, windowSeconds: HOUR };
  await countOrRefuse(
    db,
    [[rule, String(user.id)]],
    (rate) =>
      new HttpError(
        429,
        'moderation.postingTooFast',
        { minutes: Math.ceil(rate.retryAfter / 60) },
        { 'Retry-After': String(rate.retryAfter) },
      ),
  );
}
