// Reports and the moderation queue. Modules declare what can be reported, what waits for
// approval and which switches admins set (HubModule.moderation); this module does the rest.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { moderationAccountExport } from './export.ts';
import type en from './locales/en.json';
import { moderationMigrations } from './migrations.ts';
import { postingMigrations, postingNotificationKinds, postingPages } from './posting/index.ts';
import { moderationPages } from './routes.tsx';

// What other modules use: the check before a member's post is written (posting/may-post.ts).
export { countLinks, ensureMayPost, type PostContent } from './posting/index.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const moderationModule: HubModule = {
  id: 'moderation',
  pages: (deps) => moderationPages(deps).route('/', postingPages(deps)),
  migrations: { ...moderationMigrations, ...postingMigrations },
  notificationKinds: postingNotificationKinds,
  accountExport: moderationAccountExport,
};
