// The suspensions of members (posting/tables.ts).
import { createIndex, tablesMigration } from '../../../db/migration-builders.ts';

export const suspensionsMigration = tablesMigration(['member_suspensions'], async (db, c) => {
  await db.schema
    .createTable('member_suspensions')
    .addColumn('id', 'integer', c.id)
    .addColumn('user_id', 'integer', c.belongsTo('users'))
    .addColumn('until', c.timestamp, c.notNull)
    .addColumn('reason', 'text', c.notNull)
    .addColumn('created_by', 'integer', c.refersTo('users'))
    .addColumn('created_at', c.timestamp, c.notNull)
    .addColumn('lifted_at', c.timestamp)
    .addColumn('lifted_by', 'integer', c.refersTo('users'))
    .execute();
  // "Is this member suspended now": every post asks it, by member.
  await createIndex(db, 'member_suspensions_user_idx', 'member_suspensions', ['user_id', 'until']);
});
