// A one-time notice shown on the next page after a redirect ("Your password was changed", "12
// organisations imported"). Only a message key and numbers travel in the cookie, so nothing a
// visitor sets can inject text.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hasMessage, type MessageKey } from '../i18n.ts';

const COOKIE = 'hub_flash';

export interface Flash {
  key: MessageKey;
  /** Numbers for the message's placeholders, e.g. { count: 12 }. */
  values: Record<string, number>;
}

export function setFlash(c: Context, key: MessageKey, values: Record<string, number> = {}): void {
  const query = new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]));
  const value = query.size ? `${key}?${query}` : key;
  setCookie(c, COOKIE, value, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 });
}

export function takeFlash(c: Context): Flash | undefined {
  const raw = getCookie(c, COOKIE);
  if (raw === undefined) return undefined;
  deleteCookie(c, COOKIE, { path: '/' });
  const [key = '', query = ''] = raw.split('?', 2);
  if (!hasMessage(key)) return undefined;
  const values: Record<string, number> = {};
  for (const [name, v] of new URLSearchParams(query)) {
    const n = Number(v);
    if (/^[a-z]\w{0,30}$/i.test(name) && Number.isFinite(n)) values[name] = n;
  }
  return { key, values };
}
