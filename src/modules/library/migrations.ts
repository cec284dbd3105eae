// Tables of the library. Dated after the directory's, whose organisations they refer to.
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';

const documents: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('documents')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('kind', 'varchar(20)', (col) => col.notNull())
      .addColumn('title', 'varchar(400)', (col) => col.notNull())
      .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('official_number', 'varchar(100)')
      .addColumn('issuer_organisation_id', 'integer', (col) =>
        col.references('organisations.id').onDelete('set null'),
      )
      .addColumn('issuer_name', 'varchar(200)')
      .addColumn('issued_on', 'varchar(10)')
      .addColumn('in_force_from', 'varchar(10)')
      .addColumn('in_force_to', 'varchar(10)')
      .addColumn('status', 'varchar(12)')
      .addColumn('licence', 'varchar(200)')
      .addColumn('source_url', 'varchar(500)')
      .addColumn('published_at', c.timestamp)
      .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    for (const column of [
      'kind',
      'issued_on',
      'created_at',
      'published_at',
      'issuer_organisation_id',
      'status',
    ]) {
      await db.schema.createIndex(`documents_${column}_idx`).on('documents').column(column).execute();
    }

    await db.schema
      .createTable('document_translations')
      .addColumn('document_id', 'integer', (col) =>
        col.notNull().references('documents.id').onDelete('cascade'),
      )
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('title', 'varchar(400)', (col) => col.notNull())
      .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('document_translations_pk', ['document_id', 'lang'])
      .execute();

    await db.schema
      .createTable('document_facets')
      .addColumn('document_id', 'integer', (col) =>
        col.notNull().references('documents.id').onDelete('cascade'),
      )
      .addColumn('facet', 'varchar(10)', (col) => col.notNull())
      .addColumn('value', 'varchar(60)', (col) => col.notNull())
      .addPrimaryKeyConstraint('document_facets_pk', ['document_id', 'facet', 'value'])
      .execute();
    await db.schema
      .createIndex('document_facets_value_idx')
      .on('document_facets')
      .columns(['facet', 'value', 'document_id'])
      .execute();

    await db.schema
      .createTable('document_supersedes')
      .addColumn('document_id', 'integer', (col) =>
        col.notNull().references('documents.id').onDelete('cascade'),
      )
      .addColumn('superseded_id', 'integer', (col) =>
        col.notNull().references('documents.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint('document_supersedes_pk', ['document_id', 'superseded_id'])
      .execute();
    await db.schema
      .createIndex('document_supersedes_superseded_idx')
      .on('document_supersedes')
      .column('superseded_id')
      .execute();

    await db.schema
      .createTable('document_collections')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('title', 'varchar(300)', (col) => col.notNull())
      .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('document_collection_items')
      .addColumn('collection_id', 'integer', (col) =>
        col.notNull().references('document_collections.id').onDelete('cascade'),
      )
      .addColumn('document_id', 'integer', (col) =>
        col.notNull().references('documents.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('document_collection_items_pk', ['collection_id', 'document_id'])
      .execute();
    await db.schema
      .createIndex('document_collection_items_document_idx')
      .on('document_collection_items')
      .column('document_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'document_collection_items',
      'document_collections',
      'document_supersedes',
      'document_facets',
      'document_translations',
      'documents',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** Files with their versions (bytes in the file store, extracted text here), and language versions. */
const files: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('document_files')
      .addColumn('id', 'integer', c.id)
      .addColumn('document_id', 'integer', (col) =>
        col.notNull().references('documents.id').onDelete('cascade'),
      )
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('label', 'varchar(200)')
      .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('document_files_document_idx')
      .on('document_files')
      .columns(['document_id', 'id'])
      .execute();

    await db.schema
      .createTable('document_file_versions')
      .addColumn('id', 'integer', c.id)
      .addColumn('file_id', 'integer', (col) =>
        col.notNull().references('document_files.id').onDelete('cascade'),
      )
      .addColumn('hash', 'varchar(64)', (col) => col.notNull())
      .addColumn('mime', 'varchar(120)', (col) => col.notNull())
      .addColumn('size', 'integer', (col) => col.notNull())
      .addColumn('name', 'varchar(300)', (col) => col.notNull())
      .addColumn('pages', 'integer')
      .addColumn('text', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('uploaded_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .execute();
    // The newest version of each file is found through (file_id, id); downloads by (file_id, hash).
    await db.schema
      .createIndex('document_file_versions_file_idx')
      .on('document_file_versions')
      .columns(['file_id', 'id'])
      .execute();
    await db.schema
      .createIndex('document_file_versions_hash_idx')
      .on('document_file_versions')
      .columns(['file_id', 'hash'])
      .execute();

    await db.schema
      .createTable('document_language_versions')
      .addColumn('document_id', 'integer', (col) =>
        col.primaryKey().references('documents.id').onDelete('cascade'),
      )
      .addColumn('original_id', 'integer', (col) =>
        col.notNull().references('documents.id').onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('document_language_versions_original_idx')
      .on('document_language_versions')
      .column('original_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['document_language_versions', 'document_file_versions', 'document_files']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** Whether a member has unpublished records of their own decides which filter counts they see. */
const creatorIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('documents_created_by_idx').on('documents').column('created_by').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('documents_created_by_idx').execute();
  },
};

export const libraryMigrations: Record<string, Migration> = {
  '2026_11_26_0010_library_documents': documents,
  '2026_12_03_0040_library_files': files,
  '2026_12_03_0041_library_creator_index': creatorIndex,
};
