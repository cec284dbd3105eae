// The directory of organisations and creative hubs: list with filters, map and exports, profile
// pages, the add/edit form, members and invitations, logos, the import, and /api/v1/organisations.
// See docs/directory.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { directoryApi } from './api.ts';
import {
  countryOrganisationsBlock,
  directoryCountryFigures,
  directoryFigures,
  hubsHomeBlock,
} from './blocks.tsx';
import { directoryAccountExport } from './export.ts';
import { directoryImportPages } from './import/organisations.ts';
import type en from './locales/en.json';
import { directoryMigrations } from './migrations.ts';
import { directoryModeration } from './moderation.ts';
import { directoryNotificationKinds, organisationFollowable } from './notifications.ts';
import { directoryPages } from './routes.tsx';
import { organisationScope } from './scope.ts';
import { organisationSearch } from './search.ts';
import { seedDirectory } from './seed.ts';
import { directorySitemap } from './sitemap.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const directoryModule: HubModule = {
  id: 'directory',
  nav: { href: '/directory', label: 'nav.directory', order: 10 },
  // The import pages step in where the organisation routes step aside (/directory/import).
  pages: (deps) => directoryPages(deps).route('/', directoryImportPages(deps)),
  api: directoryApi,
  migrations: directoryMigrations,
  searchProviders: [organisationSearch],
  moderation: directoryModeration,
  sitemap: directorySitemap,
  seed: seedDirectory,
  accountExport: directoryAccountExport,
  scopes: [organisationScope],
  followables: [organisationFollowable],
  notificationKinds: directoryNotificationKinds,
  homeBlocks: [hubsHomeBlock],
  homeFigures: directoryFigures,
  countryBlocks: [countryOrganisationsBlock],
  countryFigures: directoryCountryFigures,
};

// What other modules use of the directory: news whom a member may post for (an organisation, their
// role in it, the organisations they belong to).
export { getOrganisation, memberRole, organisationRef, organisationsOf } from './access.ts';
// What the network's "Find a partner" uses: the directory's list with its own filters.
export { listOrganisations, type OrganisationCard } from './listing.ts';
export { sharedLogoOf } from './logo.ts';
export { directoryFilterSchema } from './schemas.ts';
export type { MemberRole } from './vocab.ts';
