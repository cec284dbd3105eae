// The questionnaires' tables (tables.ts): one engine for every form a module lets its owners write
// (an event's application form and its feedback today). Registered in db/migrations/index.ts.
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';

export const questionnairesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('questionnaires')
      .addColumn('id', 'integer', c.id)
      .addColumn('owner_type', 'varchar(40)', (col) => col.notNull())
      .addColumn('owner_id', 'integer', (col) => col.notNull())
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      // One questionnaire per owner and purpose: a second attempt to make one finds the first.
      .addUniqueConstraint('questionnaires_owner_uq', ['owner_type', 'owner_id'])
      .execute();

    await db.schema
      .createTable('questionnaire_questions')
      .addColumn('id', 'integer', c.id)
      .addColumn('questionnaire_id', 'integer', (col) =>
        col.notNull().references('questionnaires.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('kind', 'varchar(20)', (col) => col.notNull())
      .addColumn('label', 'varchar(300)', (col) => col.notNull())
      .addColumn('help', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('required', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('choices', 'text', (col) => col.notNull().defaultTo('[]'))
      .addColumn('hidden', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('show_if_question', 'integer', (col) =>
        col.references('questionnaire_questions.id').onDelete('set null'),
      )
      .addColumn('show_if_values', 'text', (col) => col.notNull().defaultTo('[]'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('questionnaire_questions_questionnaire_idx')
      .on('questionnaire_questions')
      .columns(['questionnaire_id', 'position'])
      .execute();

    await db.schema
      .createTable('questionnaire_question_translations')
      .addColumn('question_id', 'integer', (col) =>
        col.notNull().references('questionnaire_questions.id').onDelete('cascade'),
      )
      .addColumn('lang', 'varchar(12)', (col) => col.notNull())
      .addColumn('label', 'varchar(300)', (col) => col.notNull())
      .addColumn('help', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('choices', 'text', (col) => col.notNull().defaultTo('[]'))
      .addPrimaryKeyConstraint('questionnaire_question_translations_pk', ['question_id', 'lang'])
      .execute();

    await db.schema
      .createTable('questionnaire_responses')
      .addColumn('id', 'integer', c.id)
      .addColumn('questionnaire_id', 'integer', (col) =>
        col.notNull().references('questionnaires.id').onDelete('cascade'),
      )
      .addColumn('respondent_id', 'integer', (col) => col.notNull())
      .addColumn('user_id', 'integer', (col) => col.references('users.id').onDelete('cascade'))
      .addColumn('status', 'varchar(10)', (col) => col.notNull())
      .addColumn('submitted_at', c.timestamp)
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      // One response per respondent: a second one fails here even when two arrive at once.
      .addUniqueConstraint('questionnaire_responses_respondent_uq', ['questionnaire_id', 'respondent_id'])
      .execute();
    await db.schema
      .createIndex('questionnaire_responses_user_idx')
      .on('questionnaire_responses')
      .column('user_id')
      .execute();

    await db.schema
      .createTable('questionnaire_answers')
      .addColumn('response_id', 'integer', (col) =>
        col.notNull().references('questionnaire_responses.id').onDelete('cascade'),
      )
      .addColumn('question_id', 'integer', (col) =>
        col.notNull().references('questionnaire_questions.id').onDelete('cascade'),
      )
      .addColumn('value', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('questionnaire_answers_pk', ['response_id', 'question_id'])
      .execute();
    // Summaries count the answers of each question; "has anyone answered?" looks one up.
    await db.schema
      .createIndex('questionnaire_answers_question_idx')
      .on('questionnaire_answers')
      .column('question_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'questionnaire_answers',
      'questionnaire_responses',
      'questionnaire_question_translations',
      'questionnaire_questions',
      'questionnaires',
    ])
      await db.schema.dropTable(table).execute();
  },
};
