import type { Migration } from 'kysely';
import * as platform from './2026_11_21_0001_platform.ts';
import * as search from './2026_11_22_0001_search.ts';
import * as outboxAttachments from './2026_12_03_0031_outbox_attachments.ts';

export const platformMigrations: Record<string, Migration> = {
  '2026_11_21_0001_platform': platform,
  '2026_11_22_0001_search': search,
  '2026_12_03_0031_outbox_attachments': outboxAttachments,
};
