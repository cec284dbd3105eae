// Tables of the people directory. Dated after the directory's migrations (db/migrate.ts runs them
// in name order), since person_organisations refers to organisations.
import type { Migration } from 'kysely';
import { createIndex, tablesMigration, translationsTable } from '../../db/migration-builders.ts';
import { createSingleImageTable } from '../../platform/attached-images.ts';

const people = tablesMigration(
  ['people', 'person_facets', 'person_organisations', 'person_claims'],
  async (db, c) => {
    await db.schema
      .createTable('people')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      // One profile per member: NULLs (profiles without an account) do not collide on either database.
      .addColumn('user_id', 'integer', (col) => col.unique().references('users.id').onDelete('set null'))
      .addColumn('name', 'varchar(200)', c.notNull)
      .addColumn('name_translit', 'varchar(200)')
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('title', 'varchar(200)')
      .addColumn('bio', 'text', c.notNullDefault(''))
      .addColumn('country', 'varchar(2)')
      .addColumn('links', 'text', c.notNullDefault('[]'))
      .addColumn('email', 'varchar(254)')
      .addColumn('phone', 'varchar(50)')
      .addColumn('contact_visibility', 'varchar(10)', c.notNullDefault('hidden'))
      .addColumn('status', 'varchar(10)', c.notNullDefault('published'))
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .execute();
    for (const column of ['country', 'status', 'created_at', 'updated_at']) {
      await db.schema.createIndex(`people_${column}_idx`).on('people').column(column).execute();
    }

    await db.schema
      .createTable('person_facets')
      .addColumn('person_id', 'integer', c.belongsTo('people'))
      .addColumn('facet', 'varchar(20)', c.notNull)
      .addColumn('value', 'varchar(60)', c.notNull)
      // The order the person gave (skills read best in their own order).
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addPrimaryKeyConstraint('person_facets_pk', ['person_id', 'facet', 'value'])
      .execute();
    await createIndex(db, 'person_facets_value_idx', 'person_facets', ['facet', 'value', 'person_id']);

    await db.schema
      .createTable('person_organisations')
      .addColumn('person_id', 'integer', c.belongsTo('people'))
      .addColumn('organisation_id', 'integer', c.belongsTo('organisations'))
      .addColumn('role', 'varchar(120)')
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addPrimaryKeyConstraint('person_organisations_pk', ['person_id', 'organisation_id'])
      .execute();
    await createIndex(db, 'person_organisations_org_idx', 'person_organisations', [
      'organisation_id',
      'person_id',
    ]);

    await db.schema
      .createTable('person_claims')
      .addColumn('id', 'integer', c.id)
      .addColumn('person_id', 'integer', c.belongsTo('people'))
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('message', 'varchar(1000)', c.notNullDefault(''))
      .addColumn('status', 'varchar(10)', c.notNullDefault('pending'))
      .addColumn('created_at', c.timestamp, c.notNull)
      .addColumn('decided_at', c.timestamp)
      .addColumn('decided_by', 'integer', c.refersTo('users'))
      .execute();
    await createIndex(db, 'person_claims_status_idx', 'person_claims', ['status', 'created_at']);
    await createIndex(db, 'person_claims_person_idx', 'person_claims', ['person_id', 'user_id']);
  },
);

// People's photos, stored as bytes like the organisations' logos (every process serves the same).
const photos = tablesMigration(['person_photos'], async (db) => {
  await createSingleImageTable(db, 'person_photos', 'person_id', 'people');
});

// The title and bio in other languages than the profile's own, one row per language.
const translations = tablesMigration(['person_translations'], async (db, c) => {
  await translationsTable(db, 'person_translations', 'person_id', 'people')
    .addColumn('title', 'varchar(200)')
    .addColumn('bio', 'text', c.notNullDefault(''))
    .execute();
});

export const peopleMigrations: Record<string, Migration> = {
  '2026_11_24_0001_people': people,
  '2026_11_24_0002_people_photos': photos,
  '2026_11_24_0003_people_translations': translations,
};
