// Tables of the QPR module (after the policies module's, whose measures they link).
import type { Migration } from 'kysely';
import { createIndex, tablesMigration } from '../../db/migration-builders.ts';

const reports = tablesMigration(
  ['qpr_reports', 'qpr_sections', 'qpr_section_versions', 'qpr_comments', 'qpr_inputs'],
  async (db, c) => {
    await db.schema
      .createTable('qpr_reports')
      .addColumn('id', 'integer', c.id)
      .addColumn('country', 'varchar(2)', c.notNull)
      .addColumn('cycle', 'varchar(20)', c.notNull)
      .addColumn('structure', 'varchar(20)', c.notNull)
      .addColumn('status', 'varchar(20)', c.notNullDefault('draft'))
      .addColumn('submitted_at', c.timestamp)
      .addColumn('submitted_by', 'integer', c.refersTo('users'))
      .addColumn('published', 'integer', c.notNullDefault(0))
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .addUniqueConstraint('qpr_reports_country_cycle_uq', ['country', 'cycle'])
      .execute();

    await db.schema
      .createTable('qpr_sections')
      .addColumn('id', 'integer', c.id)
      .addColumn('report_id', 'integer', c.belongsTo('qpr_reports'))
      .addColumn('code', 'varchar(80)', c.notNull)
      .addColumn('status', 'varchar(20)', c.notNullDefault('todo'))
      .addColumn('assignee_id', 'integer', c.refersTo('users'))
      .addColumn('due_on', 'varchar(10)')
      .addColumn('body', 'text', c.notNullDefault(''))
      .addColumn('lang', 'varchar(20)', c.notNullDefault('en'))
      .addColumn('content', 'text', c.notNullDefault('{}'))
      .addColumn('version', 'integer', c.notNullDefault(0))
      .addColumn('reminded_for', 'varchar(10)')
      .addColumn('updated_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .addUniqueConstraint('qpr_sections_report_code_uq', ['report_id', 'code'])
      .execute();
    // "What is assigned to me" (the list, the permission) and the reminders' walk by due date.
    await createIndex(db, 'qpr_sections_assignee_idx', 'qpr_sections', 'assignee_id');
    await createIndex(db, 'qpr_sections_due_idx', 'qpr_sections', ['due_on', 'status']);

    await db.schema
      .createTable('qpr_section_versions')
      .addColumn('id', 'integer', c.id)
      .addColumn('section_id', 'integer', c.belongsTo('qpr_sections'))
      .addColumn('version', 'integer', c.notNull)
      .addColumn('body', 'text', c.notNullDefault(''))
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('content', 'text', c.notNullDefault('{}'))
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .addColumn('created_at', c.timestamp, c.notNull)
      .addUniqueConstraint('qpr_section_versions_uq', ['section_id', 'version'])
      .execute();

    await db.schema
      .createTable('qpr_comments')
      .addColumn('id', 'integer', c.id)
      .addColumn('section_id', 'integer', c.belongsTo('qpr_sections'))
      .addColumn('author_id', 'integer', c.refersTo('users'))
      .addColumn('body', 'text', c.notNull)
      .addColumn('created_at', c.timestamp, c.notNull)
      .execute();
    await createIndex(db, 'qpr_comments_section_idx', 'qpr_comments', ['section_id', 'id']);

    await db.schema
      .createTable('qpr_inputs')
      .addColumn('id', 'integer', c.id)
      .addColumn('report_id', 'integer', c.belongsTo('qpr_reports'))
      .addColumn('organisation_id', 'integer', c.belongsTo('organisations'))
      .addColumn('user_id', 'integer', c.refersTo('users'))
      .addColumn('kind', 'varchar(20)', c.notNull)
      .addColumn('title', 'varchar(500)', c.notNullDefault(''))
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .addColumn('area', 'varchar(40)')
      .addColumn('status', 'varchar(20)', c.notNullDefault('draft'))
      .addColumn('reason', 'text', c.notNullDefault(''))
      .addColumn('measure_id', 'integer', c.refersTo('policy_measures'))
      .addColumn('decided_by', 'integer', c.refersTo('users'))
      .addColumn('decided_at', c.timestamp)
      .$call(c.timestamps)
      .execute();
    await createIndex(db, 'qpr_inputs_report_idx', 'qpr_inputs', ['report_id', 'status']);
    await createIndex(db, 'qpr_inputs_user_idx', 'qpr_inputs', 'user_id');
    await createIndex(db, 'qpr_inputs_org_idx', 'qpr_inputs', 'organisation_id');
  },
);

const rounds = tablesMigration(['qpr_rounds', 'qpr_round_comments'], async (db, c) => {
  await db.schema
    .createTable('qpr_rounds')
    .addColumn('id', 'integer', c.id)
    .addColumn('section_id', 'integer', c.belongsTo('qpr_sections'))
    .addColumn('version', 'integer', c.notNull)
    .addColumn('body', 'text', c.notNullDefault(''))
    .addColumn('lang', 'varchar(20)', c.notNull)
    .addColumn('audience', 'varchar(20)', c.notNull)
    .addColumn('group_id', 'integer', c.refersTo('groups'))
    .addColumn('closes_on', 'varchar(10)', c.notNull)
    .addColumn('status', 'varchar(10)', c.notNullDefault('open'))
    .addColumn('created_by', 'integer', c.refersTo('users'))
    .addColumn('created_at', c.timestamp, c.notNull)
    .addColumn('closed_at', c.timestamp)
    .execute();
  // The job's walk (open rounds past their date) and a section's rounds.
  await createIndex(db, 'qpr_rounds_open_idx', 'qpr_rounds', ['status', 'closes_on']);
  await createIndex(db, 'qpr_rounds_section_idx', 'qpr_rounds', 'section_id');
  await db.schema
    .createTable('qpr_round_comments')
    .addColumn('id', 'integer', c.id)
    .addColumn('round_id', 'integer', c.belongsTo('qpr_rounds'))
    .addColumn('paragraph', 'integer', c.notNull)
    .addColumn('author_id', 'integer', c.refersTo('users'))
    .addColumn('organisation_id', 'integer', c.refersTo('organisations'))
    .addColumn('gender', 'varchar(10)')
    .addColumn('body', 'text', c.notNull)
    .addColumn('created_at', c.timestamp, c.notNull)
    .execute();
  await createIndex(db, 'qpr_round_comments_round_idx', 'qpr_round_comments', [
    'round_id',
    'paragraph',
    'id',
  ]);
});

export const qprMigrations: Record<string, Migration> = {
  '2026_12_26_0101_qpr_reports': reports,
  '2026_12_26_0102_qpr_consultation_rounds': rounds,
};
