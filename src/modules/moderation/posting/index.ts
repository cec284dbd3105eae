// Suspensions and new-member limits: the moderators' members pages, and ensureMayPost(), which
// every module that takes members' posts calls before it writes (docs/moderation.md).
import type { Migration } from 'kysely';
import type { NotificationKind } from '../../../platform/notifications/kinds.ts';
import { suspensionsMigration } from './migrations.ts';

export { countLinks, ensureMayPost, type PostContent } from './may-post.ts';
export { postingPages } from './routes.tsx';

export const postingMigrations: Record<string, Migration> = {
  '2026_12_24_0001_moderation_suspensions': suspensionsMigration,
};

export const postingNotificationKinds: NotificationKind[] = [
  {
    kind: 'moderation.suspended',
    label: 'moderation.notify.suspendedLabel',
    message: 'moderation.notify.suspended',
    defaultDelivery: 'immediate',
  },
];
