// The tables of taking part in an event and of applications (tables.ts), dated after the events'
// own tables.
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { Columns } from '../../../db/dialect.ts';
import { createIndex, tablesMigration } from '../../../db/migration-builders.ts';
import { applicationFormsMigration } from './forms-migration.ts';

/** How a person appears, the same on a registration and on the roster. */
const personColumns =
  (c: Columns) =>
  <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
    table
      .addColumn('name', 'varchar(200)', c.notNull)
      .addColumn('organisation_name', 'varchar(300)')
      .addColumn('organisation_id', 'integer', c.refersTo('organisations'))
      .addColumn('organisation_kind', 'varchar(30)')
      .addColumn('country', 'varchar(2)')
      .addColumn('category_id', 'integer', c.refersTo('event_categories'))
      .addColumn('gender', 'varchar(20)');

/** The index every table of an event's rows has: its lists are one event's. */
const indexByEvent = (db: Kysely<unknown>, table: string) =>
  createIndex(db, `${table}_event_idx`, table, 'event_id');

const participationTables = tablesMigration(
  ['event_registration', 'event_categories', 'event_registrations', 'event_participants'],
  async (db, c) => {
    await db.schema
      .createTable('event_registration')
      .addColumn('event_id', 'integer', c.keyedBy('events'))
      .addColumn('mode', 'varchar(20)', c.notNull)
      .addColumn('capacity', 'integer')
      .addColumn('waiting_list', 'integer', c.notNullDefault(1))
      .addColumn('deadline', c.timestamp)
      .addColumn('criteria', 'text', c.notNullDefault(''))
      .addColumn('updated_at', c.timestamp, c.notNull)
      .execute();

    await db.schema
      .createTable('event_categories')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addColumn('label', 'varchar(200)', c.notNull)
      .execute();
    await indexByEvent(db, 'event_categories');

    await db.schema
      .createTable('event_registrations')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('status', 'varchar(20)', c.notNull)
      .$call(personColumns(c))
      .addColumn('networking_consent', 'integer', c.notNullDefault(0))
      .addColumn('answers', 'text', c.notNullDefault('{}'))
      .addColumn('submitted_at', c.timestamp)
      .addColumn('decided_at', c.timestamp)
      .addColumn('decided_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      // One registration per account and event: a second attempt finds the first.
      .addUniqueConstraint('event_registrations_user_uq', ['event_id', 'user_id'])
      .execute();
    // Reviewers page through an event's applications by status; the balance counts them.
    await createIndex(db, 'event_registrations_status_idx', 'event_registrations', ['event_id', 'status']);
    await createIndex(db, 'event_registrations_user_idx', 'event_registrations', 'user_id');

    await db.schema
      .createTable('event_participants')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('registration_id', 'integer', (col) =>
        col.unique().references('event_registrations.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'integer', c.refersTo('users'))
      .addColumn('person_id', 'integer', c.refersTo('people'))
      .$call(personColumns(c))
      .addColumn('role', 'varchar(20)', c.notNullDefault('participant'))
      .addColumn('networking_consent', 'integer', c.notNullDefault(0))
      .$call(c.timestamps)
      .execute();
    // The report groups an event's roster by role, country, category, kind and gender.
    await createIndex(db, 'event_participants_event_idx', 'event_participants', ['event_id', 'role']);
    await createIndex(db, 'event_participants_user_idx', 'event_participants', 'user_id');
  },
);

const applicationTables = tablesMigration(
  [
    'event_form_fields',
    'event_invitations',
    'event_reviewers',
    'event_rubric_criteria',
    'event_reviews',
    'event_review_scores',
  ],
  async (db, c) => {
    await db.schema
      .createTable('event_form_fields')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addColumn('kind', 'varchar(20)', c.notNull)
      .addColumn('label', 'varchar(300)', c.notNull)
      .addColumn('help', 'text', c.notNullDefault(''))
      .addColumn('required', 'integer', c.notNullDefault(0))
      .addColumn('options', 'text', c.notNullDefault('[]'))
      .addColumn('hidden', 'integer', c.notNullDefault(0))
      .$call(c.timestamps)
      .execute();
    await indexByEvent(db, 'event_form_fields');

    await db.schema
      .createTable('event_invitations')
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('email', 'varchar(254)', c.notNull)
      .addColumn('invited_by', 'integer', c.refersTo('users'))
      .addColumn('created_at', c.timestamp, c.notNull)
      .addPrimaryKeyConstraint('event_invitations_pk', ['event_id', 'email'])
      .execute();

    await db.schema
      .createTable('event_reviewers')
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('added_by', 'integer', c.refersTo('users'))
      .addColumn('created_at', c.timestamp, c.notNull)
      .addPrimaryKeyConstraint('event_reviewers_pk', ['event_id', 'user_id'])
      .execute();
    // "Which events does this account review?" for the event page and the reviewer's links.
    await createIndex(db, 'event_reviewers_user_idx', 'event_reviewers', 'user_id');

    await db.schema
      .createTable('event_rubric_criteria')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addColumn('label', 'varchar(300)', c.notNull)
      .addColumn('max_score', 'integer', c.notNull)
      .execute();
    await indexByEvent(db, 'event_rubric_criteria');

    await db.schema
      .createTable('event_reviews')
      .addColumn('id', 'integer', c.id)
      .addColumn('registration_id', 'integer', c.belongsTo('event_registrations'))
      .addColumn('reviewer_id', 'integer', c.belongsTo('users'))
      .addColumn('note', 'text', c.notNullDefault(''))
      .$call(c.timestamps)
      .addUniqueConstraint('event_reviews_uq', ['registration_id', 'reviewer_id'])
      .execute();

    await db.schema
      .createTable('event_review_scores')
      .addColumn('review_id', 'integer', c.belongsTo('event_reviews'))
      .addColumn('criterion_id', 'integer', c.belongsTo('event_rubric_criteria'))
      .addColumn('score', 'integer', c.notNull)
      .addPrimaryKeyConstraint('event_review_scores_pk', ['review_id', 'criterion_id'])
      .execute();
  },
);

export const registrationMigrations: Record<string, Migration> = {
  '2026_12_03_0030_event_participation': participationTables,
  '2026_12_03_0031_event_applications': applicationTables,
  // The application forms and their answers move into the platform's questionnaires.
  '2026_12_10_0002_event_application_questionnaires': applicationFormsMigration,
};
