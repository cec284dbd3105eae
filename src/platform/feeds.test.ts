// platform/feeds.ts: what renderAtom writes, read back by a real feed parser (and a strict XML
// check), ids that do not change with the site's address, and atomResponse's conditional requests
// through the whole app.
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { Hono } from 'hono';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/harness.ts';
import type { AppEnv } from './context.ts';
import { atomResponse, type FeedEntry, type FeedSpec, renderAtom } from './feeds.ts';
import { atomId, SITE_UUID_KEY, siteUuid } from './stable-ids.ts';

/** The installation's UUID of these tests (siteUuid() in the app). */
const SITE = '0d8f7a52-3b1e-4c55-9a43-5b2f0e6c1d70';

/**
 * A strict XML parser's verdict (saxes, as libxml2 would read it): fast-xml-parser's validator let
 * a `<` or a bare `&` inside an attribute through, which feed readers refuse.
 */
function expectWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (err) => {
    error ??= err.message;
  });
  parser.write(xml).close();
  expect(error).toBeNull();
}

const entry = (n: number, overrides: Partial<FeedEntry> = {}): FeedEntry => ({
  name: `news/post/${n}`,
  title: `Entry ${n}`,
  url: `https://hub.example/news/${n}`,
  updated: `2026-0${n}-10T08:00:00.000Z`,
  ...overrides,
});

const spec = (entries: FeedEntry[], overrides: Partial<FeedSpec> = {}): FeedSpec => ({
  title: 'News',
  subtitle: 'What is happening in the hub',
  selfUrl: 'https://hub.example/news/feed.atom?country=LA',
  alternateUrl: 'https://hub.example/news?country=LA',
  lang: 'lo',
  entries,
  ...overrides,
});

describe('renderAtom', () => {
  it('writes a feed a parser reads back: title, links, language, entries and dates', () => {
    const xml = renderAtom(
      spec([
        entry(1, {
          published: '2026-01-09T00:00:00.000Z',
          summary: 'First',
          authors: ['STELLA'],
          categories: ['crafts'],
        }),
        entry(3, { contentHtml: '<p>Third <strong>entry</strong></p>' }),
        entry(2),
      ]),
      'Creative Hub',
      SITE,
    );
    expectWellFormed(xml);
    const feed = parseFeed(xml);
    expect(feed.title).toBe('News');
    expect(feed.description).toBe('What is happening in the hub');
    expect(feed.self).toBe('https://hub.example/news/feed.atom?country=LA');
    expect(feed.url).toBe('https://hub.example/news?country=LA');
    expect(feed.language).toBe('lo');
    // The feed changed when its newest entry did.
    expect(feed.updated?.toISOString()).toBe('2026-03-10T08:00:00.000Z');
    expect(feed.items.map((i) => i.id)).toEqual([1, 3, 2].map((n) => atomId(SITE, `news/post/${n}`)));
    const [first, third] = feed.items;
    expect(first?.url).toBe('https://hub.example/news/1');
    expect(first?.published?.toISOString()).toBe('2026-01-09T00:00:00.000Z');
    expect(first?.updated?.toISOString()).toBe('2026-01-10T08:00:00.000Z');
    expect(first?.description).toBe('First');
    expect(first?.authors.map((a) => a.name)).toEqual(['STELLA']);
    expect(first?.categories.map((c) => c.term)).toEqual(['crafts']);
    expect(third?.content).toBe('<p>Third <strong>entry</strong></p>');
  });

  it('keeps titles in every script of the region as they are', () => {
    const titles = [
      'Hội thảo “Đối thoại” tại Huế',
      'ສູນສ້າງສັນ ສະເຕລລາ',
      'ศูนย์สร้างสรรค์เชียงใหม่',
      'មជ្ឈមណ្ឌលច្នៃប្រឌិត',
      'ဖန်တီးမှုဗဟိုဌာန',
      '文化创意产业',
    ];
    const xml = renderAtom(spec(titles.map((title, i) => entry(i + 1, { title }))), 'Hub', SITE);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(parseFeed(xml).items.map((i) => i.title)).toEqual(titles);
  });

  it('keeps a title or summary with markup as text: escaped, never live HTML', () => {
    const title = '<script>alert("x")</script> Tom & Jerry ]]> <b>not bold</b>';
    const xml = renderAtom(
      spec([entry(1, { title, summary: '<img src=x onerror=alert(1)> & co' })]),
      'Hub',
      SITE,
    );
    expectWellFormed(xml);
    // type="html" content is HTML: the markup arrives escaped, so a reader shows it as text.
    const titleXml = xml.match(/<entry>[\s\S]*?<title type="html">([\s\S]*?)<\/title>/)?.[1] ?? '';
    expect(titleXml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; Jerry');
    expect(titleXml).not.toMatch(/<script|<b>/);
    expect(xml).not.toMatch(/<img/);
    const item = parseFeed(xml).items[0];
    expect(item?.title).toBe(title);
    expect(item?.description).toBe('<img src=x onerror=alert(1)> & co');
  });

  it('names the feed and its entries with urn:uuid ids that stay when the address changes', () => {
    const ids = (xml: string) => {
      const atom = new XMLParser().parse(xml).feed;
      return [atom.id, ...parseFeed(xml).items.map((i) => i.id)];
    };
    const entries = [entry(1), entry(2)];
    const before = ids(renderAtom(spec(entries), 'Hub', SITE));
    expect(before).toHaveLength(3);
    for (const id of before)
      expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(before).size).toBe(3);
    // The site moved to its real domain and to https: links change, ids do not.
    const moved = (url: string) => url.replace('https://hub.example', 'https://culture.example.org');
    const after = renderAtom(
      spec(
        entries.map((e) => ({ ...e, url: moved(e.url) })),
        { selfUrl: moved(spec([]).selfUrl), alternateUrl: moved(spec([]).alternateUrl) },
      ),
      'Hub',
      SITE,
    );
    expect(parseFeed(after).items[0]?.url).toBe('https://culture.example.org/news/1');
    expect(ids(after)).toEqual(before);
    // Another filter is another feed; another installation has ids of its own.
    expect(
      ids(
        renderAtom(spec(entries, { selfUrl: 'https://hub.example/news/feed.atom?country=KH' }), 'Hub', SITE),
      )[0],
    ).not.toBe(before[0]);
    const elsewhere = ids(renderAtom(spec(entries), 'Hub', '7b0c1f4e-2d8a-4e6b-8c3d-1a2b3c4d5e6f'));
    expect(elsewhere.filter((id) => before.includes(id))).toEqual([]);
  });

  it('keeps a tag holding markup, quotes or an ampersand as text, in a feed that stays well formed', () => {
    const tags = ['x"><script>alert(1)</script>', 'R&D', 'Lao & Khmer <crafts>'];
    const xml = renderAtom(spec([entry(1, { categories: tags })]), 'Hub', SITE);
    expectWellFormed(xml);
    expect(xml).not.toContain('<script>');
    const feed = parseFeed(xml);
    expect(feed.items[0]?.categories.map((c) => c.term)).toEqual(tags);
  });

  it('writes an empty feed that is still valid', () => {
    const xml = renderAtom(spec([]), 'Hub', SITE);
    expectWellFormed(xml);
    const feed = parseFeed(xml);
    expect(feed.items).toEqual([]);
    expect(feed.title).toBe('News');
  });
});

