// Notifications and following: the inbox (/notifications, and the bell in the header), what one
// follows, how each kind reaches one (inbox, mail at once, daily or weekly digest, off), the digests
// and their one-click unsubscribe links, and /api/v1/notifications and /api/v1/follows. Modules
// emit with notify() (platform/notifications) and list their kinds in their manifests. See
// docs/notifications.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { notificationsApi } from './api.ts';
import { notificationsAccountExport } from './export.ts';
import { notificationsHomeBlock } from './home-block.tsx';
import { notificationJobs } from './jobs.ts';
import type en from './locales/en.json';
import { notificationPages } from './routes.tsx';

declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const notificationsModule: HubModule = {
  id: 'notifications',
  accountMenu: [
    { href: '/notifications/following', label: 'notifications.following' },
    { href: '/notifications/settings', label: 'notifications.settings' },
  ],
  pages: notificationPages,
  api: notificationsApi,
  jobs: notificationJobs,
  accountExport: notificationsAccountExport,
  homeBlocks: [notificationsHomeBlock],
};
