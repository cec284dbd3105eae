// Server-side sessions. The cookie holds a random id; the database holds its SHA-256, the user,
// the CSRF token and the expiry. A session is replaced at login (no fixation), slides forward while
// used, and can be revoked one by one or all at once ("log out everywhere").
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database, Session, User } from '../db/schema.ts';
import type { AppEnv } from './context.ts';
import { randomToken, sha256 } from './security-tokens.ts';
import { DAY, HOUR, isOlderThan, isoIn, nowIso } from './time.ts';

export const SESSION_COOKIE = 'hub_session';

export async function startSession(c: Context<AppEnv>, user: User): Promise<void> {
  const { db, config } = c.var.deps;
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await db.deleteFrom('sessions').where('id', '=', sha256(previous)).execute();
  const secret = randomToken(32);
  const now = nowIso();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(secret),
      user_id: user.id,
      csrf_token: randomToken(24),
      created_at: now,
      last_seen_at: now,
      expires_at: isoIn(config.sessionDays * DAY),
      ip: c.var.clientIp,
      user_agent: (c.req.header('user-agent') ?? '').slice(0, 300) || null,
    })
    .execute();
  setSessionCookie(c, secret);
}

export function setSessionCookie(c: Context<AppEnv>, secret: string): void {
  const { config } = c.var.deps;
  setCookie(c, SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    maxAge: config.sessionDays * DAY,
  });
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const auth = c.var.auth;
  if (auth?.via === 'session') {
    await c.var.deps.db.deleteFrom('sessions').where('id', '=', auth.session.id).execute();
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.var.deps.config.secureCookies });
}

/** Revokes every session of a user, except `keepId` when given (the one making the request). */
export async function endAllSessions(db: Kysely<Database>, userId: number, keepId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  await q.execute();
}

/** The live session behind a cookie value and its user, extending it when it is in use. */
export async function lookupSession(
  db: Kysely<Database>,
  cookieValue: string,
  sessionDays: number,
): Promise<{ session: Session; user: User; extended: boolean } | null> {
  if (cookieValue.length > 100) return null;
  const id = sha256(cookieValue);
  const now = nowIso();
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!session) return null;
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user || user.disabled_at) return null;
  // Write at most once an hour per session, not on every request.
  if (isOlderThan(session.last_seen_at, HOUR)) {
    const expires = isoIn(sessionDays * DAY);
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expires })
      .where('id', '=', id)
      .execute();
    session.last_seen_at = now;
    session.expires_at = expires;
    return { session, user, extended: true };
  }
  return { session, user, extended: false };
}

export async function pruneExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso()).execute();
}
