// Revalidation for public responses: an ETag computed from the body, and 304 Not Modified when the
// client already holds that body. Only for GET 200s whose Cache-Control lets a cache keep them
// (the visitors' pages say `no-cache`: keep, but ask first) and that set no cookie; a member's
// pages say `private, no-store` and get none. The tag is a hash of the very bytes that would be
// sent, so it changes with any write that changes the page: nothing stale can be confirmed.
// Responses that tag themselves (stored files, images, feeds) keep their own.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** What a 304 carries (RFC 9110, 15.4.5): the validators and the caching headers, no body headers. */
const KEPT_ON_304 = new Set(['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary']);

/** Whether `res`, the answer to `c`, gets an ETag. */
export function revalidates(c: Context, res: Response): boolean {
  if (c.req.method !== 'GET' || res.status !== 200) return false;
  const cacheControl = res.headers.get('cache-control');
  if (!cacheControl || /no-store|private/i.test(cacheControl)) return false;
  return !res.headers.has('set-cookie') && !res.headers.has('etag');
}

/**
 * A weak tag of `body` (weak: the same tag names the brotli, gzip and plain forms). The CSP nonce
 * differs on every response and means nothing to the reader, so it is left out; the stored copy
 * keeps its own nonce, which only marks the page's own script, served from 'self' anyway.
 */
export function bodyTag(body: string | Uint8Array, nonce: string | undefined): string {
  let text =
    typeof body === 'string'
      ? body
      : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (nonce) text = text.split(nonce).join('');
  return `W/"${createHash('sha1').update(text).digest('base64url').slice(0, 27)}"`;
}

/** Whether the request's If-None-Match names `etag` (weak comparison, RFC 9110 13.1.2). */
export function clientHolds(c: Context, etag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * Turns `res` into a 304 in place of its body: its body headers go (Hono copies the old response's
 * headers onto a replacement, so they are removed from the old one).
 */
export function notModified(res: Response): Response {
  for (const name of [...res.headers.keys()]) if (!KEPT_ON_304.has(name)) res.headers.delete(name);
  return new Response(null, { status: 304, headers: res.headers });
}
