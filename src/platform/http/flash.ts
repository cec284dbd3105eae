// A one-time notice shown on the next page after a redirect ("Your password was changed").
// Only message keys travel in the cookie, so nothing a visitor sets can inject text.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hasMessage, type MessageKey } from '../i18n.ts';

const COOKIE = 'hub_flash';

export function setFlash(c: Context, key: MessageKey): void {
  setCookie(c, COOKIE, key, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 });
}

export function takeFlash(c: Context): MessageKey | undefined {
  const value = getCookie(c, COOKIE);
  if (value === undefined) return undefined;
  deleteCookie(c, COOKIE, { path: '/' });
  return hasMessage(value) ? value : undefined;
}
