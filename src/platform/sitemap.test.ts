// /sitemap.xml and robots.txt through the whole app, on SQLite or PostgreSQL: the home page and the
// modules' public pages (published organisations and profiles, the events' lists, calendar, feed
// and reports, never hidden or draft ones), each with its URL in every UI language, well-formed
// for a strict XML parser, and split into an index of parts beyond SITEMAP_MAX_URLS pages.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, createTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { LOCALES } from '../locales/index.ts';
import { insertOrganisation as createOrganisation } from '../modules/directory/actions/organisations.ts';
import { organisationInputSchema } from '../modules/directory/schemas.ts';
import { organisationForm } from '../modules/directory/test-fixtures.ts';
import { createPerson } from '../modules/people/actions/profiles.ts';
import { personInput } from '../modules/people/schemas.ts';
import { systemContext } from './actions.ts';
import type { HubModule, SitemapEntry } from './context.ts';
import { SITEMAP_MAX_URLS } from './sitemap.ts';

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

async function getXml(hub: TestPlatform, path: string) {
  const res = await hub.app.request(path);
  const text = await res.text();
  return { res, text, xml: res.status === 200 ? parser.parse(text) : null };
}

const person = (name: string, status: string) =>
  personInput.parse({ name, lang: 'lo', bio: '', status, contact_visibility: 'hidden' });

describe('the sitemap of a small hub', () => {
  let hub: TestPlatform;
  const slugs: Record<string, string> = {};

  beforeAll(async () => {
    hub = await createTestPlatform();
    const { db } = hub.deps;
    for (const [key, status] of [
      ['published', 'published'],
      ['hidden', 'hidden'],
      ['pending', 'pending'],
    ] as const) {
      const org = await createOrganisation(
        db,
        organisationInputSchema.parse(organisationForm({ name: `Weavers ${key} ${status}` })),
        null,
        status,
      );
      slugs[`org-${key}`] = org.slug;
    }
    for (const status of ['published', 'draft', 'hidden'] as const) {
      const p = await createPerson(systemContext(hub.deps, 'seed'), {
        ...person(`Person ${status}`, status),
        owner: 'none',
      });
      slugs[`person-${status}`] = p.slug;
    }
  }, 60_000);
  afterAll(() => hub.close());

  it('is well-formed XML in the sitemaps.org namespace', async () => {
    const { res, text } = await getXml(hub, '/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain(
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    );
  });

  it('lists the home page and published organisations and profiles with their last change, and nothing hidden', async () => {
    const { xml } = await getXml(hub, '/sitemap.xml');
    const urls: { loc: string; lastmod?: string }[] = xml.urlset.url;
    const locs = urls.map((u) => u.loc);
    expect(locs).toContain('http://hub.test/');
    expect(locs).toContain('http://hub.test/directory');
    expect(locs).toContain('http://hub.test/directory/people');
    const org = await hub.deps.db
      .selectFrom('organisations')
      .select('updated_at')
      .where('slug', '=', slugs['org-published'] ?? '')
      .executeTakeFirstOrThrow();
    expect(urls.find((u) => u.loc === `http://hub.test/directory/${slugs['org-published']}`)?.lastmod).toBe(
      org.updated_at,
    );
    expect(locs).toContain(`http://hub.test/directory/people/${slugs['person-published']}`);
    for (const key of ['org-hidden', 'org-pending']) {
      expect(locs).not.toContain(`http://hub.test/directory/${slugs[key]}`);
    }
    for (const key of ['person-draft', 'person-hidden']) {
      expect(locs).not.toContain(`http://hub.test/directory/people/${slugs[key]}`);
    }
    // Every listed page answers to a visitor.
    for (const loc of locs) {
      const page = await hub.app.request(loc.replace('http://hub.test', ''), {
        headers: { 'accept-language': 'en' },
      });
      expect(page.status, loc).toBe(200);
    }
  });

  it('is named in robots.txt', async () => {
    const res = await hub.app.request('/robots.txt');
    expect(await res.text()).toContain('Sitemap: http://hub.test/sitemap.xml');
  });

  it('has no numbered parts while it fits in one file', async () => {
    expect((await hub.app.request('/sitemap-1.xml')).status).toBe(404);
  });
});

