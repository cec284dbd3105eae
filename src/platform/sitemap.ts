// /sitemap.xml from the modules' public pages. The format is a few elements (sitemaps.org 0.9, and
// xhtml:link for a page's languages), so it is written here rather than with a library; every value
// is escaped. Each page is listed once, at its negotiated URL (the x-default), with its URL in every
// UI language as an alternate, so that search engines find the Lao, Khmer or Burmese pages too.
// Beyond SITEMAP_MAX_URLS pages /sitemap.xml becomes an index of numbered parts.
import type { Context } from 'hono';
import { LOCALES } from '../locales/index.ts';
import type { AppDeps, AppEnv, SitemapEntry } from './context.ts';
import { withLang } from './http/language.ts';

/**
 * Pages per file: the protocol allows 50 000 URLs and 50 MB, and with eight alternates a page takes
 * 1 to 2.5 KB, so 20 000 of them stay under the size with long addresses too.
 */
export const SITEMAP_MAX_URLS = 20_000;

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch] ?? ch,
  );
}

async function* allEntries(deps: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/' };
  for (const module of deps.modules) {
    if (module.sitemap) yield* module.sitemap(deps);
  }
}

/** Entries `from` to `from + SITEMAP_MAX_URLS`, and whether there are more. */
async function slice(deps: AppDeps, from: number): Promise<{ entries: SitemapEntry[]; total: number }> {
  const entries: SitemapEntry[] = [];
  let total = 0;
  for await (const entry of allEntries(deps)) {
    if (total >= from && total < from + SITEMAP_MAX_URLS) entries.push(entry);
    total++;
  }
  return { entries, total };
}

const alternate = (hreflang: string, href: string) =>
  `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(href)}"/>`;

function urlset(baseUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : '';
    const languages = LOCALES.map((code) => alternate(code, baseUrl + withLang(e.path, code))).join('');
    const loc = baseUrl + e.path;
    return `<url><loc>${escapeXml(loc)}</loc>${lastmod}${languages}${alternate('x-default', loc)}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

function sitemapIndex(baseUrl: string, parts: number): string {
  const items = Array.from(
    { length: parts },
    (_, i) => `<sitemap><loc>${escapeXml(`${baseUrl}/sitemap-${i + 1}.xml`)}</loc></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

const xml = (c: Context<AppEnv>, body: string) =>
  c.body(body, 200, {
    'Content-Type': 'application/xml; charset=utf-8',
    'Cache-Control': 'public, max-age=3600',
  });

export async function sitemapResponse(c: Context<AppEnv>): Promise<Response> {
  const deps = c.var.deps;
  const { entries, total } = await slice(deps, 0);
  if (total <= SITEMAP_MAX_URLS) return xml(c, urlset(deps.config.baseUrl, entries));
  return xml(c, sitemapIndex(deps.config.baseUrl, Math.ceil(total / SITEMAP_MAX_URLS)));
}

export async function sitemapPartResponse(c: Context<AppEnv>, part: number): Promise<Response | null> {
  const deps = c.var.deps;
  if (!Number.isInteger(part) || part < 1) return null;
  const { entries, total } = await slice(deps, (part - 1) * SITEMAP_MAX_URLS);
  // Parts exist only when /sitemap.xml is an index of them: no second address for the same list.
  if (entries.length === 0 || total <= SITEMAP_MAX_URLS) return null;
  return xml(c, urlset(deps.config.baseUrl, entries));
}
