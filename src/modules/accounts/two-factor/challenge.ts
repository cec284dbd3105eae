// The second step of a sign-in: after the password (or a mailed link) of a member with two-factor
// sign-in on, no session yet, but a pending step bound to this browser: a random value in a
// cookie, its SHA-256 in the database, gone after five minutes or once used.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { User } from '../../../db/schema.ts';
import type { AppEnv } from '../../../platform/context.ts';
import { randomToken, sha256 } from '../../../platform/security-tokens.ts';
import { isoIn, nowIso } from '../../../platform/time.ts';

const COOKIE = 'hub_two_factor';
const LIFETIME_SECONDS = 5 * 60;

type C = Context<AppEnv>;

/** Starts the second step for `user`, replacing any this browser had. */
export async function startChallenge(c: C, user: User, next: string): Promise<void> {
  const { db, config } = c.var.deps;
  await endChallenge(c);
  // Old pending steps of everyone go as new ones are made: the table stays small without a job.
  await db.deleteFrom('two_factor_challenges').where('expires_at', '<=', nowIso()).execute();
  const secret = randomToken(32);
  await db
    .insertInto('two_factor_challenges')
    .values({ id: sha256(secret), user_id: user.id, next, expires_at: isoIn(LIFETIME_SECONDS) })
    .execute();
  setCookie(c, COOKIE, secret, {
    path: '/login',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    maxAge: LIFETIME_SECONDS,
  });
}

/** This browser's pending step and its member, if it has one that has not expired. */
export async function currentChallenge(c: C): Promise<{ user: User; next: string } | null> {
  const secret = getCookie(c, COOKIE);
  if (!secret || secret.length > 100) return null;
  const row = await c.var.deps.db
    .selectFrom('two_factor_challenges')
    .innerJoin('users', 'users.id', 'two_factor_challenges.user_id')
    .selectAll('users')
    .select('two_factor_challenges.next as challenge_next')
    .where('two_factor_challenges.id', '=', sha256(secret))
    .where('two_factor_challenges.expires_at', '>', nowIso())
    .executeTakeFirst();
  if (!row || row.disabled_at) return null;
  const { challenge_next, ...user } = row;
  return { user, next: challenge_next };
}

/** Ends this browser's pending step (used, or replaced). */
export async function endChallenge(c: C): Promise<void> {
  const secret = getCookie(c, COOKIE);
  if (secret && secret.length <= 100)
    await c.var.deps.db.deleteFrom('two_factor_challenges').where('id', '=', sha256(secret)).execute();
  deleteCookie(c, COOKIE, { path: '/login', secure: c.var.deps.config.secureCookies });
}