describe('a sitemap beyond one file’s pages', () => {
  let hub: TestPlatform;
  const MANY = SITEMAP_MAX_URLS + 1;
  // A module with one page more than a file holds, yielded as a store would in batches.
  const manyPages: HubModule = {
    id: 'many-pages',
    async *sitemap(): AsyncIterable<SitemapEntry> {
      for (let i = 1; i <= MANY; i++) yield { path: `/many/${i}?a=1&b=<${i}>`, lastmod: '2026-11-20' };
    },
  };

  beforeAll(async () => {
    hub = await createTestPlatform({ extraModules: [manyPages] });
  }, 60_000);
  afterAll(() => hub.close());

  it('becomes an index of numbered parts of at most SITEMAP_MAX_URLS pages each', async () => {
    const index = await getXml(hub, '/sitemap.xml');
    expect(XMLValidator.validate(index.text)).toBe(true);
    expect(index.text).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const parts: { loc: string }[] = index.xml.sitemapindex.sitemap;
    expect(parts.map((p) => p.loc)).toEqual([
      'http://hub.test/sitemap-1.xml',
      'http://hub.test/sitemap-2.xml',
    ]);

    const first = await getXml(hub, '/sitemap-1.xml');
    expect(XMLValidator.validate(first.text)).toBe(true);
    const firstUrls: { loc: string }[] = first.xml.urlset.url;
    expect(firstUrls).toHaveLength(SITEMAP_MAX_URLS);
    expect(firstUrls[0]?.loc).toBe('http://hub.test/');
    const second = await getXml(hub, '/sitemap-2.xml');
    const secondUrls: { loc: string }[] = second.xml.urlset.url;
    const all = [...firstUrls, ...secondUrls].map((u) => u.loc);
    // Every page once, the last of the fake module's included; the values are escaped in the XML.
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain(`http://hub.test/many/${MANY}?a=1&b=<${MANY}>`);
    expect(second.text).toContain(`/many/${MANY}?a=1&amp;b=&lt;${MANY}&gt;`);
    expect((await hub.app.request('/sitemap-3.xml')).status).toBe(404);
    expect((await hub.app.request('/sitemap-0.xml')).status).toBe(404);
  });
});

describe('the events in the sitemap, and every page in every language', () => {
  let hub: TestPlatform;
  // xhtml:link elements as arrays of their attributes.
  const withLinks = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'url' || name === 'xhtml:link',
  });
  type Url = { loc: string; 'xhtml:link': { rel: string; hreflang: string; href: string }[] };
  let urls: Url[] = [];

  beforeAll(async () => {
    hub = await createTestPlatform({ seed: ['directory', 'people', 'events'] });
    const text = await (await hub.app.request('/sitemap.xml')).text();
    expect(XMLValidator.validate(text)).toBe(true);
    urls = withLinks.parse(text).urlset.url;
  }, 60_000);
  afterAll(() => hub.close());

  it('lists the lists of upcoming and past events, the calendar, its feed, each published event and each held one’s report', async () => {
    const locs = urls.map((u) => u.loc.replace(BASE_URL, ''));
    expect(locs).toEqual(
      expect.arrayContaining(['/events', '/events?when=past', '/events/calendar', '/events.ics']),
    );
    const events = await hub.deps.db.selectFrom('events').select(['slug', 'status']).execute();
    expect(events.some((e) => e.status === 'held')).toBe(true);
    for (const e of events) {
      expect(locs.includes(`/events/${e.slug}`), e.slug).toBe(e.status !== 'draft');
      expect(locs.includes(`/events/${e.slug}/report`), e.slug).toBe(e.status === 'held');
    }
  });

  it('gives every page its URL in each UI language and the negotiated one as x-default', () => {
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      const links = url['xhtml:link'];
      expect(
        links.map((l) => l.hreflang),
        url.loc,
      ).toEqual([...LOCALES, 'x-default']);
      expect(links.every((l) => l.rel === 'alternate')).toBe(true);
      expect(links.find((l) => l.hreflang === 'x-default')?.href).toBe(url.loc);
      for (const link of links.filter((l) => l.hreflang !== 'x-default')) {
        const href = new URL(link.href);
        expect(href.searchParams.get('lang'), link.href).toBe(link.hreflang);
        href.searchParams.delete('lang');
        expect(href.toString(), link.href).toBe(new URL(url.loc).toString());
      }
    }
  });

  it('has every URL answer a visitor, each language’s page in its language', async () => {
    for (const [i, url] of urls.entries()) {
      const page = await hub.app.request(url.loc.replace(BASE_URL, ''), {
        headers: { 'accept-language': 'en' },
      });
      expect(page.status, url.loc).toBe(200);
      // One language per page, in turn, so that every language is tried on every kind of page.
      const code = LOCALES[i % LOCALES.length] ?? 'en';
      const href = url['xhtml:link'].find((l) => l.hreflang === code)?.href ?? '';
      const translated = await hub.app.request(href.replace(BASE_URL, ''), {
        headers: { 'accept-language': 'en' },
      });
      expect(translated.status, href).toBe(200);
      if ((translated.headers.get('content-type') ?? '').includes('text/html'))
        expect(await translated.text(), href).toContain(`<html lang="${code}"`);
    }
  });
});
