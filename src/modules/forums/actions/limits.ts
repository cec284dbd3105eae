// The checks every forum write passes before anything is stored: the honeypot, then "may this
// member post" (today the forums' own rate limits per member and per address; the platform's
// suspension and new-member limits join here), and slow mode in a thread.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type ActionContext, actingUser } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { hitRateLimit, type RateLimitState } from '../../../platform/rate-limit.ts';
import { HONEYPOT_FIELD, WRITE_LIMITS } from '../vocab.ts';

/** The 429 of a limit: Retry-After in seconds, and the page says how long to wait. */
export function tooSoon(
  retryAfter: number,
  key: 'forums.rateLimited' | 'forums.slowMode' = 'forums.rateLimited',
) {
  return new HttpError(429, key, { seconds: retryAfter }, { 'Retry-After': String(retryAfter) });
}

/** A bot filled the field people never see: refused, and nothing is stored. */
export function refuseBots(input: Record<string, unknown>): void {
  const value = input[HONEYPOT_FIELD];
  if (typeof value === 'string' && value.trim() !== '') throw new HttpError(400, 'forums.honeypot');
}

/** What a post carries, for the limits that weigh them (links and images of a new member). */
export interface PostWeight {
  links: number;
  images: number;
}

/** Links and images in Markdown, counted for ensureMayPost. */
export function weighPost(body: string, attached = 0): PostWeight {
  return {
    links: (body.match(/https?:\/\//g) ?? []).length,
    images: attached + (body.match(/!\[[^\]]*\]\(/g) ?? []).length,
  };
}

/**
 * May the acting member write now? Every forum write calls this once, before its transaction.
 * The platform's check (a suspended member, a new member's limits on links and images, `weight`)
 * comes here; for now it applies the forums' own limits: per member and per address, counted
 * before they are checked so parallel requests cannot slip through.
 */
export async function ensureMayPost(ctx: ActionContext, _weight: PostWeight): Promise<void> {
  if (ctx.via === 'seed' || ctx.via === 'cli' || ctx.via === 'job') return;
  const user = actingUser(ctx);
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
