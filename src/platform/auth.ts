// Who is asking: a personal API token (`Authorization: Bearer …`) or a session cookie. Roles and
// the checks every module uses to refuse a request live here too.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Kysely } from 'kysely';
import type { Database, Role, User } from '../db/schema.ts';
import type { AppEnv, Auth } from './context.ts';
import { HttpError } from './http/errors.ts';
import { randomToken, sha256 } from './security-tokens.ts';
import { lookupSession, SESSION_COOKIE, setSessionCookie } from './sessions.ts';
import { HOUR, isOlderThan, nowIso } from './time.ts';

export const API_TOKEN_PREFIX = 'hub_';

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const { db, config } = c.var.deps;
  const header = c.req.header('authorization');
  if (header !== undefined) {
    c.set('auth', await authenticateToken(db, header));
  } else {
    const cookie = getCookie(c, SESSION_COOKIE);
    const found = cookie ? await lookupSession(db, cookie, config.sessionDays) : null;
    c.set('auth', found ? { via: 'session', user: found.user, session: found.session } : null);
    if (cookie && found?.extended) setSessionCookie(c, cookie);
  }
  await next();
});

async function authenticateToken(db: Kysely<Database>, header: string): Promise<Auth> {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(header.trim());
  if (!match?.[1]) {
    throw new HttpError(401, 'auth.tokenInvalid', undefined, { 'WWW-Authenticate': 'Bearer' });
  }
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at'])
    .where('api_tokens.token_hash', '=', sha256(match[1]))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.disabled_at) {
    throw new HttpError(401, 'auth.tokenInvalid', undefined, {
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    });
  }
  const { token_id, token_last_used_at, ...user } = row;
  // Note the use at most once an hour, not on every call.
  if (!token_last_used_at || isOlderThan(token_last_used_at, HOUR)) {
    await db.updateTable('api_tokens').set({ last_used_at: nowIso() }).where('id', '=', token_id).execute();
  }
  return { via: 'token', user, tokenId: token_id };
}

/** Creates a personal API token and returns it; only its hash is kept, so it is shown once. */
export async function createApiToken(
  db: Kysely<Database>,
  userId: number,
  name: string,
): Promise<{ id: number; token: string }> {
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: userId,
      name,
      token_hash: sha256(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** The signed-in user, or a 401 (pages turn it into a redirect to the login page). */
export function requireUser(c: Context<AppEnv>): User {
  const auth = c.var.auth;
  if (!auth) throw new HttpError(401, 'error.401.message');
  return auth.user;
}

/** Admins pass every role check; everyone else needs one of `roles`. */
export function hasRole(user: User | null | undefined, ...roles: Role[]): boolean {
  return !!user && (user.role === 'admin' || roles.includes(user.role));
}

export function requireRole(c: Context<AppEnv>, ...roles: Role[]): User {
  const user = requireUser(c);
  if (!hasRole(user, ...roles)) throw new HttpError(403, 'error.403.message');
  return user;
}
