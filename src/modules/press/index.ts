// Press coverage: clippings of articles about the hub's work (outlet, day, original and translated
// titles, link, summary, what it covers, a screenshot), /press with filters, Atom feeds and exports,
// the clipping pages, the editors' form, and /api/v1/press. See docs/press.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { pressApi } from './api.ts';
import { countryPressBlock, organisationPressBlock, pressCountryFigure, pressHomeBlock } from './blocks.tsx';
import { pressAccountExport } from './export.ts';
import type en from './locales/en.json';
import { pressMigrations } from './migrations.ts';
import { pressModeration } from './moderation.ts';
import { pressPages } from './routes.tsx';
import { pressSearch } from './search.ts';
import { seedPress } from './seed.ts';
import { pressSitemap } from './sitemap.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const pressModule: HubModule = {
  id: 'press',
  nav: { href: '/press', label: 'press.nav', order: 40 },
  pages: pressPages,
  api: pressApi,
  migrations: pressMigrations,
  searchProviders: [pressSearch],
  moderation: pressModeration,
  sitemap: pressSitemap,
  seed: seedPress,
  homeBlocks: [pressHomeBlock],
  organisationBlocks: [organisationPressBlock],
  countryBlocks: [countryPressBlock],
  countryFigures: [pressCountryFigure],
  accountExport: pressAccountExport,
};

// What the events module uses: an event's clippings for its page.
export { clippingsOfEvent, type EventClipping } from './listing.ts';
