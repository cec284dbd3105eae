// A generated file sent as a download (exports of lists, rosters and figures): never cached by
// shared caches, since what it holds depends on who asks; the name as RFC 6266 wants it.
import type { Context } from 'hono';
import { contentDisposition } from '../files/serve.ts';

export function attachment(c: Context, body: string | Uint8Array, type: string, name: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', contentDisposition('attachment', name));
  c.header('Cache-Control', 'private, no-store');
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}
