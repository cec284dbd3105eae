// The tables of following and notifications (tables.ts), dated after every table they refer to.
import { createIndex, tablesMigration } from '../../db/migration-builders.ts';

export const notificationsMigration = tablesMigration(
  ['follows', 'notifications', 'notification_preferences', 'notification_digests', 'unsubscribe_links'],
  async (db, c) => {
    await db.schema
      .createTable('follows')
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('target_type', 'varchar(20)', c.notNull)
      .addColumn('target_key', 'varchar(120)', c.notNull)
      .addColumn('created_at', c.timestamp, c.notNull)
      .addPrimaryKeyConstraint('follows_pk', ['user_id', 'target_type', 'target_key'])
      .execute();
    // "Who follows this organisation?", asked by every notification.
    await createIndex(db, 'follows_target_idx', 'follows', ['target_type', 'target_key']);

    await db.schema
      .createTable('notifications')
      .addColumn('id', 'integer', c.id)
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('kind', 'varchar(60)', c.notNull)
      .addColumn('subject_type', 'varchar(30)', c.notNull)
      .addColumn('subject_key', 'varchar(120)', c.notNull)
      .addColumn('url', 'varchar(500)', c.notNull)
      .addColumn('params', 'text', c.notNullDefault('{}'))
      .addColumn('scope', 'varchar(40)', c.notNullDefault('public'))
      .addColumn('actor_id', 'integer', c.refersTo('users'))
      .addColumn('delivery', 'varchar(10)', c.notNull)
      .addColumn('created_at', c.timestamp, c.notNull)
      .addColumn('read_at', c.timestamp)
      .addColumn('mailed_at', c.timestamp)
      .execute();
    // The inbox, newest first, and the header's unread count.
    await createIndex(db, 'notifications_inbox_idx', 'notifications', ['user_id', 'id']);
    await createIndex(db, 'notifications_unread_idx', 'notifications', ['user_id', 'read_at']);
    // What waits for mail (the delivery jobs), and "was this record announced already?".
    await createIndex(db, 'notifications_pending_idx', 'notifications', ['delivery', 'mailed_at', 'user_id']);
    await createIndex(db, 'notifications_subject_idx', 'notifications', [
      'subject_type',
      'subject_key',
      'kind',
    ]);

    await db.schema
      .createTable('notification_preferences')
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('kind', 'varchar(60)', c.notNull)
      .addColumn('delivery', 'varchar(10)', c.notNull)
      .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
      .execute();

    await db.schema
      .createTable('notification_digests')
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('period', 'varchar(10)', c.notNull)
      .addColumn('sent_at', c.timestamp, c.notNull)
      .addPrimaryKeyConstraint('notification_digests_pk', ['user_id', 'period'])
      .execute();

    await db.schema
      .createTable('unsubscribe_links')
      .addColumn('token_hash', 'varchar(64)', (col) => col.primaryKey())
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('what', 'varchar(80)', c.notNull)
      .addColumn('created_at', c.timestamp, c.notNull)
      .addColumn('used_at', c.timestamp)
      .execute();
    await createIndex(db, 'unsubscribe_links_created_idx', 'unsubscribe_links', 'created_at');
  },
);
