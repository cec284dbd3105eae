// Compresses text responses with brotli when the client accepts it, gzip otherwise. Hono's own
// compress() middleware offers only gzip and deflate; brotli makes a page about a fifth smaller,
// which matters on a metered phone connection. Pages are small, so they are compressed in one go.

import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createMiddleware } from 'hono/factory';
import { bodyTag, clientHolds, notModified, revalidates } from './etag.ts';

const COMPRESSIBLE =
  /^(text\/|application\/(json|problem\+json|ld\+json|xml|atom\+xml|rss\+xml|javascript)|image\/svg\+xml)/;
const MIN_BYTES = 1024;

export function chooseEncoding(acceptEncoding: string): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  if ((accepted.get('br') ?? 0) > 0) return 'br';
  if ((accepted.get('gzip') ?? 0) > 0) return 'gzip';
  return null;
}

/**
 * The body of a response that @hono/node-server has not turned into a real (undici) Response yet:
 * its "lightweight" Response keeps a string or bytes body under a private symbol. Reading `body`
 * or `arrayBuffer()` would build the real Response, which costs more than a small request's own
 * work; reading the kept body does not. Undefined when there is none to read (a stream, a real
 * Response, another runtime): then the body is read the ordinary way.
 */
function keptBody(res: Response): string | Uint8Array | null | undefined {
  const key = Object.getOwnPropertySymbols(res).find((s) => s.description === 'cache');
  const kept = key ? (res as unknown as Record<symbol, unknown>)[key] : undefined;
  if (!Array.isArray(kept)) return undefined;
  const body: unknown = kept[1];
  return body === null || typeof body === 'string' || body instanceof Uint8Array ? body : undefined;
}

export const compression = createMiddleware(async (c, next) => {
  await next();
  const res = c.res;
  if (c.req.method === 'HEAD' || res.headers.has('content-encoding')) return;
  if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
  const kept = keptBody(res);
  if (kept === null || (kept === undefined && !res.body)) return;
  const encoding = chooseEncoding(c.req.header('accept-encoding') ?? '');
  // Hono copies the old response's headers onto the new one when c.res is replaced, so the old
  // headers are the ones to change.
  res.headers.append('Vary', 'Accept-Encoding');
  const tagged = revalidates(c, res);
  const size = typeof kept === 'string' ? Buffer.byteLength(kept) : kept?.length;
  // A small body, or a client that takes none of ours, goes as it is (not re-wrapped).
  if (!tagged && (!encoding || (size !== undefined && size < MIN_BYTES))) {
    if (kept === undefined)
      c.res = new Response(await res.arrayBuffer(), {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    return;
  }
  const body =
    kept === undefined
      ? Buffer.from(await res.arrayBuffer())
      : typeof kept === 'string'
        ? Buffer.from(kept)
        : kept;
  if (tagged) {
    const etag = bodyTag(body, c.get('secureHeadersNonce'));
    res.headers.set('ETag', etag);
    if (clientHolds(c, etag)) {
      c.res = notModified(res);
      return;
    }
  }
  if (!encoding || body.length < MIN_BYTES) {
    if (kept === undefined)
      c.res = new Response(new Uint8Array(body), {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    return;
  }
  const compressed =
    encoding === 'br'
      ? brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        })
      : gzipSync(body, { level: 6 });
  res.headers.delete('Content-Length');
  res.headers.set('Content-Encoding', encoding);
  c.res = new Response(new Uint8Array(compressed), {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
});
