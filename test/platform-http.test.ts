// What every response of the platform gets: security headers, compression, cached assets, error
// pages in the reader's language (or problem+json under /api), health checks, the OpenAPI document.

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv, HubModule } from '../src/platform/context.ts';
import { translator } from '../src/platform/i18n.ts';
import { createTestPlatform, platformForFile, visibleText } from './harness.ts';
import { accountRow } from './records.ts';

// A module whose only page fails, to see what a reader gets when the code has a bug.
const failingModule: HubModule = {
  id: 'failing',
  pages: () =>
    new Hono<AppEnv>().get('/boom', () => {
      throw new Error('secret internal detail');
    }),
};

const hub = await platformForFile({ extraModules: [failingModule], env: { BODY_LIMIT_KB: '16' } });

describe('headers', () => {
  it('sends a CSP with a fresh nonce and the other security headers', async () => {
    const a = await hub.client().get('/');
    const b = await hub.client().get('/');
    const csp = a.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+'/);
    expect(csp).not.toBe(b.headers.get('content-security-policy'));
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(a.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('sends HSTS and a __Host- visitor cookie only when the hub is served over https', async () => {
    const plain = await hub.client().get('/login');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.getSetCookie().some((c) => c.startsWith('hub_csrf='))).toBe(true);
    const secure = await createTestPlatform({ env: { BASE_URL: 'https://hub.example.org' } });
    try {
      const res = await secure.client().get('/login');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-hub_csrf=')) ?? '';
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/Domain=/i);
      // The prefixed cookie is the one the forms are checked against.
      const client = secure.client();
      await client.get('/register');
      expect(client.cookies.has('__Host-hub_csrf')).toBe(true);
      const sent = await client.submit('/login', '/login', {
        email: 'nobody@example.org',
        password: 'x'.repeat(12),
      });
      expect(sent.status).toBe(401);
    } finally {
      await secure.close();
    }
  });

  it('puts no inline event handlers or inline styles in pages', async () => {
    for (const path of ['/', '/login', '/register', '/api/docs']) {
      const page = await hub.client().get(path);
      expect(page.text).not.toMatch(/\son[a-z]+=/i);
      expect(page.text).not.toMatch(/\sstyle=/i);
      expect(page.text.startsWith('<!DOCTYPE html>')).toBe(true);
    }
  });

  it('compresses pages with brotli, or gzip for clients without it', async () => {
    const plain = await hub.app.request('/');
    const html = await plain.text();
    const br = await hub.app.request('/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    const unpacked = brotliDecompressSync(brBytes).toString();
    expect(unpacked.startsWith('<!DOCTYPE html>') && unpacked.endsWith('</html>')).toBe(true);
    // Only the per-visitor CSRF token differs between the two renderings.
    expect(unpacked.length).toBe(html.length);
    const gz = await hub.app.request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toContain('<!DOCTYPE html>');
    expect(brBytes.length).toBeLessThan(html.length / 2);
    const refused = await hub.app.request('/', { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });
});

describe('static assets', () => {
  it('serves the stylesheet at a hashed URL with a year-long immutable cache, precompressed', async () => {
    const page = await hub.client().get('/');
    const href = page.text.match(/href="(\/assets\/app\.[0-9a-f]{10}\.css)"/)?.[1];
    expect(href).toBeTruthy();
    const res = await hub.app.request(href ?? '', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toContain('text/css');
    const stale = await hub.app.request('/assets/app.0000000000.css');
    expect(stale.status).toBe(404);
  });
});

describe('error pages', () => {
  it('answers 404 with a page in the reader’s language', async () => {
    const client = hub.client();
    const en = await client.get('/no/such/page');
    expect(en.status).toBe(404);
    expect(visibleText(en.text)).toContain('Page not found');
    const lo = await client.get('/no/such/page', { 'accept-language': 'lo-LA,lo;q=0.9,en;q=0.5' });
    expect(lo.status).toBe(404);
    expect(lo.text).toContain('<html lang="lo"');
    expect(lo.text).toContain(translator('lo')('error.404.title'));
  });

  it('answers 404 under /api as problem+json', async () => {
    const res = await hub.client().get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.parse(res.text)).toMatchObject({
      status: 404,
      title: 'Page not found',
      instance: '/api/v1/nothing-here',
    });
  });

  it('shows a 500 page with a request id and no stack trace', async () => {
    const res = await hub.client().get('/boom');
    expect(res.status).toBe(500);
    const text = visibleText(res.text);
    expect(text).toContain('Something went wrong');
    const id = res.headers.get('x-request-id') ?? '';
    expect(text).toContain(id);
    expect(res.text).not.toContain('secret internal detail');
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a body over the limit with 413', async () => {
    const client = hub.client();
    await client.get('/register');
    const res = await client.request('/register', {
      form: { name: 'x'.repeat(20_000), email: 'a@example.org', password: 'long enough password' },
    });
    expect(res.status).toBe(413);
    expect(visibleText(res.text)).toContain('larger than the hub accepts (16 KB)');
  });

  it('answers malformed JSON with 400 problem+json, not 500', async () => {
    const user = await hub.createUser();
    const { createApiToken } = await import('../src/platform/auth.ts');
    const { token } = await createApiToken(hub.deps.db, user.id, 't');
    const res = await hub.app.request('/api/v1/me', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('languages', () => {
  it('chooses account setting over cookie over Accept-Language over the default', async () => {
    const client = hub.client();
    expect((await client.get('/', { 'accept-language': 'km-KH,km;q=0.9' })).text).toContain(
      '<html lang="km"',
    );
    expect((await client.get('/', { 'accept-language': 'zh-CN,zh;q=0.9' })).text).toContain(
      '<html lang="zh-Hans"',
    );
    expect((await client.get('/', { 'accept-language': 'zh-TW' })).text).toContain('<html lang="en"');
    await client.get('/');
    const switched = await client.request('/language', { form: { locale: 'th', next: '/login' } });
    expect(switched.status).toBe(303);
    expect(switched.location).toBe('/login');
    expect((await client.get('/', { 'accept-language': 'km' })).text).toContain('<html lang="th"');

    const user = await hub.createUser();
    await hub.deps.db.updateTable('users').set({ locale: 'vi' }).where('id', '=', user.id).execute();
    await hub.signInAs(user, client);
    expect((await client.get('/', { 'accept-language': 'km' })).text).toContain('<html lang="vi"');
    // Switching while logged in changes the account setting too.
    await client.request('/language', { form: { locale: 'my', next: '/' } });
    expect((await accountRow(hub, user.id)).locale).toBe('my');
    expect((await client.get('/')).text).toContain('<html lang="my"');
  });

  it('refuses an unknown locale and keeps the current one', async () => {
    const client = hub.client();
    await client.get('/');
    const res = await client.request('/language', { form: { locale: 'xx', next: '/' } });
    expect(res.status).toBe(400);
    expect(visibleText(res.text)).toContain('This language is not available.');
    expect((await client.get('/')).text).toContain('<html lang="en"');
  });

  it('does not follow a language switch to another site', async () => {
    const client = hub.client();
    await client.get('/');
    const res = await client.request('/language', { form: { locale: 'lo', next: 'https://evil.example/' } });
    expect(res.location).toBe('/');
  });
});

describe('operations', () => {
  it('reports liveness and readiness', async () => {
    const health = await hub.client().get('/healthz');
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
    const ready = await hub.client().get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: 'ok', database: hub.deps.dialect });
  });

  it('publishes a valid OpenAPI 3.1 document and a readable reference', async () => {
    const res = await hub.client().get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/me', '/users', '/users/{id}']));
    const page = await hub.client().get('/api/docs');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('GET /api/v1/me');
    expect(text).toContain('PATCH /api/v1/users/{id}');
  });
});
