import { createIndex, tablesMigration, translationsTable } from '../../db/migration-builders.ts';

export const questionnairesMigration = tablesMigration(
  [
    'questionnaires',
    'questionnaire_questions',
    'questionnaire_question_translations',
    'questionnaire_responses',
    'questionnaire_answers',
  ],
  async (db, c) => {
    await db.schema
      .createTable('questionnaires')
      .addColumn('id', 'integer', c.id)
      .addColumn('owner_type', 'varchar(40)', c.notNull)
      .addColumn('owner_id', 'integer', c.notNull)
      .$call(c.timestamps)
      // One questionnaire per owner and purpose: a second attempt to make one finds the first.
      .addUniqueConstraint('questionnaires_owner_uq', ['owner_type', 'owner_id'])
      .execute();

    await db.schema
      .createTable('questionnaire_questions')
      .addColumn('id', 'integer', c.id)
      .addColumn('questionnaire_id', 'integer', c.belongsTo('questionnaires'))
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addColumn('kind', 'varchar(20)', c.notNull)
      .addColumn('label', 'varchar(300)', c.notNull)
      .addColumn('help', 'text', c.notNullDefault(''))
      .addColumn('required', 'integer', c.notNullDefault(0))
      .addColumn('choices', 'text', c.notNullDefault('[]'))
      .addColumn('hidden', 'integer', c.notNullDefault(0))
      .addColumn('show_if_question', 'integer', c.refersTo('questionnaire_questions'))
      .addColumn('show_if_values', 'text', c.notNullDefault('[]'))
      .$call(c.timestamps)
      .execute();
    await createIndex(db, 'questionnaire_questions_questionnaire_idx', 'questionnaire_questions', [
      'questionnaire_id',
      'position',
    ]);

    await translationsTable(
      db,
      'questionnaire_question_translations',
      'question_id',
      'questionnaire_questions',
      'varchar(12)',
    )
      .addColumn('label', 'varchar(300)', c.notNull)
      .addColumn('help', 'text', c.notNullDefault(''))
      .addColumn('choices', 'text', c.notNullDefault('[]'))
      .execute();

    await db.schema
      .createTable('questionnaire_responses')
      .addColumn('id', 'integer', c.id)
      .addColumn('questionnaire_id', 'integer', c.belongsTo('questionnaires'))
      .addColumn('respondent_id', 'integer', c.notNull)
      .addColumn('user_id', 'integer', (col) => col.references('users.id').onDelete('cascade'))
      .addColumn('status', 'varchar(10)', c.notNull)
      .addColumn('submitted_at', c.timestamp)
      .$call(c.timestamps)
      // One response per respondent: a second one fails here even when two arrive at once.
      .addUniqueConstraint('questionnaire_responses_respondent_uq', ['questionnaire_id', 'respondent_id'])
      .execute();
    await createIndex(db, 'questionnaire_responses_user_idx', 'questionnaire_responses', 'user_id');

    await db.schema
      .createTable('questionnaire_answers')
      .addColumn('response_id', 'integer', c.belongsTo('questionnaire_responses'))
      .addColumn('question_id', 'integer', c.belongsTo('questionnaire_questions'))
      .addColumn('value', 'text', c.notNull)
      .addPrimaryKeyConstraint('questionnaire_answers_pk', ['response_id', 'question_id'])
      .execute();
    // Summaries count the answers of each question; "has anyone answered?" looks one up.
    await createIndex(db, 'questionnaire_answers_question_idx', 'questionnaire_answers', 'question_id');
  },
);
