// Tables around the roster (tables.ts). Dated after the shared tables of taking part
// (registration/migrations.ts) and the library's documents, which they point to.
import type { Migration } from 'kysely';
import { createIndex, tablesMigration } from '../../../db/migration-builders.ts';
import { withImageSizeColumns } from '../../../platform/attached-images.ts';
import { feedbackQuestionsMigration } from './feedback-migration.ts';

const participantsTables = tablesMigration(
  [
    'event_checkins',
    'event_outcomes',
    'event_documents',
    'event_photos',
    'event_feedback_questions',
    'event_feedback_responses',
    'event_feedback_answers',
  ],
  async (db, c) => {
    await db.schema
      .createTable('event_checkins')
      .addColumn('participant_id', 'integer', c.belongsTo('event_participants'))
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('date', 'varchar(10)', c.notNull)
      .addColumn('checked_by', 'integer', c.refersTo('users'))
      .addColumn('checked_at', c.timestamp, c.notNull)
      .addPrimaryKeyConstraint('event_checkins_pk', ['participant_id', 'date'])
      .execute();
    // The report counts each day's attendance; the check-in form reads one day of one event.
    await createIndex(db, 'event_checkins_event_idx', 'event_checkins', ['event_id', 'date']);

    await db.schema
      .createTable('event_outcomes')
      .addColumn('event_id', 'integer', c.keyedBy('events'))
      .addColumn('outcomes', 'text', c.notNullDefault(''))
      .addColumn('recommendations', 'text', c.notNullDefault(''))
      .addColumn('feedback_public', 'integer', c.notNullDefault(0))
      .addColumn('updated_by', 'integer', c.refersTo('users'))
      .addColumn('updated_at', c.timestamp, c.notNull)
      .execute();

    await db.schema
      .createTable('event_documents')
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('document_id', 'integer', c.belongsTo('documents'))
      .addColumn('role', 'varchar(20)', c.notNull)
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addPrimaryKeyConstraint('event_documents_pk', ['event_id', 'document_id'])
      .execute();

    await db.schema
      .createTable('event_photos')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('caption', 'varchar(300)', c.notNull)
      .addColumn('position', 'integer', c.notNullDefault(0))
      .$call(withImageSizeColumns(c))
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .addColumn('updated_at', c.timestamp, c.notNull)
      .execute();
    await createIndex(db, 'event_photos_event_idx', 'event_photos', 'event_id');

    await db.schema
      .createTable('event_feedback_questions')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addColumn('kind', 'varchar(10)', c.notNull)
      .addColumn('label', 'varchar(300)', c.notNull)
      .addColumn('choices', 'text', c.notNullDefault('[]'))
      .addColumn('required', 'integer', c.notNullDefault(0))
      .execute();
    await createIndex(db, 'event_feedback_questions_event_idx', 'event_feedback_questions', 'event_id');

    await db.schema
      .createTable('event_feedback_responses')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      // One answer per participant: a second attempt fails here even when two arrive at once.
      .addColumn('participant_id', 'integer', (col) =>
        col.notNull().unique().references('event_participants.id').onDelete('cascade'),
      )
      .addColumn('submitted_at', c.timestamp, c.notNull)
      .execute();
    await createIndex(db, 'event_feedback_responses_event_idx', 'event_feedback_responses', 'event_id');

    await db.schema
      .createTable('event_feedback_answers')
      .addColumn('response_id', 'integer', c.belongsTo('event_feedback_responses'))
      .addColumn('question_id', 'integer', c.belongsTo('event_feedback_questions'))
      .addColumn('rating', 'integer')
      .addColumn('choice', 'varchar(200)')
      .addColumn('text', 'text')
      .addPrimaryKeyConstraint('event_feedback_answers_pk', ['response_id', 'question_id'])
      .execute();
    // The summary groups answers by question.
    await createIndex(db, 'event_feedback_answers_question_idx', 'event_feedback_answers', 'question_id');
  },
);

export const participantsMigrations: Record<string, Migration> = {
  '2026_12_03_0032_event_participants': participantsTables,
  // The feedback questions and answers move into the platform's questionnaires.
  '2026_12_10_0003_event_feedback_questionnaires': feedbackQuestionsMigration,
};
