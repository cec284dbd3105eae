// One URL per language, through the whole app on SQLite or PostgreSQL: `?lang=` decides a
// response's language over the account, the cookie and Accept-Language without setting anything;
// every public page's head (read with htmlparser2) names its canonical URL and its URL in each UI
// language plus x-default; caches are told what a response's language depends on.
import { DomUtils, parseDocument } from 'htmlparser2';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { BASE_URL, platformForFile } from '../../../test/harness.ts';
import { LOCALES } from '../../locales/index.ts';
import { translator } from '../i18n.ts';

const hub = await platformForFile({ seed: ['directory', 'people', 'events', 'press'] });
const HELD = 'policy-dialogue-creative-hubs-hue-2016';

/** What the head of a page says of its language and its URLs. */
function headOf(html: string) {
  const doc = parseDocument(html);
  const root = DomUtils.findOne((e) => e.name === 'html', doc.children);
  const head = DomUtils.findOne((e) => e.name === 'head', doc.children);
  const links = head ? DomUtils.getElementsByTagName('link', head.children, false) : [];
  const alternates = new Map(
    links
      .filter((l) => l.attribs.rel === 'alternate' && l.attribs.hreflang)
      .map((l) => [l.attribs.hreflang, l.attribs.href]),
  );
  const canonicals = links.filter((l) => l.attribs.rel === 'canonical').map((l) => l.attribs.href);
  const ogUrl = DomUtils.findOne((e) => e.name === 'meta' && e.attribs.property === 'og:url', doc.children);
  return { lang: root?.attribs.lang, canonicals, alternates, ogUrl: ogUrl?.attribs.content };
}

const get = (path: string, headers: Record<string, string> = {}) => hub.app.request(path, { headers });

describe('a page in each language', () => {
  const pages = [
    '/',
    '/events',
    '/events?when=past',
    '/events/calendar',
    `/events/${HELD}`,
    `/events/${HELD}/report`,
    '/directory',
    '/directory/stella',
    '/directory/people',
    '/press',
  ];

  it.each(pages)(
    '%s names its canonical URL, each language’s URL and x-default, and each answers in its language',
    async (path) => {
      const res = await get(path, { 'accept-language': 'vi' });
      expect(res.status).toBe(200);
      const head = headOf(await res.text());
      expect(head.lang).toBe('vi');
      const url = `${BASE_URL}${path}`;
      expect(head.canonicals).toEqual([url]);
      expect([...head.alternates.keys()]).toEqual([...LOCALES, 'x-default']);
      expect(head.alternates.get('x-default')).toBe(url);
      for (const code of LOCALES) {
        const href = head.alternates.get(code) ?? '';
        expect(new URL(href).searchParams.get('lang'), href).toBe(code);
        // Each language's page: in that language whatever the browser says, its own canonical URL,
        // and the same set of alternates.
        const page = await get(href.replace(BASE_URL, ''), { 'accept-language': 'vi' });
        expect(page.status, href).toBe(200);
        const itsHead = headOf(await page.text());
        expect(itsHead.lang, href).toBe(code);
        expect(itsHead.canonicals, href).toEqual([href]);
        expect(itsHead.ogUrl, href).toBe(href);
        expect(itsHead.alternates, href).toEqual(head.alternates);
      }
    },
  );

  it('keeps the other parameters of the page’s URL in its languages', async () => {
    const head = headOf(await (await get('/events/calendar?month=2016-11&lang=th')).text());
    expect(head.lang).toBe('th');
    expect(head.canonicals).toEqual([`${BASE_URL}/events/calendar?month=2016-11&lang=th`]);
    expect(head.alternates.get('km')).toBe(`${BASE_URL}/events/calendar?month=2016-11&lang=km`);
    expect(head.alternates.get('x-default')).toBe(`${BASE_URL}/events/calendar?month=2016-11`);
  });

  it('puts no language links on a page kept out of search engines', async () => {
    const res = await get('/no-such-page?lang=lo');
    expect(res.status).toBe(404);
    const head = headOf(await res.text());
    expect(head.lang).toBe('lo');
    expect(head.canonicals).toEqual([]);
    expect(head.alternates.size).toBe(0);
  });
});

describe('?lang=', () => {
  it('wins over the cookie, Accept-Language and the account for that response, and sets nothing', async () => {
    const { client } = await hub.signedIn('member', { locale: 'th' });
    client.cookies.set('hub_lang', 'vi');
    const res = await client.get('/events?lang=my', { 'accept-language': 'lo' });
    expect(headOf(res.text).lang).toBe('my');
    expect(res.headers.getSetCookie().join()).not.toContain('hub_lang');
    // The next page, without it, is the account's language again.
    expect(headOf((await client.get('/events')).text).lang).toBe('th');
    const visitor = await get('/directory?lang=km', { cookie: 'hub_lang=vi', 'accept-language': 'lo' });
    expect(headOf(await visitor.text()).lang).toBe('km');
    expect(visitor.headers.getSetCookie().join()).not.toContain('hub_lang');
  });

  it('is ignored when it names no UI language', async () => {
    const head = headOf(await (await get('/events?lang=fr', { 'accept-language': 'lo' })).text());
    expect(head.lang).toBe('lo');
    expect(head.canonicals).toEqual([`${BASE_URL}/events`]);
  });

  it('gives way to the language menu’s choice: back to the page without it', async () => {
    const client = hub.client();
    await client.get('/events?lang=km');
    const res = await client.submit('/events?lang=km', '/language', {
      locale: 'lo',
      next: '/events?country=LA&lang=km',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/events?country=LA');
    expect(headOf((await client.get('/events?country=LA')).text).lang).toBe('lo');
  });
});

describe('Vary', () => {
  it('names Accept-Language and Cookie on a negotiated page, only Cookie when the URL names the language', async () => {
    const negotiated = (await get('/events')).headers.get('vary') ?? '';
    expect(negotiated).toMatch(/\bCookie\b/);
    expect(negotiated).toMatch(/\bAccept-Language\b/);
    const named = (await get('/events?lang=lo')).headers.get('vary') ?? '';
    expect(named).toMatch(/\bCookie\b/);
    expect(named).not.toMatch(/Accept-Language/);
  });

  it('covers the iCal feed of the events, whose name is in the reader’s language', async () => {
    const negotiated = await get('/events.ics', { 'accept-language': 'km' });
    expect(negotiated.headers.get('cache-control')).toContain('public');
    expect(negotiated.headers.get('vary') ?? '').toMatch(/Accept-Language/);
    expect(negotiated.headers.get('vary') ?? '').toMatch(/Cookie/);
    const named = await get('/events.ics?lang=lo', { 'accept-language': 'km' });
    expect(named.headers.get('vary') ?? '').toMatch(/\bCookie\b/);
    expect(named.headers.get('vary') ?? '').not.toMatch(/Accept-Language/);
    const calendar = new ICAL.Component(ICAL.parse(await named.text()));
    expect(String(calendar.getFirstPropertyValue('x-wr-calname'))).toContain(
      translator('lo')('events.calendarName'),
    );
  });
});
