// The tables of taking part in an event and of applications (tables.ts), dated after the events'
// own tables.
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';
import { columns } from '../../../db/dialect.ts';
import { applicationFormsMigration } from './forms-migration.ts';

/** How a person appears, the same on a registration and on the roster. */
const personColumns = <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
  table
    .addColumn('name', 'varchar(200)', (col) => col.notNull())
    .addColumn('organisation_name', 'varchar(300)')
    .addColumn('organisation_id', 'integer', (col) => col.references('organisations.id').onDelete('set null'))
    .addColumn('organisation_kind', 'varchar(30)')
    .addColumn('country', 'varchar(2)')
    .addColumn('category_id', 'integer', (col) => col.references('event_categories.id').onDelete('set null'))
    .addColumn('gender', 'varchar(20)');

/** The index every table of an event's rows has: its lists are one event's. */
const indexByEvent = (db: Kysely<unknown>, table: string) =>
  db.schema.createIndex(`${table}_event_idx`).on(table).column('event_id').execute();

const participationTables: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('event_registration')
      .addColumn('event_id', 'integer', (col) => col.primaryKey().references('events.id').onDelete('cascade'))
      .addColumn('mode', 'varchar(20)', (col) => col.notNull())
      .addColumn('capacity', 'integer')
      .addColumn('waiting_list', 'integer', (col) => col.notNull().defaultTo(1))
      .addColumn('deadline', c.timestamp)
      .addColumn('criteria', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('event_categories')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('label', 'varchar(200)', (col) => col.notNull())
      .execute();
    await indexByEvent(db, 'event_categories');

    await db.schema
      .createTable('event_registrations')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('status', 'varchar(20)', (col) => col.notNull())
      .$call(personColumns)
      .addColumn('networking_consent', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('answers', 'text', (col) => col.notNull().defaultTo('{}'))
      .addColumn('submitted_at', c.timestamp)
      .addColumn('decided_at', c.timestamp)
      .addColumn('decided_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      // One registration per account and event: a second attempt finds the first.
      .addUniqueConstraint('event_registrations_user_uq', ['event_id', 'user_id'])
      .execute();
    // Reviewers page through an event's applications by status; the balance counts them.
    await db.schema
      .createIndex('event_registrations_status_idx')
      .on('event_registrations')
      .columns(['event_id', 'status'])
      .execute();
    await db.schema
      .createIndex('event_registrations_user_idx')
      .on('event_registrations')
      .column('user_id')
      .execute();

    await db.schema
      .createTable('event_participants')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('registration_id', 'integer', (col) =>
        col.unique().references('event_registrations.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('person_id', 'integer', (col) => col.references('people.id').onDelete('set null'))
      .$call(personColumns)
      .addColumn('role', 'varchar(20)', (col) => col.notNull().defaultTo('participant'))
      .addColumn('networking_consent', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    // The report groups an event's roster by role, country, category, kind and gender.
    await db.schema
      .createIndex('event_participants_event_idx')
      .on('event_participants')
      .columns(['event_id', 'role'])
      .execute();
    await db.schema
      .createIndex('event_participants_user_idx')
      .on('event_participants')
      .column('user_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'event_participants',
      'event_registrations',
      'event_categories',
      'event_registration',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

const applicationTables: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    const event = (col: ColumnDefinitionBuilder) => col.notNull().references('events.id').onDelete('cascade');
    await db.schema
      .createTable('event_form_fields')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', event)
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('kind', 'varchar(20)', (col) => col.notNull())
      .addColumn('label', 'varchar(300)', (col) => col.notNull())
      .addColumn('help', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('required', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('options', 'text', (col) => col.notNull().defaultTo('[]'))
      .addColumn('hidden', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    await indexByEvent(db, 'event_form_fields');

    await db.schema
      .createTable('event_invitations')
      .addColumn('event_id', 'integer', event)
      .addColumn('email', 'varchar(254)', (col) => col.notNull())
      .addColumn('invited_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addPrimaryKeyConstraint('event_invitations_pk', ['event_id', 'email'])
      .execute();

    await db.schema
      .createTable('event_reviewers')
      .addColumn('event_id', 'integer', event)
      .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('added_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addPrimaryKeyConstraint('event_reviewers_pk', ['event_id', 'user_id'])
      .execute();
    // "Which events does this account review?" for the event page and the reviewer's links.
    await db.schema.createIndex('event_reviewers_user_idx').on('event_reviewers').column('user_id').execute();

    await db.schema
      .createTable('event_rubric_criteria')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', event)
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('label', 'varchar(300)', (col) => col.notNull())
      .addColumn('max_score', 'integer', (col) => col.notNull())
      .execute();
    await indexByEvent(db, 'event_rubric_criteria');

    await db.schema
      .createTable('event_reviews')
      .addColumn('id', 'integer', c.id)
      .addColumn('registration_id', 'integer', (col) =>
        col.notNull().references('event_registrations.id').onDelete('cascade'),
      )
      .addColumn('reviewer_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .addUniqueConstraint('event_reviews_uq', ['registration_id', 'reviewer_id'])
      .execute();

    await db.schema
      .createTable('event_review_scores')
      .addColumn('review_id', 'integer', (col) =>
        col.notNull().references('event_reviews.id').onDelete('cascade'),
      )
      .addColumn('criterion_id', 'integer', (col) =>
        col.notNull().references('event_rubric_criteria.id').onDelete('cascade'),
      )
      .addColumn('score', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('event_review_scores_pk', ['review_id', 'criterion_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'event_review_scores',
      'event_reviews',
      'event_rubric_criteria',
      'event_reviewers',
      'event_invitations',
      'event_form_fields',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

export const registrationMigrations: Record<string, Migration> = {
  '2026_12_03_0030_event_participation': participationTables,
  '2026_12_03_0031_event_applications': applicationTables,
  // The application forms and their answers move into the platform's questionnaires.
  '2026_12_10_0002_event_application_questionnaires': applicationFormsMigration,
};
