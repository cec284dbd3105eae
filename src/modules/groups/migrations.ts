// Tables of the groups module, dated after the directory's organisations they may refer to.
import type { Migration } from 'kysely';
import { createIndex, tablesMigration, translationsTable } from '../../db/migration-builders.ts';

const groups = tablesMigration(
  ['groups', 'group_translations', 'group_members', 'group_invitations', 'group_join_requests'],
  async (db, c) => {
    await db.schema
      .createTable('groups')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('name', 'varchar(200)', c.notNull)
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .addColumn('kind', 'varchar(20)', c.notNull)
      .addColumn('visibility', 'varchar(10)', c.notNull)
      .addColumn('organisation_id', 'integer', c.refersTo('organisations'))
      .addColumn('country', 'varchar(2)')
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .execute();
    await createIndex(db, 'groups_country_idx', 'groups', ['country', 'kind']);
    await createIndex(db, 'groups_organisation_idx', 'groups', 'organisation_id');

    await translationsTable(db, 'group_translations', 'group_id', 'groups')
      .addColumn('name', 'varchar(200)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .execute();

    await db.schema
      .createTable('group_members')
      .addColumn('group_id', 'integer', c.belongsTo('groups'))
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('role', 'varchar(20)', c.notNull)
      .addColumn('created_at', c.timestamp, c.notNull)
      .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
      .execute();
    // "Which groups is this person in?" (search scopes, lists, download my data).
    await createIndex(db, 'group_members_user_idx', 'group_members', 'user_id');

    await db.schema
      .createTable('group_invitations')
      .addColumn('id', 'integer', c.id)
      .addColumn('group_id', 'integer', c.belongsTo('groups'))
      .addColumn('email', 'varchar(320)', c.notNull)
      .addColumn('role', 'varchar(20)', c.notNull)
      .addColumn('token_hash', 'varchar(64)', (col) => col.notNull().unique())
      .addColumn('invited_by', 'integer', c.refersTo('users'))
      .addColumn('created_at', c.timestamp, c.notNull)
      .addColumn('expires_at', c.timestamp, c.notNull)
      .addColumn('accepted_at', c.timestamp)
      .addColumn('accepted_by', 'integer', c.refersTo('users'))
      .addColumn('revoked_at', c.timestamp)
      .execute();
    await createIndex(db, 'group_invitations_group_idx', 'group_invitations', ['group_id', 'email']);

    await db.schema
      .createTable('group_join_requests')
      .addColumn('id', 'integer', c.id)
      .addColumn('group_id', 'integer', c.belongsTo('groups'))
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('message', 'text', c.notNullDefault(''))
      .addColumn('created_at', c.timestamp, c.notNull)
      .addColumn('decided_at', c.timestamp)
      .addColumn('decided_by', 'integer', c.refersTo('users'))
      .addColumn('decision', 'varchar(10)')
      .execute();
    await createIndex(db, 'group_join_requests_group_idx', 'group_join_requests', ['group_id', 'decided_at']);
    await createIndex(db, 'group_join_requests_user_idx', 'group_join_requests', 'user_id');
  },
);

export const groupsMigrations: Record<string, Migration> = {
  '2026_12_11_0002_groups': groups,
};
