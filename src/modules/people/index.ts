// Public profiles of the people of the sector: /directory/people with filters and exports, profile
// pages, one's own profile, profiles made by editors that their person may claim, the claims page
// of the administrators, and /api/v1/people. Built like the directory of organisations.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { importPages } from '../../platform/import/index.ts';
import { peopleApi } from './api.ts';
import { peopleImportTarget } from './import.ts';
import type en from './locales/en.json';
import { peopleMigrations } from './migrations.ts';
import { peopleModeration } from './moderation.ts';
import { peoplePages } from './routes.tsx';
import { seedPeople } from './seed.ts';
import { peopleSitemap } from './sitemap.ts';
import { allSearchRecords } from './store.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const peopleModule: HubModule = {
  id: 'people',
  // Importing from a spreadsheet is the directory's import with the people target (import.ts);
  // mounted first, so that /directory/people/import is not taken for a person's profile.
  pages: (deps) => importPages(deps, peopleImportTarget).route('/', peoplePages(deps)),
  api: peopleApi,
  migrations: peopleMigrations,
  searchProviders: [{ type: 'person', label: 'people.searchType', records: allSearchRecords }],
  moderation: peopleModeration,
  sitemap: peopleSitemap,
  seed: seedPeople,
};
