// Fixed-window counters in the database, so every process of the platform sees the same counts.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface RateLimitRule {
  /** Short name of what is limited, e.g. `login:ip`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  blocked: boolean;
  /** The calls counted in the current window, this one included (hitRateLimit), or so far (isRateLimited). */
  hits: number;
  /** Whole seconds until the window ends. */
  retryAfter: number;
}

function windowOf(rule: RateLimitRule, now = Date.now()) {
  const ms = rule.windowSeconds * 1000;
  const start = Math.floor(now / ms) * ms;
  return {
    start: new Date(start).toISOString(),
    retryAfter: Math.max(1, Math.ceil((start + ms - now) / 1000)),
  };
}

function keyOf(rule: RateLimitRule, subject: string) {
  return `${rule.name}:${subject}`.slice(0, 300);
}

/**
 * Counts this try against each rule, then refuses with `refusal(state)` if any went over. Counting
 * comes first, each in one statement: tries sent in parallel are each counted before any is let
 * through, so no more than the limit get past (checking first and counting after let 50 parallel
 * guesses through). It stops at the first limit used up.
 */
export async function countOrRefuse(
  db: Kysely<Database>,
  checks: readonly [RateLimitRule, string][],
  refusal: (state: RateLimitState) => Error,
): Promise<void> {
  for (const [rule, subject] of checks) {
    const state = await hitRateLimit(db, rule, subject);
    if (state.blocked) throw refusal(state);
  }
}

/** Whether `subject` has used up its allowance, without counting this call. */
export async function isRateLimited(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitState> {
  const w = windowOf(rule);
  const row = await db
    .selectFrom('rate_limits')
    .select(['hits', 'window_start'])
    .where('key', '=', keyOf(rule, subject))
    .executeTakeFirst();
  const hits = row && row.window_start === w.start ? row.hits : 0;
  return { blocked: hits >= rule.limit, hits, retryAfter: w.retryAfter };
}

/** Counts one hit for `subject` and says whether it went over the limit. */
export async function hitRateLimit(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitState> {
  const w = windowOf(rule);
  const row = await db
    .insertInto('rate_limits')
    .values({ key: keyOf(rule, subject), window_start: w.start, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        hits: eb
          .case()
          .when('rate_limits.window_start', '=', w.start)
          .then(eb('rate_limits.hits', '+', 1))
          .else(1)
          .end(),
        window_start: w.start,
      })),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return { blocked: row.hits > rule.limit, hits: row.hits, retryAfter: w.retryAfter };
}

export async function clearRateLimit(
  db: Kysely<Database>,
  rule: RateLimitRule,
  subject: string,
): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', keyOf(rule, subject)).execute();
}

/** Removes counters of windows that have ended (run now and then by the worker). */
export async function pruneRateLimits(db: Kysely<Database>, olderThanIso: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', olderThanIso).execute();
}
