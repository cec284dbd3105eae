// What everyone reads of the operator's settings: the operator's pages (/about, /privacy,
// /accessibility, /terms; 404 when the operator wrote none), the web app manifest, the accent
// colour's stylesheet, the logo and the app icons.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { isLocale } from '../../locales/index.ts';
import { imageResponse } from '../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { found, HttpError } from '../../platform/http/errors.ts';
import { varyOnLanguage } from '../../platform/http/language.ts';
import { excerpt, renderMarkdown } from '../../platform/markdown.ts';
import { SITE_PAGES, siteName, siteOf, siteShortName, taglineIn } from '../../platform/site/index.ts';
import { versioned } from '../../ui/components/site-frame.tsx';
import { renderPage } from '../../ui/render.tsx';
import { findSitePage } from './actions.ts';
import { ICON_SIZES, type IconSize, iconVersion, siteIcon } from './icons.ts';
import { SITE_ROW, siteLogo } from './logo.ts';
import { SitePageView } from './views/page.tsx';

type C = Context<AppEnv>;

const YEAR = 31_536_000;

/** Answers 304 when the client holds `etag` already; sets it otherwise. */
function notModified(c: C, etag: string): boolean {
  c.header('ETag', etag);
  return (c.req.header('if-none-match')?.split(/\s*,\s*/) ?? []).includes(etag);
}

export function sitePublicPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get(`/:slug{${SITE_PAGES.join('|')}}`, async (c) => {
    const site = siteOf(c);
    const fallback = site.defaultLanguage ?? config.defaultLocale;
    const page = found(await findSitePage(db, c.req.param('slug'), c.var.locale, fallback));
    const html = renderMarkdown(page.body);
    return renderPage(
      c,
      { title: page.title, description: excerpt(page.body, 160), path: `/${page.slug}` },
      <SitePageView title={page.title} lang={isLocale(page.lang) ? page.lang : undefined} html={html} />,
    );
  });

  // The manifest names the hub in the reader's language; it changes with the settings, so its
  // ETag is their version (and the language): a phone asks again and gets 304 until they change.
  app.get('/manifest.webmanifest', (c) => {
    const site = siteOf(c);
    const version = iconVersion(site);
    varyOnLanguage(c);
    c.header('Cache-Control', 'public, max-age=300');
    if (notModified(c, `"${site.version || 'default'}-${c.var.locale}"`)) return c.body(null, 304);
    const tagline = taglineIn(site, config, c.var.locale);
    const manifest = {
      name: siteName(c),
      short_name: siteShortName(c),
      ...(tagline ? { description: tagline } : {}),
      lang: c.var.locale,
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#fbfaf7',
      theme_color: site.accent ?? '#8a3b12',
      icons: ICON_SIZES.map((size) => ({
        src: versioned(`/site/icon-${size}.png`, version),
        sizes: `${size}x${size}`,
        type: 'image/png',
        purpose: 'any',
      })),
    };
    return c.body(JSON.stringify(manifest), 200, {
      'Content-Type': 'application/manifest+json; charset=utf-8',
    });
  });

  app.get('/site/:icon{icon-(?:192|512)\\.png}', async (c) => {
    const site = siteOf(c);
    const size = Number(c.req.param('icon').replace(/\D/g, '')) as IconSize;
    const version = iconVersion(site);
    const current = c.req.query('v') === version;
    c.header('Cache-Control', `public, max-age=${current ? `${YEAR}, immutable` : '300'}`);
    if (notModified(c, `"${version}-${size}"`)) return c.body(null, 304);
    const png = await siteIcon(db, site, size);
    if (!png) throw new HttpError(404, 'error.404.message');
    return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png' });
  });

  // The accent colour, as a stylesheet of its own: the CSP allows no inline style. Its address
  // carries the settings' version, so it is cached for good and replaced when they change.
  app.get('/site/theme.css', (c) => {
    const { accent, version } = siteOf(c);
    if (!accent) throw new HttpError(404, 'error.404.message');
    const current = c.req.query('v') === version;
    c.header('Cache-Control', `public, max-age=${current ? `${YEAR}, immutable` : '300'}`);
    // The dark scheme keeps the stylesheet's own light accent: a dark colour chosen for a light
    // page would be unreadable there.
    const css = `@media not (prefers-color-scheme: dark) { :root { --accent: ${accent}; } }\n`;
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  app.get('/site/logo.webp', (c) =>
    imageResponse(c, (size) => siteLogo.bytes(db, SITE_ROW, size), { shared: true }),
  );

  return app;
}
