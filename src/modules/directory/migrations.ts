// Tables of the directory. Dated after the platform's migrations, which they refer to.
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';
import { withImageColumns } from '../../platform/attached-images.ts';

const organisations: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('kind', 'varchar(30)', (col) => col.notNull())
      .addColumn('name', 'varchar(200)', (col) => col.notNull())
      .addColumn('name_translit', 'varchar(200)')
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('country', 'varchar(2)', (col) => col.notNull())
      .addColumn('province', 'varchar(100)')
      .addColumn('city', 'varchar(100)')
      .addColumn('address', 'varchar(300)')
      .addColumn('latitude', 'double precision')
      .addColumn('longitude', 'double precision')
      .addColumn('website', 'varchar(500)')
      .addColumn('links', 'text', (col) => col.notNull().defaultTo('[]'))
      .addColumn('email', 'varchar(254)')
      .addColumn('phone', 'varchar(50)')
      .addColumn('contact_visibility', 'varchar(10)', (col) => col.notNull().defaultTo('members'))
      .addColumn('founded_year', 'integer')
      .addColumn('parent_id', 'integer', (col) => col.references('organisations.id').onDelete('set null'))
      .addColumn('opening_hours', 'varchar(500)')
      .addColumn('status', 'varchar(10)', (col) => col.notNull().defaultTo('published'))
      .addColumn('verified_at', c.timestamp)
      .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    for (const column of ['kind', 'country', 'city', 'status', 'updated_at', 'created_at', 'parent_id']) {
      await db.schema.createIndex(`organisations_${column}_idx`).on('organisations').column(column).execute();
    }
    // The directory's commonest pair of filters ("creative hubs in Viet Nam") read from the index alone.
    await db.schema
      .createIndex('organisations_country_kind_idx')
      .on('organisations')
      .columns(['country', 'kind', 'status'])
      .execute();

    await db.schema
      .createTable('organisation_translations')
      .addColumn('organisation_id', 'integer', (col) =>
        col.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('name', 'varchar(200)', (col) => col.notNull())
      .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('organisation_translations_pk', ['organisation_id', 'lang'])
      .execute();

    await db.schema
      .createTable('organisation_facets')
      .addColumn('organisation_id', 'integer', (col) =>
        col.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('facet', 'varchar(20)', (col) => col.notNull())
      .addColumn('value', 'varchar(40)', (col) => col.notNull())
      .addPrimaryKeyConstraint('organisation_facets_pk', ['organisation_id', 'facet', 'value'])
      .execute();
    await db.schema
      .createIndex('organisation_facets_value_idx')
      .on('organisation_facets')
      .columns(['facet', 'value', 'organisation_id'])
      .execute();

    await db.schema
      .createTable('organisation_members')
      .addColumn('organisation_id', 'integer', (col) =>
        col.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'varchar(10)', (col) => col.notNull())
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addPrimaryKeyConstraint('organisation_members_pk', ['organisation_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('organisation_members_user_idx')
      .on('organisation_members')
      .column('user_id')
      .execute();

    await db.schema
      .createTable('organisation_history')
      .addColumn('id', 'integer', c.id)
      .addColumn('organisation_id', 'integer', (col) =>
        col.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('actor_id', 'integer')
      .addColumn('at', c.timestamp, (col) => col.notNull())
      .addColumn('changes', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('organisation_history_org_idx')
      .on('organisation_history')
      .columns(['organisation_id', 'id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'organisation_history',
      'organisation_members',
      'organisation_facets',
      'organisation_translations',
      'organisations',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

// Invitations by email to join an organisation, and organisation logos (stored as bytes in the
// database, so several processes on several hosts serve the same logo without shared files).
const invitationsAndLogos: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('organisation_invitations')
      .addColumn('id', 'integer', c.id)
      .addColumn('organisation_id', 'integer', (col) =>
        col.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('email', 'varchar(254)', (col) => col.notNull())
      .addColumn('role', 'varchar(10)', (col) => col.notNull())
      .addColumn('token_hash', 'varchar(64)', (col) => col.notNull().unique())
      .addColumn('invited_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('expires_at', c.timestamp, (col) => col.notNull())
      .addColumn('accepted_at', c.timestamp)
      .addColumn('accepted_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('revoked_at', c.timestamp)
      .execute();
    await db.schema
      .createIndex('organisation_invitations_org_idx')
      .on('organisation_invitations')
      .columns(['organisation_id', 'email'])
      .execute();

    await db.schema
      .createTable('organisation_logos')
      .addColumn('organisation_id', 'integer', (col) =>
        col.primaryKey().references('organisations.id').onDelete('cascade'),
      )
      .$call(withImageColumns(c))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('organisation_logos').execute();
    await db.schema.dropTable('organisation_invitations').execute();
  },
};

export const directoryMigrations: Record<string, Migration> = {
  '2026_11_23_0001_directory_organisations': organisations,
  '2026_11_23_0002_directory_invitations': invitationsAndLogos,
  // Dated after every migration that existed when it was added: Kysely refuses a new migration
  // that sorts before ones a database has already run.
};
