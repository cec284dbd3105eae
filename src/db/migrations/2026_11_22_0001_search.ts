// The search index shared by every module (see search/ and db/dialect-search.ts).
import type { Kysely } from 'kysely';
import { columns } from '../dialect.ts';
import { createSearchIndex, dropSearchIndex } from '../dialect-search.ts';
import { createIndex } from '../migration-builders.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const c = columns(db);
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'integer', c.id)
    .addColumn('type', 'varchar(40)', c.notNull)
    .addColumn('record_id', 'varchar(100)', c.notNull)
    .addColumn('lang', 'varchar(20)')
    .addColumn('title', 'text', c.notNull)
    .addColumn('body', 'text', c.notNull)
    .addColumn('url', 'varchar(500)', c.notNull)
    .addColumn('country', 'varchar(2)')
    .addColumn('visibility', 'varchar(10)', c.notNull)
    .addColumn('owner_id', 'integer')
    .addColumn('updated_at', c.timestamp, c.notNull)
    .addUniqueConstraint('search_documents_record_uq', ['type', 'record_id'])
    .execute();
  await createIndex(db, 'search_documents_type_idx', 'search_documents', 'type');
  await createSearchIndex(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropSearchIndex(db);
  await db.schema.dropTable('search_documents').execute();
}
