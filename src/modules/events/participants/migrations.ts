// Tables around the roster (tables.ts). Dated after the shared tables of taking part
// (registration/migrations.ts) and the library's documents, which they point to.
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../../db/dialect.ts';
import { feedbackQuestionsMigration } from './feedback-migration.ts';

const participantsTables: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('event_checkins')
      .addColumn('participant_id', 'integer', (col) =>
        col.notNull().references('event_participants.id').onDelete('cascade'),
      )
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('date', 'varchar(10)', (col) => col.notNull())
      .addColumn('checked_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('checked_at', c.timestamp, (col) => col.notNull())
      .addPrimaryKeyConstraint('event_checkins_pk', ['participant_id', 'date'])
      .execute();
    // The report counts each day's attendance; the check-in form reads one day of one event.
    await db.schema
      .createIndex('event_checkins_event_idx')
      .on('event_checkins')
      .columns(['event_id', 'date'])
      .execute();

    await db.schema
      .createTable('event_outcomes')
      .addColumn('event_id', 'integer', (col) => col.primaryKey().references('events.id').onDelete('cascade'))
      .addColumn('outcomes', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('recommendations', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('feedback_public', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('updated_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('event_documents')
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('document_id', 'integer', (col) =>
        col.notNull().references('documents.id').onDelete('cascade'),
      )
      .addColumn('role', 'varchar(20)', (col) => col.notNull())
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('event_documents_pk', ['event_id', 'document_id'])
      .execute();

    await db.schema
      .createTable('event_photos')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('caption', 'varchar(300)', (col) => col.notNull())
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('full', c.blob, (col) => col.notNull())
      .addColumn('full_width', 'integer', (col) => col.notNull())
      .addColumn('full_height', 'integer', (col) => col.notNull())
      .addColumn('thumb', c.blob, (col) => col.notNull())
      .addColumn('thumb_width', 'integer', (col) => col.notNull())
      .addColumn('thumb_height', 'integer', (col) => col.notNull())
      .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    await db.schema.createIndex('event_photos_event_idx').on('event_photos').column('event_id').execute();

    await db.schema
      .createTable('event_feedback_questions')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('kind', 'varchar(10)', (col) => col.notNull())
      .addColumn('label', 'varchar(300)', (col) => col.notNull())
      .addColumn('choices', 'text', (col) => col.notNull().defaultTo('[]'))
      .addColumn('required', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('event_feedback_questions_event_idx')
      .on('event_feedback_questions')
      .column('event_id')
      .execute();

    await db.schema
      .createTable('event_feedback_responses')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      // One answer per participant: a second attempt fails here even when two arrive at once.
      .addColumn('participant_id', 'integer', (col) =>
        col.notNull().unique().references('event_participants.id').onDelete('cascade'),
      )
      .addColumn('submitted_at', c.timestamp, (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('event_feedback_responses_event_idx')
      .on('event_feedback_responses')
      .column('event_id')
      .execute();

    await db.schema
      .createTable('event_feedback_answers')
      .addColumn('response_id', 'integer', (col) =>
        col.notNull().references('event_feedback_responses.id').onDelete('cascade'),
      )
      .addColumn('question_id', 'integer', (col) =>
        col.notNull().references('event_feedback_questions.id').onDelete('cascade'),
      )
      .addColumn('rating', 'integer')
      .addColumn('choice', 'varchar(200)')
      .addColumn('text', 'text')
      .addPrimaryKeyConstraint('event_feedback_answers_pk', ['response_id', 'question_id'])
      .execute();
    // The summary groups answers by question.
    await db.schema
      .createIndex('event_feedback_answers_question_idx')
      .on('event_feedback_answers')
      .column('question_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'event_feedback_answers',
      'event_feedback_responses',
      'event_feedback_questions',
      'event_photos',
      'event_documents',
      'event_outcomes',
      'event_checkins',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

export const participantsMigrations: Record<string, Migration> = {
  '2026_12_03_0032_event_participants': participantsTables,
  // The feedback questions and answers move into the platform's questionnaires.
  '2026_12_10_0003_event_feedback_questionnaires': feedbackQuestionsMigration,
};
