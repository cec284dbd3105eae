// Tables of the library. Dated after the directory's, whose organisations they refer to.
import type { Kysely, Migration } from 'kysely';
import { createIndex, indexEach, tablesMigration, translationsTable } from '../../db/migration-builders.ts';

const documents = tablesMigration(
  [
    'documents',
    'document_translations',
    'document_facets',
    'document_supersedes',
    'document_collections',
    'document_collection_items',
  ],
  async (db, c) => {
    await db.schema
      .createTable('documents')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('kind', 'varchar(20)', c.notNull)
      .addColumn('title', 'varchar(400)', c.notNull)
      .addColumn('summary', 'text', c.notNullDefault(''))
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('official_number', 'varchar(100)')
      .addColumn('issuer_organisation_id', 'integer', c.refersTo('organisations'))
      .addColumn('issuer_name', 'varchar(200)')
      .addColumn('issued_on', 'varchar(10)')
      .addColumn('in_force_from', 'varchar(10)')
      .addColumn('in_force_to', 'varchar(10)')
      .addColumn('status', 'varchar(12)')
      .addColumn('licence', 'varchar(200)')
      .addColumn('source_url', 'varchar(500)')
      .addColumn('published_at', c.timestamp)
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .execute();
    await indexEach(db, 'documents', [
      'kind',
      'issued_on',
      'created_at',
      'published_at',
      'issuer_organisation_id',
      'status',
    ]);

    await translationsTable(db, 'document_translations', 'document_id', 'documents')
      .addColumn('title', 'varchar(400)', c.notNull)
      .addColumn('summary', 'text', c.notNullDefault(''))
      .execute();

    await db.schema
      .createTable('document_facets')
      .addColumn('document_id', 'integer', c.belongsTo('documents'))
      .addColumn('facet', 'varchar(10)', c.notNull)
      .addColumn('value', 'varchar(60)', c.notNull)
      .addPrimaryKeyConstraint('document_facets_pk', ['document_id', 'facet', 'value'])
      .execute();
    await createIndex(db, 'document_facets_value_idx', 'document_facets', ['facet', 'value', 'document_id']);

    await db.schema
      .createTable('document_supersedes')
      .addColumn('document_id', 'integer', c.belongsTo('documents'))
      .addColumn('superseded_id', 'integer', c.belongsTo('documents'))
      .addPrimaryKeyConstraint('document_supersedes_pk', ['document_id', 'superseded_id'])
      .execute();
    await createIndex(db, 'document_supersedes_superseded_idx', 'document_supersedes', 'superseded_id');

    await db.schema
      .createTable('document_collections')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('title', 'varchar(300)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .execute();

    await db.schema
      .createTable('document_collection_items')
      .addColumn('collection_id', 'integer', c.belongsTo('document_collections'))
      .addColumn('document_id', 'integer', c.belongsTo('documents'))
      .addColumn('position', 'integer', c.notNull)
      .addPrimaryKeyConstraint('document_collection_items_pk', ['collection_id', 'document_id'])
      .execute();
    await createIndex(
      db,
      'document_collection_items_document_idx',
      'document_collection_items',
      'document_id',
    );
  },
);

/** Files with their versions (bytes in the file store, extracted text here), and language versions. */
const files = tablesMigration(
  ['document_files', 'document_file_versions', 'document_language_versions'],
  async (db, c) => {
    await db.schema
      .createTable('document_files')
      .addColumn('id', 'integer', c.id)
      .addColumn('document_id', 'integer', c.belongsTo('documents'))
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('label', 'varchar(200)')
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .execute();
    await createIndex(db, 'document_files_document_idx', 'document_files', ['document_id', 'id']);

    await db.schema
      .createTable('document_file_versions')
      .addColumn('id', 'integer', c.id)
      .addColumn('file_id', 'integer', c.belongsTo('document_files'))
      .addColumn('hash', 'varchar(64)', c.notNull)
      .addColumn('mime', 'varchar(120)', c.notNull)
      .addColumn('size', 'integer', c.notNull)
      .addColumn('name', 'varchar(300)', c.notNull)
      .addColumn('pages', 'integer')
      .addColumn('text', 'text', c.notNullDefault(''))
      .addColumn('uploaded_by', 'integer', c.refersTo('users'))
      .addColumn('created_at', c.timestamp, c.notNull)
      .execute();
    // The newest version of each file is found through (file_id, id); downloads by (file_id, hash).
    await createIndex(db, 'document_file_versions_file_idx', 'document_file_versions', ['file_id', 'id']);
    await createIndex(db, 'document_file_versions_hash_idx', 'document_file_versions', ['file_id', 'hash']);

    await db.schema
      .createTable('document_language_versions')
      .addColumn('document_id', 'integer', c.keyedBy('documents'))
      .addColumn('original_id', 'integer', c.belongsTo('documents'))
      .execute();
    await createIndex(
      db,
      'document_language_versions_original_idx',
      'document_language_versions',
      'original_id',
    );
  },
);

/** Whether a member has unpublished records of their own decides which filter counts they see. */
const creatorIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await createIndex(db, 'documents_created_by_idx', 'documents', 'created_by');
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('documents_created_by_idx').execute();
  },
};

/**
 * The daily clean-up asks which of a batch of stored files' hashes a version refers to
 * (libraryFileReferences): by hash alone, which the (file_id, hash) index cannot answer, so every
 * version was read once per batch.
 */
const versionHashIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await createIndex(db, 'document_file_versions_by_hash_idx', 'document_file_versions', 'hash');
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('document_file_versions_by_hash_idx').execute();
  },
};

export const libraryMigrations: Record<string, Migration> = {
  '2026_11_26_0010_library_documents': documents,
  '2026_12_03_0040_library_files': files,
  '2026_12_03_0041_library_creator_index': creatorIndex,
  '2026_12_22_0001_library_version_hash_index': versionHashIndex,
};
