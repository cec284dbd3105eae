// The tables of two-factor sign-in (tables.ts).
import { createIndex, tablesMigration } from '../../../db/migration-builders.ts';

export const twoFactorMigration = tablesMigration(
  ['two_factor_challenges', 'two_factor_recovery_codes', 'two_factor'],
  async (db, c) => {
    await db.schema
      .createTable('two_factor')
      .addColumn('user_id', 'integer', c.keyedBy('users'))
      .addColumn('secret', 'varchar(64)', c.notNull)
      .addColumn('enabled_at', c.timestamp)
      .addColumn('last_step', 'integer')
      .addColumn('created_at', c.timestamp, c.notNull)
      .execute();
    await db.schema
      .createTable('two_factor_recovery_codes')
      .addColumn('id', 'integer', c.id)
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('code_hash', 'varchar(64)', c.notNull)
      .addColumn('used_at', c.timestamp)
      .execute();
    await createIndex(db, 'two_factor_recovery_codes_user_idx', 'two_factor_recovery_codes', ['user_id']);
    await db.schema
      .createTable('two_factor_challenges')
      .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('next', 'varchar(2000)', c.notNull)
      .addColumn('expires_at', c.timestamp, c.notNull)
      .execute();
  },
);
