// CSRF protection for every unsafe request a browser could be tricked into sending: the request
// must carry the token of its session (or, before login, of the visitor's `hub_csrf` cookie) in a
// `_csrf` form field or an `X-CSRF-Token` header. Requests with a personal API token need none:
// a browser never adds an Authorization header on its own.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';
import { HttpError } from './http/errors.ts';
import { leadingFormToken } from './http/multipart-token.ts';
import { isApiPath } from './http/request.ts';
import { randomToken, sameSecret } from './security-tokens.ts';
import { DAY } from './time.ts';

/**
 * The visitor cookie's name. Under https it has the `__Host-` prefix: the browser then keeps it
 * only if it is Secure, for the whole site and for this host alone, so a sibling subdomain or a
 * plain-http page of the same host cannot plant a token of its choosing. Plain http (a laptop)
 * cannot set a Secure cookie, so there it has no prefix.
 */
export const visitorCookieName = (secure: boolean) => (secure ? '__Host-hub_csrf' : 'hub_csrf');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The path of an unsubscribe link (src/modules/notifications/unsubscribe.ts). */
const ONE_CLICK_UNSUBSCRIBE = /^\/unsubscribe\/[A-Za-z0-9_-]{20,64}$/;

export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  const auth = c.var.auth;
  let expected: string;
  if (auth?.via === 'session') {
    expected = auth.session.csrf_token;
  } else {
    const secure = c.var.deps.config.secureCookies;
    const cookie = getCookie(c, visitorCookieName(secure));
    expected = cookie && /^[\w-]{20,64}$/.test(cookie) ? cookie : '';
    // Pages need a visitor token for their forms; API calls and token clients do not.
    if (!expected && SAFE_METHODS.has(c.req.method) && !auth && !isApiPath(c.req.path)) {
      expected = randomToken(24);
      setCookie(c, visitorCookieName(secure), expected, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure,
        maxAge: 365 * DAY,
      });
    }
  }
  c.set('csrfToken', expected);

  // API calls carry no ambient credentials unless a session cookie came with them: without one
  // there is nothing to forge, and the route answers 401 itself.
  if (SAFE_METHODS.has(c.req.method) || auth?.via === 'token' || (!auth && isApiPath(c.req.path)))
    return next();
  // A mail's one-click unsubscribe link (RFC 8058): the mail program posts it without cookies. The
  // secret in the path is the credential, and all it can do is stop some mail.
  if (ONE_CLICK_UNSUBSCRIBE.test(c.req.path)) return next();

  const provided = c.req.header('x-csrf-token') ?? (await formToken(c));
  if (!expected || !provided || !sameSecret(provided, expected)) {
    throw new HttpError(403, 'error.csrf');
  }
  return next();
});

/** The `_csrf` field of a form body: a small form is parsed; a multipart body's head is read. */
async function formToken(c: Context<AppEnv>): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) return (await leadingFormToken(c)) ?? undefined;
  if (!type.startsWith('application/x-www-form-urlencoded')) return undefined;
  const value = (await c.req.parseBody({ all: true }))._csrf;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}
