// A corpus of hostile strings sent through the text fields of the records everyone reads (a news
// post, an organisation, an event) and read back on every surface they reach: the page, its
// JSON-LD, the Atom feed, the CSV export, the vCard and the calendar. Each surface must give the
// string back exactly as typed (a spreadsheet cell may gain the apostrophe that keeps a formula
// from running) and never as markup: no element or event handler born of it on the page, a feed
// that stays well-formed XML. Run on both databases.
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { api } from './api.ts';
import { jsonLdOf, platformForFile, visibleText } from './harness.ts';
import { parseIcs, parseVcards } from './ical.ts';
import { csvRows } from './spreadsheets.ts';

/** One line each: the single-line fields refuse line breaks and tabs (tested by each module). */
const CORPUS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "x' onmouseover='alert(1)' y='",
  ']]></title><entry><title>injected',
  '</script><script>alert(1)</script>',
  '=SUM(1+1)',
  "@cmd|'/c calc'!A0",
  '&amp; &lt;b&gt; \\ ; , : "quoted"',
  '\u202Eevil.exe\u202C gnp.txt',
  'ສະບາຍດີ ជំរាបសួរ မင်္ဂလာပါ 🎭',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax, sent as text on purpose.
  '{{7*7}} ${7*7} %s %n',
];

const hub = await platformForFile();
const { token } = await hub.signedInWithToken('editor');

/** A spreadsheet cell as typed: the export's leading apostrophe before a formula's first sign removed. */
const cellText = (cell: string | undefined) => (cell?.startsWith("'") ? cell.slice(1) : cell);

/** Elements and attributes of a page that markup in a string could have made. */
function markupFrom(html: string): { scripts: number; handlers: string[]; images: number } {
  const handlers: string[] = [];
  let scripts = 0;
  let images = 0;
  const walk = (node: {
    type?: string;
    name?: string;
    attribs?: Record<string, string>;
    children?: unknown[];
  }) => {
    if (node.name === 'script' && !node.attribs?.nonce && node.attribs?.type !== 'application/ld+json')
      scripts++;
    if (node.name === 'img' && node.attribs?.src === 'x') images++;
    for (const name of Object.keys(node.attribs ?? {})) if (name.startsWith('on')) handlers.push(name);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(parseDocument(html) as unknown as Parameters<typeof walk>[0]);
  return { scripts, handlers, images };
}

/** The page shows `text` as text, and nothing of it became markup. */
function expectShownAsText(html: string, text: string) {
  expect(visibleText(html)).toContain(text);
  expect(markupFrom(html)).toEqual({ scripts: 0, handlers: [], images: 0 });
}

describe('hostile strings through every surface', () => {
  it('a news post: page, JSON-LD, Atom feed and CSV', async () => {
    for (const [i, text] of CORPUS.entries()) {
      const created = await api(hub, token, 'POST', '/api/v1/posts', {
        title: text,
        lang: 'en',
        body: `Body of post ${i}: ${text}`,
        category: 'news',
        tags: [text.slice(0, 40)],
        organisation: null,
        status: 'publish',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const page = await hub.client().get(`/news/${created.body.slug}`);
      expect(page.status).toBe(200);
      expectShownAsText(page.text, text);
      expect(jsonLdOf(page.text).headline).toBe(text);
    }
    const feed = await hub.client().get('/news/feed.atom');
    expect(XMLValidator.validate(feed.text)).toBe(true);
    const titles = parseFeed(feed.text).items.map((item) => item.title);
    for (const text of CORPUS) expect(titles).toContain(text);
    const newsCsv = (await hub.client().get('/news/export.csv')).text;
    const rows = csvRows(newsCsv);
    for (const text of CORPUS) expect(rows.map((row) => cellText(row.title))).toContain(text);
  });

  it('an organisation: page, JSON-LD, CSV and vCard', async () => {
    for (const text of CORPUS) {
      const created = await api(hub, token, 'POST', '/api/v1/organisations', {
        kind: 'association',
        name: text,
        lang: 'en',
        country: 'LA',
        city: text,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const page = await hub.client().get(`/directory/${created.body.slug}`);
      expect(page.status).toBe(200);
      expectShownAsText(page.text, text);
      expect(jsonLdOf(page.text).name).toBe(text);
    }
    const csv = (await hub.client().get('/directory/export.csv')).text;
    const rows = csvRows(csv);
    for (const text of CORPUS) expect(rows.map((row) => cellText(row.name))).toContain(text);
    const cards = parseVcards((await hub.client().get('/directory/export.vcf')).text);
    // ical.js unescapes `\\`, `\,` and `\n` in a card's FN but leaves `\;` as written (RFC 6350 lets
    // a text value escape its semicolons, and the export does, as ADR's parts need it).
    const names = cards.map((card) => String(card.getFirstPropertyValue('fn')).replaceAll('\\;', ';'));
    for (const text of CORPUS) expect(names).toContain(text);
  });

  it('an event: page, JSON-LD and the calendar', async () => {
    for (const text of CORPUS) {
      const created = await api(hub, token, 'POST', '/api/v1/events', {
        title: text,
        lang: 'en',
        type: 'webinar',
        format: 'online',
        status: 'announced',
        starts_on: '2031-02-03',
        ends_on: '2031-02-03',
        time_zone: 'Asia/Bangkok',
        online_url: 'https://meet.example.org/hostile',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const page = await hub.client().get(`/events/${created.body.slug}`);
      expect(page.status).toBe(200);
      expectShownAsText(page.text, text);
      expect(jsonLdOf(page.text).name).toBe(text);
    }
    const calendar = parseIcs((await hub.client().get('/events.ics')).text);
    const summaries = calendar.events.map((event) => event.summary);
    for (const text of CORPUS) expect(summaries).toContain(text);
  });
});
