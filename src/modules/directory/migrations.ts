// Tables of the directory. Dated after the platform's migrations, which they refer to.
import { type Kysely, type Migration, sql } from 'kysely';
import { columns } from '../../db/dialect.ts';
import { createIndex, indexEach, tablesMigration, translationsTable } from '../../db/migration-builders.ts';
import { createSingleImageTable } from '../../platform/attached-images.ts';

const organisations = tablesMigration(
  [
    'organisations',
    'organisation_translations',
    'organisation_facets',
    'organisation_members',
    'organisation_history',
  ],
  async (db, c) => {
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('kind', 'varchar(30)', c.notNull)
      .addColumn('name', 'varchar(200)', c.notNull)
      .addColumn('name_translit', 'varchar(200)')
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .addColumn('country', 'varchar(2)', c.notNull)
      .addColumn('province', 'varchar(100)')
      .addColumn('city', 'varchar(100)')
      .addColumn('address', 'varchar(300)')
      .addColumn('latitude', 'double precision')
      .addColumn('longitude', 'double precision')
      .addColumn('website', 'varchar(500)')
      .addColumn('links', 'text', c.notNullDefault('[]'))
      .addColumn('email', 'varchar(254)')
      .addColumn('phone', 'varchar(50)')
      .addColumn('contact_visibility', 'varchar(10)', c.notNullDefault('members'))
      .addColumn('founded_year', 'integer')
      .addColumn('parent_id', 'integer', c.refersTo('organisations'))
      .addColumn('opening_hours', 'varchar(500)')
      .addColumn('status', 'varchar(10)', c.notNullDefault('published'))
      .addColumn('verified_at', c.timestamp)
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .execute();
    await indexEach(db, 'organisations', [
      'kind',
      'country',
      'city',
      'status',
      'updated_at',
      'created_at',
      'parent_id',
    ]);
    // The directory's commonest pair of filters ("creative hubs in Viet Nam") read from the index alone.
    await createIndex(db, 'organisations_country_kind_idx', 'organisations', ['country', 'kind', 'status']);

    await translationsTable(db, 'organisation_translations', 'organisation_id', 'organisations')
      .addColumn('name', 'varchar(200)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .execute();

    await db.schema
      .createTable('organisation_facets')
      .addColumn('organisation_id', 'integer', c.belongsTo('organisations'))
      .addColumn('facet', 'varchar(20)', c.notNull)
      .addColumn('value', 'varchar(40)', c.notNull)
      .addPrimaryKeyConstraint('organisation_facets_pk', ['organisation_id', 'facet', 'value'])
      .execute();
    await createIndex(db, 'organisation_facets_value_idx', 'organisation_facets', [
      'facet',
      'value',
      'organisation_id',
    ]);

    await db.schema
      .createTable('organisation_members')
      .addColumn('organisation_id', 'integer', c.belongsTo('organisations'))
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('role', 'varchar(10)', c.notNull)
      .addColumn('created_at', c.timestamp, c.notNull)
      .addPrimaryKeyConstraint('organisation_members_pk', ['organisation_id', 'user_id'])
      .execute();
    await createIndex(db, 'organisation_members_user_idx', 'organisation_members', 'user_id');

    await db.schema
      .createTable('organisation_history')
      .addColumn('id', 'integer', c.id)
      .addColumn('organisation_id', 'integer', c.belongsTo('organisations'))
      .addColumn('actor_id', 'integer')
      .addColumn('at', c.timestamp, c.notNull)
      .addColumn('changes', 'text', c.notNull)
      .execute();
    await createIndex(db, 'organisation_history_org_idx', 'organisation_history', ['organisation_id', 'id']);
  },
);

// Invitations by email to join an organisation, and organisation logos (stored as bytes in the
// database, so several processes on several hosts serve the same logo without shared files).
const invitationsAndLogos = tablesMigration(
  ['organisation_invitations', 'organisation_logos'],
  async (db, c) => {
    await db.schema
      .createTable('organisation_invitations')
      .addColumn('id', 'integer', c.id)
      .addColumn('organisation_id', 'integer', c.belongsTo('organisations'))
      .addColumn('email', 'varchar(254)', c.notNull)
      .addColumn('role', 'varchar(10)', c.notNull)
      .addColumn('token_hash', 'varchar(64)', (col) => col.notNull().unique())
      .addColumn('invited_by', 'integer', c.refersTo('users'))
      .addColumn('created_at', c.timestamp, c.notNull)
      .addColumn('expires_at', c.timestamp, c.notNull)
      .addColumn('accepted_at', c.timestamp)
      .addColumn('accepted_by', 'integer', c.refersTo('users'))
      .addColumn('revoked_at', c.timestamp)
      .execute();
    await createIndex(db, 'organisation_invitations_org_idx', 'organisation_invitations', [
      'organisation_id',
      'email',
    ]);

    await createSingleImageTable(db, 'organisation_logos', 'organisation_id', 'organisations');
  },
);

/**
 * The parent's owners confirm a parent link (issue 19, point 9): until then the link shows only to
 * the organisation's own people. Links made before this migration were never asked about; they
 * count as confirmed (dated at the migration), so no public page loses its parent overnight.
 */
const parentConfirmation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('organisations')
      .addColumn('parent_confirmed_at', columns(db).timestamp)
      .execute();
    await sql`update organisations set parent_confirmed_at = ${new Date().toISOString()} where parent_id is not null`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('organisations').dropColumn('parent_confirmed_at').execute();
  },
};

export const directoryMigrations: Record<string, Migration> = {
  '2026_11_23_0001_directory_organisations': organisations,
  '2026_11_23_0002_directory_invitations': invitationsAndLogos,
  '2026_12_23_0001_directory_parent_confirmation': parentConfirmation,
  // Dated after every migration that existed when it was added: Kysely refuses a new migration
  // that sorts before ones a database has already run.
};
