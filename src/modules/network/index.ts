// The network: who met at an event (with their consent), connections between members, direct
// messages between connected members (block, report), "Find a partner" over the directory and the
// people, and the network of an event's participants drawn as SVG with a table; /api/v1/network.
// See docs/network.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { networkApi } from './api.ts';
import { networkAccountExport } from './export.ts';
import type en from './locales/en.json';
import { networkMigrations } from './migrations.ts';
import { networkModeration } from './moderation.ts';
import { networkNotificationKinds } from './notifications.ts';
import { networkPages } from './routes.tsx';
import { seedNetwork } from './seed.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const networkModule: HubModule = {
  id: 'network',
  accountMenu: [{ href: '/network', label: 'network.myNetwork' }],
  pages: networkPages,
  api: networkApi,
  migrations: networkMigrations,
  moderation: networkModeration,
  seed: seedNetwork,
  accountExport: networkAccountExport,
  notificationKinds: networkNotificationKinds,
};
