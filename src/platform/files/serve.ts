// Sends a stored file: the right type and name, revalidation by ETag (the content hash), and byte
// ranges so a phone on a slow connection can resume a 40 MB download and a PDF viewer can fetch
// the pages it shows. One range per request: a request for several ranges gets the whole file
// (200), which RFC 9110 allows and which every client handles — multipart/byteranges is rarely
// asked for and would be code no one uses.
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { isInlineKind } from './kinds.ts';

export interface StoredFile {
  hash: string;
  mime: string;
  size: number;
  /** The display name (see safeFileName). */
  name: string;
}

export interface ServeOptions {
  /**
   * Anyone may see the file: shared caches may keep it for a year (the URL must then name the
   * content — e.g. carry the hash — since the bytes behind it are taken to never change).
   * Otherwise only the reader's own browser keeps it, and revalidates each time.
   */
  shared: boolean;
  /** Show a PDF or an image in the browser rather than download it. Other types always download. */
  inline?: boolean;
}

const YEAR = 365 * 24 * 3600;

/** The byte range to send, or 'whole' (no usable Range), or 'unsatisfiable'. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'whole' | 'unsatisfiable' {
  if (!header) return 'whole';
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  // Several ranges, another unit or bad syntax: RFC 9110 lets the server ignore the header.
  if (!match) return 'whole';
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return 'whole';
  if (first === '') {
    // bytes=-500: the last 500 bytes.
    const length = Number(last);
    if (length === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return 'whole';
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** `attachment` or `inline`, with an ASCII name for old clients and the UTF-8 name (RFC 6266/8187). */
export function contentDisposition(type: 'attachment' | 'inline', name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encoded}`;
}

/** "Quyết định 1755.pdf" → "Quyet dinh 1755.pdf"; a name with no Latin letters → "file.pdf". */
function asciiFallback(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const stem = (dot > 0 ? name.slice(0, dot) : name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (ch) => (ch === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const safeExt = ext.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return /[a-z0-9]/i.test(stem) ? `${stem}${safeExt}` : `file${safeExt}`;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  // Weak comparison, as If-None-Match asks: W/"x" matches "x".
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Answers a GET or HEAD for a stored file from `c.var.deps.files`: 200, 206 for a single range,
 * 304 when the client's copy is current, 416 for a range past the end, 404 when the bytes are
 * missing from the store.
 */
export async function serveStoredFile(
  c: Context<AppEnv>,
  file: StoredFile,
  options: ServeOptions,
): Promise<Response> {
  const etag = `"${file.hash}"`;
  const inline = options.inline === true && isInlineKind(file.mime);
  const headers = new Headers({
    ETag: etag,
    'Cache-Control': options.shared ? `public, max-age=${YEAR}, immutable` : 'private, no-cache',
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  });
  if (etagMatches(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers });

  const size = await c.var.deps.files.size(file.hash);
  if (size === null) throw new HttpError(404, 'error.404.message');

  headers.set('Content-Type', file.mime);
  headers.set('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name));
  // A file shown in place runs no script on this site's origin, whatever it contains (a browser
  // that sniffed a type despite nosniff would still find scripts, forms and plugins switched off).
  // app.tsx lets this header stand instead of the page CSP (secureHeaders overwrite: false).
  headers.set(
    'Content-Security-Policy',
    inline
      ? "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'"
      : "default-src 'none'; sandbox",
  );

  // If-Range: the range only applies to the version the client has; otherwise send it all.
  const ifRange = c.req.header('if-range');
  const rangeHeader = ifRange === undefined || ifRange.trim() === etag ? c.req.header('range') : undefined;
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    headers.delete('Content-Disposition');
    return new Response(null, { status: 416, headers });
  }
  const status = range === 'whole' ? 200 : 206;
  const { start, end } = range === 'whole' ? { start: 0, end: size - 1 } : range;
  headers.set('Content-Length', String(end - start + 1));
  if (status === 206) headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  // HEAD: the headers of the GET, and no file opened.
  if (c.req.method === 'HEAD') return new Response(null, { status, headers });
  const stream = c.var.deps.files.stream(file.hash, status === 206 ? { start, end } : undefined);
  const body = Readable.toWeb(stream as Readable) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}
