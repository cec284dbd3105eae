// The tables of OpenID Connect sign-in (tables.ts).
import { createIndex, tablesMigration } from '../../../db/migration-builders.ts';

export const openidMigration = tablesMigration(['openid_identities', 'openid_logins'], async (db, c) => {
  await db.schema
    .createTable('openid_identities')
    .addColumn('id', 'integer', c.id)
    .addColumn('user_id', 'integer', c.belongsTo('users'))
    .addColumn('issuer', 'varchar(500)', c.notNull)
    .addColumn('subject', 'varchar(255)', c.notNull)
    .addColumn('email', 'varchar(254)')
    .addColumn('created_at', c.timestamp, c.notNull)
    .addColumn('last_used_at', c.timestamp, c.notNull)
    .addUniqueConstraint('openid_identities_issuer_subject_key', ['issuer', 'subject'])
    .execute();
  await createIndex(db, 'openid_identities_user_idx', 'openid_identities', ['user_id']);
  await db.schema
    .createTable('openid_logins')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('state_hash', 'varchar(64)', c.notNull)
    .addColumn('code_verifier', 'varchar(128)', c.notNull)
    .addColumn('nonce', 'varchar(128)', c.notNull)
    .addColumn('next', 'varchar(2000)', c.notNull)
    .addColumn('expires_at', c.timestamp, c.notNull)
    .execute();
});
