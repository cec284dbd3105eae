// A page for each country of the region (and any other the hub holds something about): its status
// towards the 2005 Convention, edited by admins and its focal points, then the blocks the other
// modules add about it (countryBlocks); /countries lists them with the modules' counts
// (countryFigures); /api/v1/countries. See docs/countries.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { countriesApi } from './api.ts';
import type en from './locales/en.json';
import { countriesMigrations } from './migrations.ts';
import { countriesPages } from './routes.tsx';
import { seedCountries } from './seed.ts';
import { countriesSitemap } from './sitemap.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const countriesModule: HubModule = {
  id: 'countries',
  nav: { href: '/countries', label: 'countries.nav', order: 15 },
  pages: countriesPages,
  api: countriesApi,
  migrations: countriesMigrations,
  sitemap: countriesSitemap,
  seed: seedCountries,
};
