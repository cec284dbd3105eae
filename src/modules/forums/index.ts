// Forums: categories by theme (public, for members, or a group's own), threads and replies in
// Markdown in the writer's language with translations, quotes, @mentions, reactions, following,
// unread markers, pinned, locked, moved and merged threads, answers to questions, search, reports,
// hidden posts, slow mode, honeypot and rate limits; /forum and /api/v1/forum. See docs/forums.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { forumsApi } from './api.ts';
import { forumsAccountExport } from './export.ts';
import type en from './locales/en.json';
import { forumsMigrations } from './migrations.ts';
import { forumsModeration } from './moderation.ts';
import { categoryFollowable, forumsNotificationKinds, threadFollowable } from './notifications.ts';
import { forumPages } from './routes.tsx';
import { forumSearch } from './search.ts';
import { seedForums } from './seed.ts';
import { forumsSitemap } from './sitemap.ts';

declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const forumsModule: HubModule = {
  id: 'forums',
  nav: { href: '/forum', label: 'forums.nav', order: 47 },
  pages: forumPages,
  api: forumsApi,
  migrations: forumsMigrations,
  searchProviders: [forumSearch],
  moderation: forumsModeration,
  sitemap: forumsSitemap,
  seed: seedForums,
  accountExport: forumsAccountExport,
  notificationKinds: forumsNotificationKinds,
  followables: [threadFollowable, categoryFollowable],
};
