// Tables of the people directory. Dated after the directory's migrations (db/migrate.ts runs them
// in name order), since person_organisations refers to organisations.
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';
import { withImageColumns } from '../../platform/attached-images.ts';

const people: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('people')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      // One profile per member: NULLs (profiles without an account) do not collide on either database.
      .addColumn('user_id', 'integer', (col) => col.unique().references('users.id').onDelete('set null'))
      .addColumn('name', 'varchar(200)', (col) => col.notNull())
      .addColumn('name_translit', 'varchar(200)')
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('title', 'varchar(200)')
      .addColumn('bio', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('country', 'varchar(2)')
      .addColumn('links', 'text', (col) => col.notNull().defaultTo('[]'))
      .addColumn('email', 'varchar(254)')
      .addColumn('phone', 'varchar(50)')
      .addColumn('contact_visibility', 'varchar(10)', (col) => col.notNull().defaultTo('hidden'))
      .addColumn('status', 'varchar(10)', (col) => col.notNull().defaultTo('published'))
      .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    for (const column of ['country', 'status', 'created_at', 'updated_at']) {
      await db.schema.createIndex(`people_${column}_idx`).on('people').column(column).execute();
    }

    await db.schema
      .createTable('person_facets')
      .addColumn('person_id', 'integer', (col) => col.notNull().references('people.id').onDelete('cascade'))
      .addColumn('facet', 'varchar(20)', (col) => col.notNull())
      .addColumn('value', 'varchar(60)', (col) => col.notNull())
      // The order the person gave (skills read best in their own order).
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('person_facets_pk', ['person_id', 'facet', 'value'])
      .execute();
    await db.schema
      .createIndex('person_facets_value_idx')
      .on('person_facets')
      .columns(['facet', 'value', 'person_id'])
      .execute();

    await db.schema
      .createTable('person_organisations')
      .addColumn('person_id', 'integer', (col) => col.notNull().references('people.id').onDelete('cascade'))
      .addColumn('organisation_id', 'integer', (col) =>
        col.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('role', 'varchar(120)')
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('person_organisations_pk', ['person_id', 'organisation_id'])
      .execute();
    await db.schema
      .createIndex('person_organisations_org_idx')
      .on('person_organisations')
      .columns(['organisation_id', 'person_id'])
      .execute();

    await db.schema
      .createTable('person_claims')
      .addColumn('id', 'integer', c.id)
      .addColumn('person_id', 'integer', (col) => col.notNull().references('people.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('message', 'varchar(1000)', (col) => col.notNull().defaultTo(''))
      .addColumn('status', 'varchar(10)', (col) => col.notNull().defaultTo('pending'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('decided_at', c.timestamp)
      .addColumn('decided_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .execute();
    await db.schema
      .createIndex('person_claims_status_idx')
      .on('person_claims')
      .columns(['status', 'created_at'])
      .execute();
    await db.schema
      .createIndex('person_claims_person_idx')
      .on('person_claims')
      .columns(['person_id', 'user_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['person_claims', 'person_organisations', 'person_facets', 'people']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

// People's photos, stored as bytes like the organisations' logos (every process serves the same).
const photos: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('person_photos')
      .addColumn('person_id', 'integer', (col) =>
        col.primaryKey().references('people.id').onDelete('cascade'),
      )
      .$call(withImageColumns(c))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('person_photos').execute();
  },
};

// The title and bio in other languages than the profile's own, one row per language.
const translations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('person_translations')
      .addColumn('person_id', 'integer', (col) => col.notNull().references('people.id').onDelete('cascade'))
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('title', 'varchar(200)')
      .addColumn('bio', 'text', (col) => col.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('person_translations_pk', ['person_id', 'lang'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('person_translations').execute();
  },
};

export const peopleMigrations: Record<string, Migration> = {
  '2026_11_24_0001_people': people,
  '2026_11_24_0002_people_photos': photos,
  '2026_11_24_0003_people_translations': translations,
};
