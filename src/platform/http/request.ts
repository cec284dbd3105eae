// Small facts about the request that several parts of the platform need.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

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
