// Groups: working groups, country teams, project teams, committees and networks, each public,
// private (listed) or secret, with members in roles (coordinator, member, observer), invitations by
// email, requests to join, /groups with filters and exports, a group's page with its members and
// activity, and /api/v1/groups. Its groups are scopes of platform/scopes.ts. See docs/groups.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { groupsApi } from './api.ts';
import { countryTeamsBlock, myGroupsHomeBlock, organisationGroupsBlock } from './blocks.tsx';
import { groupsAccountExport } from './export.ts';
import type en from './locales/en.json';
import { groupsMigrations } from './migrations.ts';
import { groupsModeration } from './moderation.ts';
import { groupFollowable, groupsNotificationKinds } from './notifications.ts';
import { groupPages } from './routes.tsx';
import { groupMemberPages } from './routes-members.tsx';
import { groupScope } from './scope.ts';
import { groupSearch } from './search.ts';
import { seedGroups } from './seed.ts';
import { groupsSitemap } from './sitemap.ts';

declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const groupsModule: HubModule = {
  id: 'groups',
  nav: { href: '/groups', label: 'groups.nav', order: 45 },
  // The invitation links first: /groups/invitations/… is no group.
  pages: (deps) => groupMemberPages(deps).route('/', groupPages(deps)),
  api: groupsApi,
  migrations: groupsMigrations,
  searchProviders: [groupSearch],
  moderation: groupsModeration,
  sitemap: groupsSitemap,
  seed: seedGroups,
  accountExport: groupsAccountExport,
  scopes: [groupScope],
  // Where an invitation from a notification is accepted; also reachable without one.
  accountMenu: [{ href: '/groups/invitations', label: 'groups.invitations.title' }],
  notificationKinds: groupsNotificationKinds,
  followables: [groupFollowable],
  homeBlocks: [myGroupsHomeBlock],
  organisationBlocks: [organisationGroupsBlock],
  countryBlocks: [countryTeamsBlock],
};
