// Uploads and downloads through the whole app (its body limit, CSRF, security headers), with a
// tiny module that uploads with checkUpload and serves with serveStoredFile the way the library does.
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { BASE_URL, platformForFile } from '../../../test/harness.ts';
import { requireUser } from '../auth.ts';
import type { AppEnv, HubModule } from '../context.ts';
import { checkUpload, FILE_REFUSAL_STATUS, safeFileName, serveStoredFile } from './index.ts';
import { fixture } from './test-files.ts';

const MB = 1024 * 1024;

const filesTestModule: HubModule = {
  id: 'files-test',
  pages: (deps) => {
    const app = new Hono<AppEnv>();
    app.post('/files-test/upload', async (c) => {
      requireUser(c);
      const body = await c.req.parseBody();
      const file = body.file;
      if (!(file instanceof File)) return c.text('missing', 422);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = await checkUpload(bytes, { maxBytes: deps.config.uploadLimitBytes, name: file.name });
      if (!check.ok) return c.text(check.reason, FILE_REFUSAL_STATUS[check.reason]);
      const stored = await deps.files.put(bytes);
      return c.json({ ...stored, kind: check.kind, name: safeFileName(file.name, check.ext) }, 201);
    });
    app.get('/files-test/:hash', (c) =>
      serveStoredFile(
        c,
        {
          hash: c.req.param('hash'),
          mime: c.req.query('mime') ?? 'application/pdf',
          size: Number(c.req.query('size') ?? 0),
          name: c.req.query('name') ?? 'file.pdf',
        },
        { shared: c.req.query('shared') === '1', inline: c.req.query('inline') === '1' },
      ),
    );
    return app;
  },
};

const hub = await platformForFile({ extraModules: [filesTestModule] });
const { client } = await hub.signedIn();
const pdf = fixture('multilingual.pdf');
const { hash } = await hub.deps.files.put(pdf);

/** Every file under DATA_DIR/files. */
function storedFiles(): string[] {
  const root = path.join(hub.deps.config.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .flatMap((d) => (d.isFile() ? [d.name] : []));
}

/** The signed-in client's cookies, CSRF header and address, for requests with a raw body. */
function sessionHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': client.csrfToken(),
    'x-forwarded-for': client.ip,
    ...extra,
  });
}

