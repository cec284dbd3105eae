// The press feeds and sitemap entries, on SQLite or PostgreSQL: /press/feed.atom (all clippings, and
// with the list's filters) read by a real feed parser, conditional requests, and /sitemap.xml.
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { platformForFile, visitorAt } from '../../../test/harness.ts';
import { atomId, siteUuid } from '../../platform/stable-ids.ts';

const hub = await platformForFile({ seed: ['press'] });

async function feedOf(path: string, headers: Record<string, string> = {}) {
  const res = await hub.app.request(path, { headers: { 'accept-language': 'en', ...headers } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const xml = await res.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  return { feed: parseFeed(xml), res, xml };
}

describe('/press/feed.atom', () => {
  it('carries every clipping newest first, with original titles, translations, links and dates', async () => {
    const { feed } = await feedOf('/press/feed.atom');
    expect(feed.title).toBe('Press coverage');
    expect(feed.self).toBe('http://hub.test/press/feed.atom');
    expect(feed.url).toBe('http://hub.test/press');
    expect(feed.language).toBe('en');
    expect(feed.items).toHaveLength(9);
    const first = feed.items[0];
    expect(first?.title).toBe(
      'Hội thảo "Đôi thoại về vai trò của các không gian sáng tạo trong nền kinh tế sáng tạo tại Việt Nam" — A policy dialogue on the role of creative hubs in the creative economy in Viet Nam',
    );
    expect(first?.url).toMatch(/^http:\/\/hub\.test\/press\/\d+$/);
    expect(first?.published?.toISOString()).toBe('2016-11-26T00:00:00.000Z');
    expect(feed.items.at(-1)?.published?.toISOString()).toBe('2016-07-14T00:00:00.000Z');
    expect(first?.authors.map((a) => a.name)).toEqual(['Song Huong Magazine']);
    // The summary's Markdown arrives as HTML content.
    const thanhNien = feed.items.find((i) => i.authors.some((a) => a.name === 'Thanh Nien Online'));
    expect(thanhNien?.content).toContain('<strong>Đổi thoại về không gian sáng tạo tại VN</strong>');
  });

  it('follows the list’s filters, titled by them, with a self link of its own', async () => {
    const { feed } = await feedOf('/press/feed.atom?outlet=Song+Huong+Magazine');
    expect(feed.title).toBe('Press coverage: Song Huong Magazine');
    expect(feed.self).toBe('http://hub.test/press/feed.atom?outlet=Song+Huong+Magazine');
    expect(feed.items.map((i) => i.published?.toISOString().slice(0, 10))).toEqual([
      '2016-11-26',
      '2016-10-12',
    ]);

    const english = await feedOf('/press/feed.atom?language=en&year=2016');
    expect(english.feed.items.map((i) => i.title)).toEqual([
      'Creative hubs in Viet Nam receive spotlight during National policy dialogue',
    ]);
    const none = await feedOf('/press/feed.atom?year=2015');
    expect(none.feed.items).toHaveLength(0);
  });

  it('names the feed and its entries by the installation and the clipping, so a new address keeps them', async () => {
    const ids = async (res: Response) => {
      const xml = await res.text();
      return { feed: new XMLParser().parse(xml).feed.id, items: parseFeed(xml).items };
    };
    const path = '/press/feed.atom?outlet=Song+Huong+Magazine';
    const here = await ids(await hub.app.request(path, { headers: { 'accept-language': 'en' } }));
    const site = await siteUuid(hub.deps.db);
    const clippings = await hub.deps.db
      .selectFrom('press_clippings')
      .select('id')
      .where('outlet', '=', 'Song Huong Magazine')
      .execute();
    expect(here.items.map((i) => i.id).sort()).toEqual(
      clippings.map((c) => atomId(site, `press/clipping/${c.id}`)).sort(),
    );
    expect(here.feed).toMatch(/^urn:uuid:/);
    const moved = await visitorAt(hub, 'https://culture.example.org').get(path);
    const there = await ids(new Response(moved.text));
    expect(there.items.map((i) => i.url)).toEqual(
      here.items.map((i) => i.url?.replace('http://hub.test', 'https://culture.example.org')),
    );
    expect(there.items.map((i) => i.id)).toEqual(here.items.map((i) => i.id));
    expect(there.feed).toBe(here.feed);
  });

  it('speaks the reader’s language and answers 304 while nothing changed', async () => {
    const vi = await feedOf('/press/feed.atom', { 'accept-language': 'vi' });
    expect(vi.feed.title).toBe('Báo chí đưa tin');
    // A Vietnamese reader gets the Vietnamese titles alone (no translation to add).
    const toQuoc = vi.feed.items.find((i) => i.authors.some((a) => a.name === 'National Times'));
    expect(toQuoc?.title).toBe(
      'Hội thảo “Đối thoại về vai trò của các không gian sáng tạo trong nền kinh tế sáng tạo tại Việt Nam”',
    );
    const etag = vi.res.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await hub.app.request('/press/feed.atom', {
      headers: { 'accept-language': 'vi', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const english = await hub.app.request('/press/feed.atom', {
      headers: { 'accept-language': 'en', 'if-none-match': etag },
    });
    expect(english.status).toBe(200);
  });
});

describe('/sitemap.xml', () => {
  it('lists the press page and every clipping with its last change', async () => {
    const res = await hub.app.request('/sitemap.xml');
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser().parse(xml);
    const urls: { loc: string; lastmod?: string }[] = parsed.urlset.url;
    const locs = urls.map((u) => u.loc);
    expect(locs).toContain('http://hub.test/press');
    const ids = await hub.deps.db.selectFrom('press_clippings').select(['id', 'updated_at']).execute();
    for (const { id, updated_at } of ids) {
      expect(urls.find((u) => u.loc === `http://hub.test/press/${id}`)?.lastmod).toBe(updated_at);
    }
  });
});
