// The checks every forum write passes before anything is stored: the honeypot, then "may this
// member post" (the moderation module's suspensions and new-member limits, then the forums' own
// rate limits per member and per address), and slow mode in a thread.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type ActionContext, actingUser, isSystemContext } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { refuseHoneypot } from '../../../platform/http/honeypot.ts';
import { hitRateLimit, type RateLimitState } from '../../../platform/rate-limit.ts';
import { ensureMayPost as ensureMemberMayPost } from '../../moderation/index.ts';
import { WRITE_LIMITS } from '../vocab.ts';

/** The 429 of a limit: Retry-After in seconds, and the page says how long to wait. */
export function tooSoon(
  retryAfter: number,
  key: 'forums.rateLimited' | 'forums.slowMode' = 'forums.rateLimited',
) {
  return new HttpError(429, key, { seconds: retryAfter }, { 'Retry-After': String(retryAfter) });
}

/**
 * A bot filled the field people never see: refused, and nothing is stored. Pages meet the same
 * check in readForm(); this one is for API bodies, which the actions receive as parsed.
 */
export const refuseBots = (input: object): void => refuseHoneypot(input as Record<string, unknown>);

/** What a post carries, for the limits that weigh it (a new member's links and images). */
export interface PostWeight {
  /** The Markdown text: the moderation module counts its links and images as a reader sees them. */
  text: string;
  /** Images attached beside the text. */
  images: number;
}

export function weighPost(body: string, attached = 0): PostWeight {
  return { text: body, images: attached };
}

/**
 * May the acting member write now? Every forum write calls this once, before its transaction: the
 * moderation module's check (a suspended member; a new member's links, images and posts per hour),
 * then the forums' own limits per member and per address, counted before they are checked so
 * parallel requests cannot slip through.
 */
export async function ensureMayPost(ctx: ActionContext, weight: PostWeight): Promise<void> {
  if (isSystemContext(ctx)) return;
  const user = actingUser(ctx);
  // A suspended member, and a new member's links, images and posts per hour (docs/moderation.md).
  await ensureMemberMayPost(ctx, { text: weight.text, images: weight.images, field: 'body' });
  const checks: [typeof WRITE_LIMITS.perMember, string][] = [[WRITE_LIMITS.perMember, String(user.id)]];
  if (ctx.ip) checks.push([WRITE_LIMITS.perAddress, ctx.ip]);
  let worst: RateLimitState | undefined;
  for (const [rule, subject] of checks) {
    const state = await hitRateLimit(ctx.deps.db, rule, subject);
    if (state.blocked && (!worst || state.retryAfter > worst.retryAfter)) worst = state;
  }
  if (worst) throw tooSoon(worst.retryAfter);
}

/** Slow mode: the member's last post in the thread must be `seconds` old; moderators are exempt. */
export async function ensureSlowMode(
  db: Kysely<Database>,
  thread: { id: number; slow_mode_seconds: number },
  userId: number,
  now = Date.now(),
): Promise<void> {
  if (thread.slow_mode_seconds <= 0) return;
  const last = await db
    .selectFrom('forum_posts')
    .select('created_at')
    .where('author_id', '=', userId)
    .where('thread_id', '=', thread.id)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return;
  const wait = Math.ceil(
    (new Date(last.created_at).getTime() + thread.slow_mode_seconds * 1000 - now) / 1000,
  );
  if (wait > 0) throw tooSoon(wait, 'forums.slowMode');
}
