// The tables of applications (application-tables.ts), dated after the shared tables of taking part.
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import { columns } from '../../../db/dialect.ts';

export const applicationTables: Migration = {
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
    await db.schema
      .createIndex('event_form_fields_event_idx')
      .on('event_form_fields')
      .column('event_id')
      .execute();

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
    await db.schema
      .createIndex('event_rubric_criteria_event_idx')
      .on('event_rubric_criteria')
      .column('event_id')
      .execute();

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
