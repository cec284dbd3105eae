// How often the account forms may be tried, per address and per account, and the refusal when a
// limit is used up.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { isRateLimited, type RateLimitRule } from '../../platform/rate-limit.ts';

export const LIMITS = {
  loginPerIp: { name: 'login:ip', limit: 30, windowSeconds: 15 * 60 },
  /** Failed logins only, so the real owner is not locked out by their own success. */
  loginFailuresPerAccount: { name: 'login:account', limit: 5, windowSeconds: 15 * 60 },
  mailPerIp: { name: 'account-mail:ip', limit: 10, windowSeconds: 60 * 60 },
  mailPerAccount: { name: 'account-mail:account', limit: 3, windowSeconds: 60 * 60 },
  registerPerIp: { name: 'register:ip', limit: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

/**
 * Refuses with 429 when any of the rules is used up for its subject: the message says how many
 * minutes to wait, Retry-After how many seconds. Checking does not count a try (hitRateLimit does).
 */
export async function refuseWhenLimited(
  db: Kysely<Database>,
  checks: [RateLimitRule, string][],
): Promise<void> {
  for (const [rule, subject] of checks) {
    const state = await isRateLimited(db, rule, subject);
    if (state.blocked)
      throw new HttpError(
        429,
        'auth.rateLimited',
        { minutes: Math.ceil(state.retryAfter / 60) },
        { 'Retry-After': String(state.retryAfter) },
      );
  }
}
