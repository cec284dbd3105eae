// The platform's own migrations, by dated name; the modules bring theirs in their manifests and
// db/migrate.ts runs them all in name order.
import type { Migration } from 'kysely';
import { directoryImportsKindMigration, directoryImportsMigration } from '../../platform/import/migration.ts';
import { notificationsMigration } from '../../platform/notifications/migration.ts';
import { questionnairesMigration } from '../../platform/questionnaires/migration.ts';
import { scopedRolesMigration } from '../../platform/scoped-roles.ts';
import * as platform from './2026_11_21_0001_platform.ts';
import * as search from './2026_11_22_0001_search.ts';
import * as outboxAttachments from './2026_12_03_0031_outbox_attachments.ts';
import * as jobs from './2026_12_20_0001_jobs.ts';
import * as outboxHeaders from './2026_12_21_0002_outbox_headers.ts';

export const platformMigrations: Record<string, Migration> = {
  '2026_11_21_0001_platform': platform,
  '2026_11_22_0001_search': search,
  // The uploads an import keeps between its steps (platform/import); the names are those they had
  // when the import lived in the directory, so databases that ran them do not run them again.
  '2026_11_23_0003_directory_imports': directoryImportsMigration,
  '2026_11_25_0001_directory_imports_kind': directoryImportsKindMigration,
  '2026_12_03_0031_outbox_attachments': outboxAttachments,
  // The questionnaires (platform/questionnaires); modules move forms of their own into them in
  // migrations dated after this one.
  '2026_12_10_0001_questionnaires': questionnairesMigration,
  // Roles held in a country (focal points): platform/scoped-roles.ts, asked by platform/scopes.ts.
  '2026_12_11_0001_scoped_roles': scopedRolesMigration,
  // The job table (platform/jobs) and the stored files no record refers to (platform/files).
  '2026_12_20_0001_jobs': jobs,
  // Following and notifications (platform/notifications).
  '2026_12_21_0001_notifications': notificationsMigration,
  '2026_12_21_0002_outbox_headers': outboxHeaders,
};
