// The reports of the moderation queue. Dated after the directory, whose records are reported.
import type { Migration } from 'kysely';
import { createIndex, tablesMigration } from '../../db/migration-builders.ts';

const reports = tablesMigration(['reports'], async (db, c) => {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', c.id)
    .addColumn('target_type', 'varchar(30)', c.notNull)
    .addColumn('target_key', 'varchar(200)', c.notNull)
    .addColumn('target_title', 'varchar(300)', c.notNull)
    .addColumn('reporter_id', 'integer', c.refersTo('users'))
    .addColumn('reason', 'varchar(20)', c.notNull)
    .addColumn('message', 'text', c.notNullDefault(''))
    .addColumn('status', 'varchar(10)', c.notNullDefault('open'))
    .addColumn('created_at', c.timestamp, c.notNull)
    .addColumn('handled_by', 'integer', c.refersTo('users'))
    .addColumn('handled_at', c.timestamp)
    .addColumn('note', 'text')
    .execute();
  await createIndex(db, 'reports_status_idx', 'reports', ['status', 'id']);
  await createIndex(db, 'reports_target_idx', 'reports', ['target_type', 'target_key', 'status']);
});

export const moderationMigrations: Record<string, Migration> = {
  '2026_11_23_0004_moderation_reports': reports,
};
