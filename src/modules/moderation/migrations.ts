// The reports of the moderation queue. Dated after the directory, whose records are reported.
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';

const reports: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('reports')
      .addColumn('id', 'integer', c.id)
      .addColumn('target_type', 'varchar(30)', (col) => col.notNull())
      .addColumn('target_key', 'varchar(200)', (col) => col.notNull())
      .addColumn('target_title', 'varchar(300)', (col) => col.notNull())
      .addColumn('reporter_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('reason', 'varchar(20)', (col) => col.notNull())
      .addColumn('message', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('status', 'varchar(10)', (col) => col.notNull().defaultTo('open'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('handled_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('handled_at', c.timestamp)
      .addColumn('note', 'text')
      .execute();
    await db.schema.createIndex('reports_status_idx').on('reports').columns(['status', 'id']).execute();
    await db.schema
      .createIndex('reports_target_idx')
      .on('reports')
      .columns(['target_type', 'target_key', 'status'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('reports').execute();
  },
};

export const moderationMigrations: Record<string, Migration> = {
  '2026_11_23_0004_moderation_reports': reports,
};
