// Tables of the policies module. Dated after every migration that existed when they were added.
import type { Migration } from 'kysely';
import { createIndex, tablesMigration, translationsTable } from '../../db/migration-builders.ts';
import { recountMeasures } from './counts.ts';

const measures = tablesMigration(
  [
    'policy_measures',
    'policy_measure_translations',
    'policy_measure_tags',
    'policy_measure_bodies',
    'policy_measure_partners',
    'policy_measure_documents',
  ],
  async (db, c) => {
    await db.schema
      .createTable('policy_measures')
      .addColumn('id', 'integer', c.id)
      .addColumn('title', 'varchar(500)', c.notNull)
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('country', 'varchar(2)', c.notNull)
      .addColumn('report_year', 'integer', c.notNull)
      .addColumn('framework', 'varchar(10)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .addColumn('main_features', 'text', c.notNullDefault(''))
      .addColumn('website', 'varchar(1000)')
      .addColumn('expected_results', 'text', c.notNullDefault(''))
      .addColumn('achieved_results', 'text', c.notNullDefault(''))
      .addColumn('budget_amount', 'double precision')
      .addColumn('budget_currency', 'varchar(3)')
      .addColumn('budget_note', 'varchar(500)', c.notNullDefault(''))
      .addColumn('evaluated', 'integer', c.notNullDefault(0))
      .addColumn('evaluation_findings', 'text', c.notNullDefault(''))
      .addColumn('youth', 'integer', c.notNullDefault(0))
      .addColumn('source', 'varchar(20)', c.notNull)
      .addColumn('status', 'varchar(20)', c.notNull)
      .addColumn('event_id', 'integer', c.refersTo('events'))
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .execute();
    // The list is read by country (its page, the comparison, the filter) newest report first, or
    // across countries newest first; an event's report lists the measures presented there.
    await createIndex(db, 'policy_measures_country_idx', 'policy_measures', ['country', 'report_year', 'id']);
    await createIndex(db, 'policy_measures_year_idx', 'policy_measures', ['report_year', 'id']);
    await createIndex(db, 'policy_measures_event_idx', 'policy_measures', 'event_id');
    await createIndex(db, 'policy_measures_creator_idx', 'policy_measures', 'created_by');
    // Duplicates are found by title and country (the import).
    await createIndex(db, 'policy_measures_title_idx', 'policy_measures', ['country', 'title']);

    await translationsTable(db, 'policy_measure_translations', 'measure_id', 'policy_measures')
      .addColumn('title', 'varchar(500)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .execute();

    await db.schema
      .createTable('policy_measure_tags')
      .addColumn('measure_id', 'integer', c.belongsTo('policy_measures'))
      .addColumn('kind', 'varchar(10)', c.notNull)
      .addColumn('code', 'varchar(40)', c.notNull)
      .addPrimaryKeyConstraint('policy_measure_tags_pk', ['measure_id', 'kind', 'code'])
      .execute();
    // A filter by one code reads the measures that have it.
    await createIndex(db, 'policy_measure_tags_code_idx', 'policy_measure_tags', [
      'kind',
      'code',
      'measure_id',
    ]);

    await db.schema
      .createTable('policy_measure_bodies')
      .addColumn('measure_id', 'integer', c.belongsTo('policy_measures'))
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addColumn('organisation_id', 'integer', c.refersTo('organisations'))
      .addColumn('name', 'varchar(300)', c.notNull)
      .addPrimaryKeyConstraint('policy_measure_bodies_pk', ['measure_id', 'position'])
      .execute();
    await createIndex(db, 'policy_measure_bodies_org_idx', 'policy_measure_bodies', 'organisation_id');

    await db.schema
      .createTable('policy_measure_partners')
      .addColumn('measure_id', 'integer', c.belongsTo('policy_measures'))
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addColumn('name', 'varchar(300)', c.notNull)
      .addColumn('sector', 'varchar(20)', c.notNull)
      .addPrimaryKeyConstraint('policy_measure_partners_pk', ['measure_id', 'position'])
      .execute();

    await db.schema
      .createTable('policy_measure_documents')
      .addColumn('measure_id', 'integer', c.belongsTo('policy_measures'))
      .addColumn('document_id', 'integer', (col) =>
        col.notNull().references('documents.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint('policy_measure_documents_pk', ['measure_id', 'document_id'])
      .execute();
    await createIndex(db, 'policy_measure_documents_doc_idx', 'policy_measure_documents', 'document_id');
  },
);

// The measures counted per country and code (counts.ts), kept by the actions; counted here once
// from the measures already there.
const counts = tablesMigration(['policy_measure_counts'], async (db, c) => {
  await db.schema
    .createTable('policy_measure_counts')
    .addColumn('country', 'varchar(2)', c.notNull)
    .addColumn('kind', 'varchar(10)', c.notNull)
    .addColumn('code', 'varchar(40)', c.notNull)
    .addColumn('n', 'integer', c.notNull)
    .addPrimaryKeyConstraint('policy_measure_counts_pk', ['country', 'kind', 'code'])
    .execute();
  await recountMeasures(db);
});

export const policiesMigrations: Record<string, Migration> = {
  '2026_12_26_0001_policy_measures': measures,
  '2026_12_28_0001_policy_measure_counts': counts,
};