describe('atomResponse', () => {
  let hub: TestPlatform;
  let entries: FeedEntry[] = [entry(1), entry(2)];
  beforeAll(async () => {
    hub = await createTestPlatform({
      extraModules: [
        {
          id: 'feed-test',
          pages: () =>
            new Hono<AppEnv>().get('/test/feed.atom', (c) =>
              atomResponse(c, spec(entries, { lang: c.var.locale })),
            ),
        },
      ],
    });
  }, 60_000);
  afterAll(() => hub.close());

  const get = (headers: Record<string, string> = {}) =>
    hub.app.request('/test/feed.atom', { headers: { 'accept-language': 'en', ...headers } });

  it('answers with the feed, an ETag and caching headers', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('etag')).toMatch(/^W\/"[\w-]{27}"$/);
    const feed = parseFeed(await res.text());
    expect(feed.items).toHaveLength(2);
    // The ids come from the installation's UUID, drawn and stored at the first feed.
    const site = await siteUuid(hub.deps.db);
    expect(feed.items.map((i) => i.id)).toEqual([atomId(site, 'news/post/1'), atomId(site, 'news/post/2')]);
    // The generator is the site (config SITE_NAME), not the library.
    expect(feed.generator?.label).toBe(hub.deps.config.siteName);
  });

  it('draws the installation’s UUID once and keeps it in settings, for every process to read', async () => {
    const stored = await hub.deps.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', SITE_UUID_KEY)
      .executeTakeFirstOrThrow();
    expect(stored.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await siteUuid(hub.deps.db)).toBe(stored.value);
    // Read afresh, as another process (or a transaction) does: the same one, not another drawn.
    await hub.deps.db.transaction().execute(async (trx) => expect(await siteUuid(trx)).toBe(stored.value));
  });

  it('answers 304 without a body while nothing changed, and 200 again when something did', async () => {
    const etag = (await get()).headers.get('etag') ?? '';
    const same = await get({ 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    // Another language is another feed.
    expect((await get({ 'if-none-match': etag, 'accept-language': 'vi' })).status).toBe(200);
    entries = [entry(1), entry(2, { updated: '2026-05-01T00:00:00.000Z' })];
    const changed = await get({ 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    entries = [entry(1)];
    expect((await get({ 'if-none-match': changed.headers.get('etag') ?? '' })).status).toBe(200);
  });
});
