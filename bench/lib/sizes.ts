// Transfer sizes as a browser sees them: the body bytes on the wire with `Accept-Encoding: gzip, br`
// and the same body decoded, for a response and for the CSS and JavaScript a page links.
import http from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export const ACCEPT_ENCODING = 'gzip, br';

export interface Transfer {
  url: string;
  status: number;
  /** Content-Encoding of the response, or null when it was sent as is. */
  encoding: string | null;
  /** Body bytes on the wire (compressed when `encoding` is set). */
  wireBytes: number;
  /** Body bytes after decoding. */
  bytes: number;
}

export interface PageSizes {
  response: Transfer;
  css: Transfer[];
  js: Transfer[];
  /** Response plus its stylesheets, compressed: what the page budget counts. */
  withCssWireBytes: number;
  jsWireBytes: number;
}

/** One GET with raw (undecoded) body bytes; Node's fetch would decode them before we could count. */
export function fetchRaw(
  url: string,
  headers: Record<string, string> = {},
): Promise<Transfer & { body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': ACCEPT_ENCODING, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        try {
          const wire = Buffer.concat(parts);
          const encoding = res.headers['content-encoding'] ?? null;
          const body = decode(wire, encoding);
          resolve({
            url,
            status: res.statusCode ?? 0,
            encoding,
            wireBytes: wire.length,
            bytes: body.length,
            body,
          });
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`Timed out fetching ${url}`)));
  });
}

function decode(body: Buffer, encoding: string | null): Buffer {
  switch (encoding) {
    case null:
    case 'identity':
      return body;
    case 'gzip':
      return gunzipSync(body);
    case 'br':
      return brotliDecompressSync(body);
    case 'deflate':
      return inflateSync(body);
    default:
      throw new Error(`Unexpected Content-Encoding: ${encoding}`);
  }
}

/** Measures a response and, for HTML, the stylesheets and scripts it links. */
export async function measurePage(url: string, headers: Record<string, string> = {}): Promise<PageSizes> {
  const { body, ...response } = await fetchRaw(url, headers);
  const isHtml = body.subarray(0, 200).toString('utf8').toLowerCase().includes('<!doctype html');
  const html = isHtml ? body.toString('utf8') : '';
  const strip = ({ body: _body, ...transfer }: Transfer & { body: Buffer }): Transfer => transfer;
  const css = await Promise.all(linked(html, 'stylesheet').map((u) => fetchRaw(new URL(u, url).href)));
  const js = await Promise.all(linked(html, 'script').map((u) => fetchRaw(new URL(u, url).href)));
  const sum = (list: Transfer[]) => list.reduce((n, t) => n + t.wireBytes, 0);
  return {
    response,
    css: css.map(strip),
    js: js.map(strip),
    withCssWireBytes: response.wireBytes + sum(css),
    jsWireBytes: sum(js),
  };
}

/** URLs of `<link rel="stylesheet" href>` or `<script src>` elements in a page. */
function linked(html: string, kind: 'stylesheet' | 'script'): string[] {
  const tags = kind === 'stylesheet' ? html.match(/<link\b[^>]*>/gi) : html.match(/<script\b[^>]*>/gi);
  const urls = (tags ?? []).flatMap((tag) => {
    if (kind === 'stylesheet' && !/\brel=["']?stylesheet\b/i.test(tag)) return [];
    const attr = kind === 'stylesheet' ? 'href' : 'src';
    const value = new RegExp(`\\b${attr}=["']([^"']+)["']`, 'i').exec(tag)?.[1];
    return value ? [value.replaceAll('&amp;', '&')] : [];
  });
  return [...new Set(urls)];
}
