// The directory of organisations and creative hubs: list with filters, map and exports, profile
// pages, the add/edit form, and /api/v1/organisations. The example the other modules follow.
import type { DB } from '../../db/index.ts';
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { directoryApi } from './api.ts';
import { directoryImportPages } from './import/organisations.ts';
import type en from './locales/en.json';
import { directoryMigrations } from './migrations.ts';
import { directoryModeration } from './moderation.ts';
import { directoryPages } from './routes.tsx';
import { seedDirectory } from './seed.ts';
import { directorySitemap } from './sitemap.ts';
import { allSearchRecords } from './store.ts';

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
  searchProviders: [{ type: 'organisation', label: 'directory.searchType', records: allSearchRecords }],
  moderation: directoryModeration,
  sitemap: directorySitemap,
  seed: seedDirectory,
};

// What other modules (people) share with the directory: its vocabulary and export helpers.
export { vcardText } from './export.ts';
// What the news module asks of the directory: whom a member may post for.
export { getOrganisation, memberRole } from './store.ts';
export type { MemberRole } from './vocab.ts';

/** The organisations `userId` belongs to, by name (the news form's "on behalf of" choice). */
export function organisationsOf(db: DB, userId: number) {
  return db
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .select(['organisations.id', 'organisations.slug', 'organisations.name', 'organisations.lang'])
    .where('organisation_members.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}
