// /sitemap.xml from the modules' public pages. The format is four elements (sitemaps.org 0.9), so
// it is written here rather than with a library; every value is escaped. One file holds at most
// 50 000 URLs (the protocol's limit); beyond that /sitemap.xml becomes an index of numbered parts.
import type { Context } from 'hono';
import type { AppDeps, AppEnv, SitemapEntry } from './context.ts';

export const SITEMAP_MAX_URLS = 50_000;

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

function urlset(baseUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : '';
    return `<url><loc>${escapeXml(baseUrl + e.path)}</loc>${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
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
