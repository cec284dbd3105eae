// An uploaded file waits here between upload, mapping, preview and import, so that the steps work
// as plain forms without JavaScript. Rows go once imported, or after a day.
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';

export const directoryImportsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('directory_imports')
      .addColumn('id', 'integer', c.id)
      .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('filename', 'varchar(255)', (col) => col.notNull())
      .addColumn('header', 'text', (col) => col.notNull())
      .addColumn('rows', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('directory_imports_created_at_idx')
      .on('directory_imports')
      .column('created_at')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('directory_imports').execute();
  },
};

// Uploads are also made for importing people: each says which import it belongs to, so that one is
// never continued as the other. The rows of before were all organisations.
export const directoryImportsKindMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('directory_imports')
      .addColumn('kind', 'varchar(20)', (col) => col.notNull().defaultTo('organisations'))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('directory_imports').dropColumn('kind').execute();
  },
};
