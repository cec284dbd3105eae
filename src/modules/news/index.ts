// News and blogs: posts by the hub's editors and by organisations' members on their behalf
// (Markdown with images, categories, tags, cover, translations, drafts and scheduled publishing),
// comments with moderation, /news with filters, Atom feeds and exports, and /api/v1/posts. See
// docs/news.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { newsApi } from './api.ts';
import { countryNewsBlock, newsHomeBlock, organisationNewsBlock } from './blocks.tsx';
import { newsAccountExport } from './export.ts';
import { newsJobs } from './jobs.ts';
import type en from './locales/en.json';
import { newsMigrations } from './migrations.ts';
import { newsModeration } from './moderation.ts';
import { newsNotificationKinds } from './notifications.ts';
import { newsPages } from './routes.tsx';
import { newsSearch } from './search.ts';
import { seedNews } from './seed.ts';
import { newsSitemap } from './sitemap.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const newsModule: HubModule = {
  id: 'news',
  nav: { href: '/news', label: 'news.nav', order: 35 },
  pages: newsPages,
  api: newsApi,
  migrations: newsMigrations,
  searchProviders: [newsSearch],
  moderation: newsModeration,
  sitemap: newsSitemap,
  seed: seedNews,
  accountExport: newsAccountExport,
  jobs: newsJobs,
  homeBlocks: [newsHomeBlock],
  organisationBlocks: [organisationNewsBlock],
  countryBlocks: [countryNewsBlock],
  notificationKinds: newsNotificationKinds,
};
