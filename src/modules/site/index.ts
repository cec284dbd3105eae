// The operator's hub (docs/site.md): the settings an administrator edits on /admin/site and through
// /api/v1/site (name, short name and tagline per language, logo, accent colour, default language
// and time zone, contact, footer links), the operator's pages (/about, /privacy, /accessibility,
// /terms), the web app manifest and its icons. The settings are read by everyone through
// platform/site (siteName()); this module writes them.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { loadSite } from '../../platform/site/index.ts';
import { siteApi } from './api.ts';
import type en from './locales/en.json';
import { siteMigrations } from './migrations.ts';
import { sitePublicPages } from './public-routes.tsx';
import { siteAdminPages } from './routes.tsx';
import { seedSite } from './seed.ts';

declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const siteModule: HubModule = {
  id: 'site',
  pages: (deps) => siteAdminPages(deps).route('/', sitePublicPages(deps)),
  api: siteApi,
  migrations: siteMigrations,
  seed: seedSite,
  // The operator's pages are public pages like any other.
  sitemap: async function* (deps) {
    for (const slug of (await loadSite(deps.db)).pages) yield { path: `/${slug}` };
  },
};
