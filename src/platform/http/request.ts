// Small facts about the request that several parts of the platform need.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { CONTROL_IN_TEXT } from './fields.ts';

/** The client's address: the socket's, or the last X-Forwarded-For hop when TRUST_PROXY is set. */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}

/**
 * A redirect target taken from user input (`?next=`): only a path on this site, so a link cannot
 * send someone elsewhere after they log in.
 */
export function localPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if ([...next].some((ch) => ch === '\\' || ch.charCodeAt(0) < 0x20)) return fallback;
  return next;
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export function wantsJson(c: Context): boolean {
  return isApiPath(c.req.path) || (c.req.header('accept') ?? '').includes('application/json');
}

// Control characters have no place in an address: U+0000 in a slug or a filter made PostgreSQL
// fail the query ("invalid byte sequence for encoding UTF8: 0x00") and the reader got a 500, and
// the others only serve to smuggle line breaks into logs, headers and exports. A path holds none;
// a query value may hold a tab or a line break (text pasted into a search box), nothing else.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL_IN_PATH = /[\u0000-\u001f\u007f]/;

function decodedOrRaw(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Malformed escapes reach the routes as they are, and match nothing.
    return text;
  }
}

/** Whether the request's address holds a control character no page or filter accepts. */
export function addressHasControlCharacter(url: string): boolean {
  // A request's URL holds a control character only percent-encoded (the HTTP parser refuses them
  // raw, and URL parsing encodes them): most addresses have no %, and are not parsed again here.
  if (!url.includes('%')) return false;
  const { pathname, searchParams } = new URL(url);
  if (CONTROL_IN_PATH.test(decodedOrRaw(pathname))) return true;
  for (const [name, value] of searchParams) {
    if (CONTROL_IN_TEXT.test(name) || CONTROL_IN_TEXT.test(value)) return true;
  }
  return false;
}
