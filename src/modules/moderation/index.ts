// Reports and the moderation queue. Modules declare what can be reported, what waits for
// approval and which switches admins set (HubModule.moderation); this module does the rest.
import type { HubModule } from '../../platform/context.ts';
import { moderationMigrations } from './migrations.ts';
import { moderationPages } from './routes.tsx';

export const moderationModule: HubModule = {
  id: 'moderation',
  pages: moderationPages,
  migrations: moderationMigrations,
};
