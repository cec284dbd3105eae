// A sign-in on its way to the provider and back: its state (as a hash), PKCE verifier, nonce and
// where to go next, kept on the server under the SHA-256 of a random value in an HttpOnly cookie
// for /login, for ten minutes, used once (taken out of the table whatever the answer).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../../platform/context.ts';
import { randomToken, sha256 } from '../../../platform/security-tokens.ts';
import { isoIn, nowIso } from '../../../platform/time.ts';

const COOKIE = 'hub_openid';
const LIFETIME_SECONDS = 10 * 60;

type C = Context<AppEnv>;

export interface PendingLogin {
  state: string;
  codeVerifier: string;
  nonce: string;
  next: string;
}

/** Keeps `login` for this browser, replacing any sign-in it had under way. */
export async function keepPendingLogin(c: C, login: PendingLogin): Promise<void> {
  const { db, config } = c.var.deps;
  // Old pending sign-ins of everyone go as new ones are made: the table stays small without a job.
  await db.deleteFrom('openid_logins').where('expires_at', '<=', nowIso()).execute();
  const previous = getCookie(c, COOKIE);
  if (previous && previous.length <= 100)
    await db.deleteFrom('openid_logins').where('id', '=', sha256(previous)).execute();
  const secret = randomToken(32);
  await db
    .insertInto('openid_logins')
    .values({
      id: sha256(secret),
      state_hash: sha256(login.state),
      code_verifier: login.codeVerifier,
      nonce: login.nonce,
      next: login.next,
      expires_at: isoIn(LIFETIME_SECONDS),
    })
    .execute();
  setCookie(c, COOKIE, secret, {
    path: '/login',
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET, which carries it.
    sameSite: 'Lax',
    secure: config.secureCookies,
    maxAge: LIFETIME_SECONDS,
  });
}

/**
 * This browser's pending sign-in, taken out (a second use of the same answer finds nothing), if it
 * has one that has not expired and `state` is the one it sent. The state's check here is the
 * hub's; the library checks it again against the answer.
 */
export async function takePendingLogin(c: C, state: string): Promise<PendingLogin | null> {
  const secret = getCookie(c, COOKIE);
  deleteCookie(c, COOKIE, { path: '/login', secure: c.var.deps.config.secureCookies });
  if (!secret || secret.length > 100) return null;
  const { db } = c.var.deps;
  // One statement takes it: of two requests with the same answer, only one gets the row.
  const row = await db
    .deleteFrom('openid_logins')
    .where('id', '=', sha256(secret))
    .where('expires_at', '>', nowIso())
    .returningAll()
    .executeTakeFirst();
  if (!row || row.state_hash !== sha256(state)) return null;
  return { state, codeVerifier: row.code_verifier, nonce: row.nonce, next: row.next };
}
