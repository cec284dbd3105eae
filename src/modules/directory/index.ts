// The directory of organisations and creative hubs: list with filters, map and exports, profile
// pages, the add/edit form, and /api/v1/organisations. The example the other modules follow.
import type { HubModule } from '../../platform/context.ts';
import { directoryApi } from './api.ts';
import { directoryMigrations } from './migrations.ts';
import { directoryPages } from './routes.tsx';
import { seedDirectory } from './seed.ts';
import { allSearchRecords } from './store.ts';

export const directoryModule: HubModule = {
  id: 'directory',
  nav: { href: '/directory', label: 'nav.directory', order: 10 },
  pages: directoryPages,
  api: directoryApi,
  migrations: directoryMigrations,
  searchProviders: [{ type: 'organisation', label: 'directory.searchType', records: allSearchRecords }],
  seed: seedDirectory,
};
