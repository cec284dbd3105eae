// The search index shared by every module (see search/ and db/dialect-search.ts).
import type { Kysely } from 'kysely';
import { columns } from '../dialect.ts';
import { createSearchIndex, dropSearchIndex } from '../dialect-search.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const c = columns(db);
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'integer', c.id)
    .addColumn('type', 'varchar(40)', (col) => col.notNull())
    .addColumn('record_id', 'varchar(100)', (col) => col.notNull())
    .addColumn('lang', 'varchar(20)')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('url', 'varchar(500)', (col) => col.notNull())
    .addColumn('country', 'varchar(2)')
    .addColumn('visibility', 'varchar(10)', (col) => col.notNull())
    .addColumn('owner_id', 'integer')
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .addUniqueConstraint('search_documents_record_uq', ['type', 'record_id'])
    .execute();
  await db.schema.createIndex('search_documents_type_idx').on('search_documents').column('type').execute();
  await createSearchIndex(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropSearchIndex(db);
  await db.schema.dropTable('search_documents').execute();
}
