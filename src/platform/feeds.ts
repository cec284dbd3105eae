// Atom 1.0 feeds (RFC 4287) for any list a module publishes: news, documents, press, with or
// without filters. Written by the `feed` package, so escaping and the required elements are its job.
// Ids (the feed's and each entry's) are `urn:uuid:`s that do not contain the address
// (platform/stable-ids.ts): a site that changes its BASE_URL keeps them, so readers do not show
// every entry again as new.
import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import { siteName } from './site/index.ts';
import { atomId, siteUuid } from './stable-ids.ts';

export interface FeedEntry {
  /**
   * The entry's name within the site, from its record's id (never its slug or address), never
   * reused: 'news/post/12'. Its Atom id is made from it (platform/stable-ids.ts).
   */
  name: string;
  title: string;
  /** Absolute URL of the entry's page. */
  url: string;
  /** ISO 8601; the entry's last meaningful change. */
  updated: string;
  published?: string;
  /** Plain text. */
  summary?: string;
  /** Sanitised HTML (e.g. the output of renderMarkdown). */
  contentHtml?: string;
  authors?: string[];
  categories?: string[];
}

export interface FeedSpec {
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself (with its filters); its path and query name it (its id). */
  selfUrl: string;
  /** Absolute URL of the page that shows the same list. */
  alternateUrl: string;
  /** BCP 47 language of the feed's own texts (the reader's UI language). */
  lang: string;
  entries: readonly FeedEntry[];
}

/** How many entries a feed carries: readers poll, so the newest are enough. */
export const FEED_SIZE = 50;

/**
 * The `feed` package writes entry titles and summaries as `type="html"`, so their text must be
 * HTML: escaped here, a title such as "<script>" or "Tom & Jerry" reaches readers as the text it is.
 */
function textAsHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch,
  );
}

/** A text for an XML attribute the package writes as it is, but for the quote. */
function attributeText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch] ?? ch);
}

/** The feed's Atom id: from its path and filters, not its address. */
function feedId(spec: FeedSpec, site: string): string {
  const self = new URL(spec.selfUrl);
  return atomId(site, `feed ${self.pathname}${self.search}`);
}

/** The feed as XML; `site` is the installation's UUID (siteUuid()), behind every id. */
export function renderAtom(spec: FeedSpec, siteName: string, site: string): string {
  const newest = spec.entries.reduce<string | undefined>(
    (max, e) => (max === undefined || e.updated > max ? e.updated : max),
    undefined,
  );
  const feed = new Feed({
    id: feedId(spec, site),
    title: spec.title,
    description: spec.subtitle,
    link: spec.alternateUrl,
    language: spec.lang,
    updated: new Date(newest ?? 0),
    generator: siteName,
    feedLinks: { atom: spec.selfUrl },
    copyright: siteName,
    author: { name: siteName },
  });
  for (const e of spec.entries) {
    feed.addItem({
      id: atomId(site, e.name),
      title: textAsHtml(e.title),
      link: e.url,
      date: new Date(e.updated),
      published: e.published ? new Date(e.published) : undefined,
      description: e.summary === undefined ? undefined : textAsHtml(e.summary),
      content: e.contentHtml,
      author: e.authors?.map((name) => ({ name })),
      // The package writes a category's attributes escaping only the quote: a tag holding & or <
      // made the whole feed malformed for every subscriber. They are escaped here, and the quote
      // is left to the package (escaping it here too would double it).
      category: e.categories?.map((tag) => {
        const term = attributeText(tag);
        return { name: term, term };
      }),
    });
  }
  // The package drops `language` from Atom: the feed's language goes on its root as xml:lang.
  return feed
    .atom1()
    .replace(
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${textAsHtml(spec.lang)}">`,
    );
}

/**
 * Answers with the feed. The ETag is the newest entry's date and the feed's URL, so a reader that
 * polls gets 304 until something changes.
 */
export async function atomResponse(c: Context<AppEnv>, spec: FeedSpec): Promise<Response> {
  const newest = spec.entries.reduce((max, e) => (e.updated > max ? e.updated : max), '');
  const etag = `W/"${createHash('sha256').update(`${newest}|${spec.entries.length}|${spec.selfUrl}|${spec.lang}`).digest('base64url').slice(0, 27)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=300');
  c.header('Vary', 'Accept-Language, Cookie');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  const xml = renderAtom(spec, siteName(c), await siteUuid(c.var.deps.db));
  return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
}

/** An absolute URL on this site, for feeds, sitemaps and OpenGraph. */
export function absoluteUrl(c: Context<AppEnv>, pathAndQuery: string): string {
  return `${c.var.deps.config.baseUrl}${pathAndQuery}`;
}
