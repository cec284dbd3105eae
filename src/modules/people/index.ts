// Public profiles of the people of the sector: /directory/people with filters and exports, profile
// pages, one's own profile, profiles made by editors that their person may claim, the claims page
// of the administrators, the import from a spreadsheet, and /api/v1/people. See docs/directory.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { importPages } from '../../platform/import/index.ts';
import { peopleApi } from './api.ts';
import { countryFocalPointsBlock, organisationPeopleBlock, peopleFigure } from './blocks.tsx';
import { peopleAccountExport } from './export.ts';
import { peopleImportTarget } from './import.ts';
import type en from './locales/en.json';
import { peopleMigrations } from './migrations.ts';
import { peopleModeration } from './moderation.ts';
import { personFollowable } from './notifications.ts';
import { peoplePages } from './routes.tsx';
import { peopleSearch } from './search.ts';
import { seedPeople } from './seed.ts';
import { peopleSitemap } from './sitemap.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const peopleModule: HubModule = {
  id: 'people',
  // Importing from a spreadsheet is the platform's import with the people target (import.ts);
  // mounted first, so that /directory/people/import is not taken for a person's profile.
  pages: (deps) => importPages(deps, peopleImportTarget).route('/', peoplePages(deps)),
  api: peopleApi,
  migrations: peopleMigrations,
  searchProviders: [peopleSearch],
  moderation: peopleModeration,
  sitemap: peopleSitemap,
  seed: seedPeople,
  accountExport: peopleAccountExport,
  followables: [personFollowable],
  homeFigures: [peopleFigure],
  organisationBlocks: [organisationPeopleBlock],
  countryBlocks: [countryFocalPointsBlock],
};

// What the network's "Find a partner" uses: the people list with its own filters.
export { listPeople, type PersonCard } from './listing.ts';
export { peopleFilterSchema } from './schemas.ts';
