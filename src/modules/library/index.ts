// The library: laws, decrees, conventions, policies, studies and training material, with their
// files (versions, downloads, extracted text in the search index) and language versions, filters,
// curated collections, citation exports (RIS, BibTeX) and spreadsheets (CSV, XLSX), Atom feeds,
// sitemap entries, reports to the moderators, the member's share of "download my data", and
// /api/v1/documents. See docs/library.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { libraryApi } from './api.ts';
import { libraryCollectionsApi } from './api-collections.ts';
import { libraryFilesApi } from './api-files.ts';
import {
  countryLibraryBlock,
  documentsFigure,
  libraryCountryFigure,
  libraryHomeBlock,
  organisationLibraryBlock,
} from './blocks.tsx';
import { libraryAccountExport } from './export.ts';
import { libraryFileReferences } from './files.ts';
import type en from './locales/en.json';
import { libraryMigrations } from './migrations.ts';
import { libraryModeration } from './moderation.ts';
import { libraryNotificationKinds } from './notifications.ts';
import { libraryPages } from './routes.tsx';
import { librarySearch } from './search.ts';
import { seedLibrary } from './seed.ts';
import { librarySitemap } from './sitemap.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const libraryModule: HubModule = {
  id: 'library',
  nav: { href: '/library', label: 'library.nav', order: 20 },
  pages: libraryPages,
  api: (deps) => libraryApi(deps).route('/', libraryCollectionsApi(deps)).route('/', libraryFilesApi(deps)),
  migrations: libraryMigrations,
  searchProviders: [librarySearch],
  moderation: libraryModeration,
  sitemap: librarySitemap,
  seed: seedLibrary,
  accountExport: libraryAccountExport,
  fileReferences: libraryFileReferences,
  homeBlocks: [libraryHomeBlock],
  homeFigures: [documentsFigure],
  organisationBlocks: [organisationLibraryBlock],
  countryBlocks: [countryLibraryBlock],
  countryFigures: [libraryCountryFigure],
  notificationKinds: libraryNotificationKinds,
};

// What the events module uses to show the documents linked to an event: the library's own rule of
// who sees which document.
export type { DocumentDetails } from './access.ts';
export { markLibraryChanged } from './filter-counts.ts';
export { visibleTo as documentsVisibleTo } from './permissions.ts';
export { searchRecordOf } from './search.ts';
