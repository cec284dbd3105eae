// An uploaded file waits here between upload, mapping, preview and import, so that the steps work
// as plain forms without JavaScript. Rows go once imported, or after a day.
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';
import { createIndex, tablesMigration } from '../../db/migration-builders.ts';

export const directoryImportsMigration = tablesMigration(['directory_imports'], async (db, c) => {
  await db.schema
    .createTable('directory_imports')
    .addColumn('id', 'integer', c.id)
    .addColumn('user_id', 'integer', c.belongsTo('users'))
    .addColumn('created_at', c.timestamp, c.notNull)
    .addColumn('filename', 'varchar(255)', c.notNull)
    .addColumn('header', 'text', c.notNull)
    .addColumn('rows', 'text', c.notNull)
    .execute();
  await createIndex(db, 'directory_imports_created_at_idx', 'directory_imports', 'created_at');
});

// Uploads are also made for importing people: each says which import it belongs to, so that one is
// never continued as the other. The rows of before were all organisations.
export const directoryImportsKindMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('directory_imports')
      .addColumn('kind', 'varchar(20)', columns(db).notNullDefault('organisations'))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('directory_imports').dropColumn('kind').execute();
  },
};
