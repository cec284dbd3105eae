// Accounts, sessions, tokens, mail outbox, rate limits, audit log, settings.
import type { Kysely } from 'kysely';
import { columns } from '../dialect.ts';
import { createIndex, dropTables } from '../migration-builders.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const c = columns(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', c.id)
    .addColumn('email', 'varchar(254)', (col) => col.notNull().unique())
    .addColumn('name', 'varchar(100)', c.notNull)
    .addColumn('password_hash', 'text')
    .addColumn('role', 'varchar(20)', c.notNullDefault('member'))
    .addColumn('locale', 'varchar(20)')
    .addColumn('time_zone', 'varchar(64)')
    .addColumn('email_verified_at', c.timestamp)
    .addColumn('disabled_at', c.timestamp)
    .$call(c.timestamps)
    .execute();
  await createIndex(db, 'users_role_idx', 'users', 'role');

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', c.belongsTo('users'))
    .addColumn('csrf_token', 'varchar(64)', c.notNull)
    .addColumn('created_at', c.timestamp, c.notNull)
    .addColumn('last_seen_at', c.timestamp, c.notNull)
    .addColumn('expires_at', c.timestamp, c.notNull)
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(300)')
    .execute();
  await createIndex(db, 'sessions_user_idx', 'sessions', 'user_id');
  await createIndex(db, 'sessions_expires_idx', 'sessions', 'expires_at');

  await db.schema
    .createTable('user_tokens')
    .addColumn('token_hash', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', c.belongsTo('users'))
    .addColumn('purpose', 'varchar(30)', c.notNull)
    .addColumn('new_email', 'varchar(254)')
    .addColumn('created_at', c.timestamp, c.notNull)
    .addColumn('expires_at', c.timestamp, c.notNull)
    .addColumn('used_at', c.timestamp)
    .execute();
  await createIndex(db, 'user_tokens_user_idx', 'user_tokens', 'user_id');

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', c.id)
    .addColumn('user_id', 'integer', c.belongsTo('users'))
    .addColumn('name', 'varchar(100)', c.notNull)
    .addColumn('token_hash', 'varchar(64)', (col) => col.notNull().unique())
    .addColumn('prefix', 'varchar(20)', c.notNull)
    .addColumn('created_at', c.timestamp, c.notNull)
    .addColumn('last_used_at', c.timestamp)
    .addColumn('revoked_at', c.timestamp)
    .execute();
  await createIndex(db, 'api_tokens_user_idx', 'api_tokens', 'user_id');

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', c.id)
    .addColumn('to_address', 'varchar(254)', c.notNull)
    .addColumn('subject', 'varchar(300)', c.notNull)
    .addColumn('text_body', 'text', c.notNull)
    .addColumn('created_at', c.timestamp, c.notNull)
    .addColumn('send_after', c.timestamp, c.notNull)
    .addColumn('attempts', 'integer', c.notNullDefault(0))
    .addColumn('last_error', 'text')
    .addColumn('locked_by', 'varchar(64)')
    .addColumn('locked_until', c.timestamp)
    .addColumn('sent_at', c.timestamp)
    .execute();
  await createIndex(db, 'outbox_pending_idx', 'outbox', ['sent_at', 'send_after']);

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(300)', (col) => col.primaryKey())
    .addColumn('window_start', c.timestamp, c.notNull)
    .addColumn('hits', 'integer', c.notNull)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', c.id)
    .addColumn('at', c.timestamp, c.notNull)
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'varchar(100)', c.notNull)
    .addColumn('subject_type', 'varchar(50)')
    .addColumn('subject_id', 'varchar(100)')
    .addColumn('details', 'text')
    .addColumn('ip', 'varchar(64)')
    .addColumn('request_id', 'varchar(64)')
    .execute();
  await createIndex(db, 'audit_log_actor_idx', 'audit_log', 'actor_id');
  await createIndex(db, 'audit_log_subject_idx', 'audit_log', ['subject_type', 'subject_id']);
  await createIndex(db, 'audit_log_action_idx', 'audit_log', 'action');

  await db.schema
    .createTable('settings')
    .addColumn('key', 'varchar(100)', (col) => col.primaryKey())
    .addColumn('value', 'text', c.notNull)
    .addColumn('updated_at', c.timestamp, c.notNull)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTables(db, [
    'settings',
    'audit_log',
    'rate_limits',
    'outbox',
    'api_tokens',
    'user_tokens',
    'sessions',
    'users',
  ]);
}
