// The countries module's table. Dated after every migration that existed when it was added.
import type { Migration } from 'kysely';
import { tablesMigration } from '../../db/migration-builders.ts';

const statuses = tablesMigration(['country_statuses'], async (db, c) => {
  await db.schema
    .createTable('country_statuses')
    .addColumn('code', 'varchar(2)', (col) => col.primaryKey())
    .addColumn('party', 'integer', c.notNullDefault(0))
    .addColumn('party_since', 'varchar(10)')
    .addColumn('instrument', 'varchar(20)')
    .addColumn('source_url', 'varchar(500)')
    .addColumn('note', 'text', c.notNullDefault(''))
    .addColumn('note_lang', 'varchar(20)')
    .addColumn('updated_by', 'integer', c.refersTo('users'))
    .addColumn('updated_at', c.timestamp, c.notNull)
    .execute();
});

export const countriesMigrations: Record<string, Migration> = {
  '2026_12_26_0001_country_statuses': statuses,
};