/** A multipart body of `total` bytes of file content, made only as it is read; counts what was pulled. */
function lazyMultipart(total: number, csrfField?: string) {
  const boundary = 'hub-test-boundary-7f3a';
  const encoder = new TextEncoder();
  const token =
    csrfField === undefined
      ? ''
      : `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfField}\r\n`;
  const head = encoder.encode(
    `${token}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const block = new Uint8Array(MB).fill(0x20);
  let pulled = 0;
  let state: 'head' | 'body' | 'done' = 'head';
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state === 'head') {
          state = 'body';
          pulled += head.byteLength;
          controller.enqueue(head);
        } else if (pulled < total) {
          pulled += block.byteLength;
          controller.enqueue(block);
        } else if (state === 'body') {
          state = 'done';
          controller.enqueue(tail);
          controller.close();
        }
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, contentType: `multipart/form-data; boundary=${boundary}`, pulled: () => pulled };
}

function post(body: ReadableStream<Uint8Array> | FormData, headers: Headers) {
  return hub.app.request(`${BASE_URL}/files-test/upload`, {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('upload size', () => {
  const TWO_GB = 2 * 1024 * MB;

  it('refuses a 2 GB upload announced by Content-Length before reading it', async () => {
    const upload = lazyMultipart(TWO_GB);
    const res = await post(
      upload.stream,
      sessionHeaders({ 'content-type': upload.contentType, 'content-length': String(TWO_GB + 200) }),
    );
    expect(res.status).toBe(413);
    expect(upload.pulled()).toBeLessThan(MB);
    expect(storedFiles()).toEqual([hash]);
  });

  it('refuses a chunked 2 GB upload after reading a little more than the limit', async () => {
    const upload = lazyMultipart(TWO_GB);
    const res = await post(upload.stream, sessionHeaders({ 'content-type': upload.contentType }));
    expect(res.status).toBe(413);
    expect(upload.pulled()).toBeGreaterThan(50 * MB);
    expect(upload.pulled()).toBeLessThan(60 * MB);
    expect(storedFiles()).toEqual([hash]);
  }, 30_000);

  it('gives a visitor only the form limit: a visitor has no upload to make', async () => {
    const upload = lazyMultipart(TWO_GB);
    const res = await post(upload.stream, new Headers({ 'content-type': upload.contentType }));
    expect(res.status).toBe(413);
    expect(upload.pulled()).toBeLessThanOrEqual(hub.deps.config.bodyLimitBytes + 2 * MB);
  }, 30_000);

  it('reads only the head of a member’s upload to find its CSRF token, and refuses a wrong one there', async () => {
    const headers = () => {
      const h = sessionHeaders();
      h.delete('x-csrf-token');
      return h;
    };
    for (const token of ['forged-token-of-the-right-length-000', undefined]) {
      const upload = lazyMultipart(TWO_GB, token);
      const h = headers();
      h.set('content-type', upload.contentType);
      const res = await post(upload.stream, h);
      expect(res.status).toBe(403);
      expect(upload.pulled()).toBeLessThan(2 * MB);
    }
    // The right token at the head: the body goes on to the route, whole (and here past its limit).
    const upload = lazyMultipart(TWO_GB, client.csrfToken());
    const h = headers();
    h.set('content-type', upload.contentType);
    const res = await post(upload.stream, h);
    expect(res.status).toBe(413);
    expect(upload.pulled()).toBeGreaterThan(50 * MB);
    // And a real form with the token first is parsed whole by the route.
    const form = new FormData();
    form.set('_csrf', client.csrfToken());
    form.set('file', new File([new Uint8Array(pdf)], 'policy.pdf', { type: 'application/pdf' }));
    const stored = await post(form, headers());
    expect([200, 201]).toContain(stored.status);
  }, 60_000);

  it('lets a 50 MB file through the body limit to the checks (the default UPLOAD_LIMIT_MB)', async () => {
    expect(hub.deps.config.uploadLimitBytes).toBe(50 * MB);
    const form = new FormData();
    form.set('title', 'A policy');
    form.set('file', new File([new Uint8Array(50 * MB)], 'zeros.pdf', { type: 'application/pdf' }));
    const res = await post(form, sessionHeaders());
    // Past the body limit: refused by the content check (zeros are no known type), not with 413.
    expect(res.status).toBe(415);
    expect(storedFiles()).toEqual([hash]);
  }, 30_000);

  it('stores an accepted upload under its hash, and nothing of a refused one', async () => {
    const form = new FormData();
    form.set('file', new File([new TextEncoder().encode('<html><script>alert(1)</script>')], 'x.pdf'));
    expect((await post(form, sessionHeaders())).status).toBe(415);
    expect(storedFiles()).toEqual([hash]);

    // Another PDF than the one already stored: the same with a line break after %%EOF.
    const another = new Uint8Array(Buffer.concat([pdf, Buffer.from('\n')]));
    const ok = new FormData();
    ok.set('file', new File([another], '../../Quyết định 1755.PDF', { type: 'application/octet-stream' }));
    const res = await post(ok, sessionHeaders());
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { hash: string; size: number; kind: string; name: string };
    expect(stored).toMatchObject({ kind: 'pdf', size: another.byteLength, name: 'Quyết định 1755.pdf' });
    expect(storedFiles().sort()).toEqual([hash, stored.hash].sort());
  });
});

describe('serveStoredFile', () => {
  const url = (query: Record<string, string> = {}) =>
    `/files-test/${hash}?${new URLSearchParams({ name: 'Quyết định 1755.pdf', ...query })}`;
  const get = (query: Record<string, string> = {}, headers: Record<string, string> = {}, method = 'GET') =>
    hub.app.request(`${BASE_URL}${url(query)}`, { method, headers });
  const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

  it('sends the file with its type, a name that survives any language, and an ETag', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(pdf.byteLength));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toBe(`"${hash}"`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain('filename="Quyet dinh 1755.pdf"');
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
    expect(encoded).toMatch(/^[\x21-\x7e]+$/);
    expect(decodeURIComponent(encoded)).toBe('Quyết định 1755.pdf');
    expect(await bytes(res)).toEqual(pdf);
  });

  it('gives a name in a script without Latin letters an ASCII fallback of file.ext', async () => {
    const res = await get({ name: "ນະໂຍບາຍ (ສະບັບ 'ໃໝ່').pdf" });
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain('filename="file.pdf"');
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
    expect(encoded).not.toMatch(/['()]/);
    expect(decodeURIComponent(encoded)).toBe("ນະໂຍບາຍ (ສະບັບ 'ໃໝ່').pdf");
  });

  it('lets shared files be cached for a year, and shows PDFs inline in a sandbox when asked', async () => {
    const res = await get({ shared: '1', inline: '1' });
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; /);
    // The file's own policy, not the pages' (which allows the site's scripts).
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/(^|; )sandbox(;|$)/);
    expect(csp).not.toContain('script-src');
    // Other kinds are always downloaded.
    const docx = await get({
      inline: '1',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      name: 'a.docx',
    });
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('answers each form of a single byte range with 206', async () => {
    const size = pdf.byteLength;
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=100-', 100, size - 1],
      ['bytes=-500', size - 500, size - 1],
      ['bytes=40000-999999', 40000, size - 1],
    ] as const) {
      const res = await get({}, { range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(res.headers.get('content-length'), range).toBe(String(end - start + 1));
      expect(await bytes(res), range).toEqual(pdf.subarray(start, end + 1));
    }
  });

  it('answers a range past the end with 416, and several ranges with the whole file', async () => {
    const size = pdf.byteLength;
    for (const range of [`bytes=${size}-`, 'bytes=-0']) {
      const res = await get({}, { range });
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${size}`);
    }
    const multi = await get({}, { range: 'bytes=0-9,20-29' });
    expect(multi.status).toBe(200);
    expect((await bytes(multi)).byteLength).toBe(size);
    // Not bytes, or not a range: ignored.
    expect((await get({}, { range: 'pages=1-2' })).status).toBe(200);
    expect((await get({}, { range: 'bytes=50-10' })).status).toBe(200);
  });

  it('revalidates by ETag and honours If-Range', async () => {
    const notModified = await get({}, { 'if-none-match': `"other", "${hash}"` });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(`"${hash}"`);
    expect(await notModified.text()).toBe('');
    expect((await get({}, { 'if-none-match': '"other"' })).status).toBe(200);
    expect((await get({}, { range: 'bytes=0-9', 'if-range': `"${hash}"` })).status).toBe(206);
    const changed = await get({}, { range: 'bytes=0-9', 'if-range': '"an-older-version"' });
    expect(changed.status).toBe(200);
    expect((await bytes(changed)).byteLength).toBe(pdf.byteLength);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get({}, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(pdf.byteLength));
    expect(head.headers.get('etag')).toBe(`"${hash}"`);
    expect(await head.text()).toBe('');
    const ranged = await get({}, { range: 'bytes=0-99' }, 'HEAD');
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 0-99/${pdf.byteLength}`);
  });

  it('answers 404 when the store has no such file', async () => {
    const res = await hub.app.request(`${BASE_URL}/files-test/${'0'.repeat(64)}`);
    expect(res.status).toBe(404);
    const notHash = await hub.app.request(`${BASE_URL}/files-test/..%2F..%2Fetc%2Fpasswd`);
    expect(notHash.status).toBe(404);
  });
});
