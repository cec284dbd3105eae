// Press coverage: clippings of articles about the hub's work (outlet, day, original and translated
// titles, link, summary, what it covers, a screenshot), /press with filters and Atom feeds, the
// clipping pages, the editors' form, and /api/v1/press. See docs/press.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { pressApi } from './api.ts';
import type en from './locales/en.json';
import { pressMigrations } from './migrations.ts';
import { pressPages } from './routes.tsx';
import { seedPress } from './seed.ts';
import { allSearchRecords, pressSitemap } from './store.ts';

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
  searchProviders: [{ type: 'press', label: 'press.searchType', records: allSearchRecords }],
  sitemap: pressSitemap,
  seed: seedPress,
};

// What the events module uses: an event's clippings for its page, and the press module's check of an
// uploaded file's name (the event photos use the same rule as the screenshots).
export { badFileName } from './screenshot.ts';
export { clippingsOfEvent, type EventClipping } from './store.ts';
