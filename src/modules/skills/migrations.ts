// Tables of the skills module. The frameworks it ships are installed as data by
// frameworks/install.ts (ensureShippedFrameworks), not here: a migration writes no rows.
import type { Migration } from 'kysely';
import { createIndex, tablesMigration, translationsTable } from '../../db/migration-builders.ts';

const tables = tablesMigration(
  [
    'skill_frameworks',
    'skill_areas',
    'skill_area_translations',
    'skill_competences',
    'skill_competence_translations',
    'skill_levels',
    'skill_roles',
    'skill_role_translations',
    'skill_role_levels',
    'skill_surveys',
    'skill_survey_items',
    'skill_respondents',
  ],
  async (db, c) => {
    await db.schema
      .createTable('skill_frameworks')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('version', 'varchar(40)', c.notNull)
      .addColumn('title', 'varchar(200)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .addColumn('source', 'varchar(1000)', c.notNullDefault(''))
      .addColumn('extends_id', 'integer', c.refersTo('skill_frameworks'))
      .$call(c.timestamps)
      .execute();
    await db.schema
      .createTable('skill_areas')
      .addColumn('id', 'integer', c.id)
      .addColumn('framework_id', 'integer', c.belongsTo('skill_frameworks'))
      .addColumn('code', 'varchar(20)', c.notNull)
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addColumn('title', 'varchar(300)', c.notNull)
      .addUniqueConstraint('skill_areas_code_uq', ['framework_id', 'code'])
      .execute();
    await translationsTable(db, 'skill_area_translations', 'area_id', 'skill_areas')
      .addColumn('title', 'varchar(300)', c.notNull)
      .execute();
    await db.schema
      .createTable('skill_competences')
      .addColumn('id', 'integer', c.id)
      .addColumn('framework_id', 'integer', c.belongsTo('skill_frameworks'))
      .addColumn('area_id', 'integer', c.belongsTo('skill_areas'))
      .addColumn('code', 'varchar(20)', c.notNull)
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addColumn('title', 'varchar(300)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .addUniqueConstraint('skill_competences_code_uq', ['framework_id', 'code'])
      .execute();
    await createIndex(db, 'skill_competences_area_idx', 'skill_competences', 'area_id');
    await translationsTable(db, 'skill_competence_translations', 'competence_id', 'skill_competences')
      .addColumn('title', 'varchar(300)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .execute();
    await db.schema
      .createTable('skill_levels')
      .addColumn('framework_id', 'integer', c.belongsTo('skill_frameworks'))
      .addColumn('level', 'integer', c.notNull)
      .addColumn('band', 'varchar(30)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .addPrimaryKeyConstraint('skill_levels_pk', ['framework_id', 'level'])
      .execute();
    await db.schema
      .createTable('skill_roles')
      .addColumn('id', 'integer', c.id)
      .addColumn('framework_id', 'integer', c.belongsTo('skill_frameworks'))
      .addColumn('code', 'varchar(60)', c.notNull)
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addColumn('title', 'varchar(200)', c.notNull)
      .addUniqueConstraint('skill_roles_code_uq', ['framework_id', 'code'])
      .execute();
    await translationsTable(db, 'skill_role_translations', 'role_id', 'skill_roles')
      .addColumn('title', 'varchar(200)', c.notNull)
      .execute();
    await db.schema
      .createTable('skill_role_levels')
      .addColumn('role_id', 'integer', c.belongsTo('skill_roles'))
      .addColumn('competence_id', 'integer', c.belongsTo('skill_competences'))
      .addColumn('level', 'integer', c.notNull)
      .addPrimaryKeyConstraint('skill_role_levels_pk', ['role_id', 'competence_id'])
      .execute();

    await db.schema
      .createTable('skill_surveys')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('title', 'varchar(200)', c.notNull)
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('intro', 'text', c.notNullDefault(''))
      .addColumn('framework_id', 'integer', (col) => col.notNull().references('skill_frameworks.id'))
      .addColumn('owner_kind', 'varchar(20)', c.notNull)
      .addColumn('owner_id', 'integer', c.notNull)
      .addColumn('status', 'varchar(20)', c.notNull)
      .addColumn('published', 'integer', c.notNullDefault(0))
      .addColumn('countries', 'text', c.notNullDefault('[]'))
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .execute();
    await createIndex(db, 'skill_surveys_owner_idx', 'skill_surveys', ['owner_kind', 'owner_id']);
    await db.schema
      .createTable('skill_survey_items')
      .addColumn('question_id', 'integer', c.keyedBy('questionnaire_questions'))
      .addColumn('survey_id', 'integer', c.belongsTo('skill_surveys'))
      .addColumn('section', 'integer', c.notNull)
      .addColumn('measure', 'varchar(20)', c.notNull)
      .addColumn('competence_id', 'integer', c.refersTo('skill_competences'))
      .addColumn('field', 'varchar(60)')
      .execute();
    await createIndex(db, 'skill_survey_items_survey_idx', 'skill_survey_items', ['survey_id', 'section']);
    await db.schema
      .createTable('skill_respondents')
      .addColumn('id', 'integer', c.id)
      .addColumn('survey_id', 'integer', c.belongsTo('skill_surveys'))
      .addColumn('token_hash', 'varchar(64)', (col) => col.notNull().unique())
      .addColumn('user_id', 'integer', c.refersTo('users'))
      .addColumn('section', 'integer', c.notNullDefault(0))
      .$call(c.timestamps)
      .execute();
    await createIndex(db, 'skill_respondents_survey_idx', 'skill_respondents', 'survey_id');
  },
);

const invitations = tablesMigration(['skill_invitations'], async (db, c) => {
  await db.schema
    .createTable('skill_invitations')
    .addColumn('survey_id', 'integer', c.belongsTo('skill_surveys'))
    .addColumn('user_id', 'integer', c.belongsTo('users'))
    .addColumn('invited_at', c.timestamp, c.notNull)
    .addColumn('reminded_at', c.timestamp)
    .addPrimaryKeyConstraint('skill_invitations_pk', ['survey_id', 'user_id'])
    .execute();
  await createIndex(db, 'skill_invitations_user_idx', 'skill_invitations', 'user_id');
});

export const skillsMigrations: Record<string, Migration> = {
  '2026_12_27_0001_skills': tables,
  '2026_12_27_0002_skill_invitations': invitations,
};
