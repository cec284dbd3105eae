// Revalidation and compression as a browser meets them: public pages carry an ETag made from their
// body and answer 304 to a client that holds it, until a write changes the page; a member's pages
// are never kept nor revalidated. Part of it runs through the real HTTP server (@hono/node-server),
// whose own response objects the compression reads without copying.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.tsx';
import { platformForFile } from './harness.ts';

const hub = await platformForFile({ seed: ['press'] });
const { client: editor } = await hub.signedIn('editor');

describe('ETag and 304 on public pages', () => {
  it('answers 304 to a visitor holding the page, and the new page after a write', async () => {
    const visitor = hub.client();
    await visitor.get('/press'); // the first visit sets the visitor's CSRF cookie: no ETag then
    const first = await visitor.get('/press');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');

    const again = await visitor.get('/press', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('content-type')).toBeNull();
    expect(again.headers.get('vary')).toContain('Accept-Encoding');

    // A write that shows on the page.
    await editor.get('/press');
    const created = await editor.request('/api/v1/press', {
      json: {
        outlet: 'Phnom Penh Post',
        published_on: '2024-03-02',
        title: 'Revalidated headline',
        lang: 'en',
        url: 'https://example.org/revalidated',
      },
      headers: { 'x-csrf-token': editor.csrfToken() },
    });
    expect(created.status, created.text).toBe(201);

    const after = await visitor.get('/press', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.text).toContain('Revalidated headline');
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('gives the same tag in every content coding and ignores the CSP nonce', async () => {
    const visitor = hub.client();
    await visitor.get('/press');
    const br = await visitor.get('/press', { 'accept-encoding': 'br' });
    const plain = await visitor.get('/press');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-security-policy')).not.toBe(plain.headers.get('content-security-policy'));
    expect(br.headers.get('etag')).toBe(plain.headers.get('etag'));
    const held = await visitor.get('/press', { 'if-none-match': `"x", ${plain.headers.get('etag')}` });
    expect(held.status).toBe(304);
  });

  it('sends no ETag with a response that sets a cookie (a first visit)', async () => {
    const first = await hub.client().get('/press');
    expect(first.headers.getSetCookie().length).toBeGreaterThan(0);
    expect(first.headers.get('etag')).toBeNull();
  });

  it('never marks a member’s page public, nor revalidates it', async () => {
    const { client: member } = await hub.signedIn('member');
    const page = await member.get('/press');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.headers.get('etag')).toBeNull();
    const visitor = hub.client();
    await visitor.get('/press');
    const etag = (await visitor.get('/press')).headers.get('etag') ?? '';
    const asked = await member.get('/press', { 'if-none-match': etag });
    expect(asked.status).toBe(200);
    expect(asked.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('through the HTTP server', async () => {
  const server = serve({ fetch: createApp(hub.deps).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('compresses a page, leaves a small body as it is, and revalidates', async () => {
    const page = await fetch(`${base}/press`, {
      headers: { 'accept-encoding': 'br', 'accept-language': 'en' },
    });
    expect(page.status).toBe(200);
    // fetch decodes brotli itself; the header says it came compressed.
    expect(page.headers.get('content-encoding')).toBe('br');
    const html = await page.text();
    expect(html.startsWith('<!DOCTYPE html>') && html.endsWith('</html>')).toBe(true);

    const robots = await fetch(`${base}/robots.txt`, { headers: { 'accept-encoding': 'br' } });
    expect(robots.headers.get('content-encoding')).toBeNull();
    expect(robots.headers.get('vary')).toContain('Accept-Encoding');
    expect(await robots.text()).toContain('User-agent: *');

    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');

    const cookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const headers = { 'accept-encoding': 'br', 'accept-language': 'en', cookie };
    const tagged = await fetch(`${base}/press`, { headers });
    const etag = tagged.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect(tagged.headers.get('content-encoding')).toBe('br');
    expect((await tagged.text()).startsWith('<!DOCTYPE html>')).toBe(true);
    const held = await fetch(`${base}/press`, { headers: { ...headers, 'if-none-match': etag } });
    expect(held.status).toBe(304);
  });
});
