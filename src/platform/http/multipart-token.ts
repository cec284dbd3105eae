// The CSRF token of a multipart form, read from the head of the body before the rest of it: an
// upload may be 50 MB, and parsing it whole only to find a missing or forged token cost seconds of
// CPU and hundreds of MB per request, before the 403. Every form of the hub writes its `_csrf`
// field first (ui/components/form.tsx), and browsers send fields in the order of the form, so the
// token is in the first few hundred bytes. What was read is put back in front of the rest, for the
// route's own parser. Written here rather than with a multipart library: all it needs is the
// first part's name and value, and the libraries parse (and buffer) the whole stream.
import type { Context } from 'hono';

/** Past this, the first part is not a token. */
const HEAD_MAX_BYTES = 4096;

/**
 * The value of the body's first part when that part is the `_csrf` field; null when it is another
 * part or none; undefined while more bytes are needed to tell.
 */
export function tokenInHead(head: string, boundary: string): string | null | undefined {
  const opening = `--${boundary}\r\n`;
  if (head.length < opening.length) return opening.startsWith(head) ? undefined : null;
  if (!head.startsWith(opening)) return null;
  const headersEnd = head.indexOf('\r\n\r\n', opening.length);
  if (headersEnd < 0) return undefined;
  const headers = head.slice(opening.length, headersEnd).split('\r\n');
  const named = headers.some((h) => /^content-disposition:\s*form-data;\s*name="_csrf"\s*$/i.test(h));
  if (!named || headers.length !== 1) return null;
  const valueEnd = head.indexOf(`\r\n--${boundary}`, headersEnd + 4);
  if (valueEnd < 0) return undefined;
  return head.slice(headersEnd + 4, valueEnd);
}

function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** The `_csrf` field at the head of a multipart body, or null; the request keeps its whole body. */
export async function leadingFormToken(c: Context): Promise<string | null> {
  const boundary = boundaryOf(c.req.header('content-type') ?? '');
  const body = c.req.raw.body;
  if (!boundary || !body) return null;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let token: string | null | undefined;
  while (token === undefined && size < HEAD_MAX_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    // latin1 maps each byte to one character: the token and the part headers are ASCII.
    token = tokenInHead(Buffer.concat(chunks).toString('latin1'), boundary);
  }
  const head = Buffer.concat(chunks);
  const whole = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength) controller.enqueue(new Uint8Array(head));
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  // As hono/body-limit does: the route reads the same bytes, from this stream.
  c.req.raw = new Request(c.req.raw, { body: whole, duplex: 'half' } as RequestInit);
  return token ?? null;
}
