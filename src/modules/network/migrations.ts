// Tables of the network module (tables.ts). Dated after every migration that existed when they were
// added (Kysely refuses a new migration that sorts before ones a database has already run).
import type { Migration } from 'kysely';
import { createIndex, tablesMigration } from '../../db/migration-builders.ts';

const networkTables = tablesMigration(
  ['network_connections', 'network_blocks', 'network_conversations', 'network_messages'],
  async (db, c) => {
    await db.schema
      .createTable('network_connections')
      .addColumn('id', 'integer', c.id)
      .addColumn('user_low', 'integer', c.belongsTo('users'))
      .addColumn('user_high', 'integer', c.belongsTo('users'))
      .addColumn('requester_id', 'integer', c.belongsTo('users'))
      .addColumn('status', 'varchar(10)', c.notNull)
      .addColumn('message', 'text', c.notNullDefault(''))
      .$call(c.timestamps)
      .addColumn('accepted_at', c.timestamp)
      .addUniqueConstraint('network_connections_pair_key', ['user_low', 'user_high'])
      .execute();
    // "My network" reads a member's rows from the other side too.
    await createIndex(db, 'network_connections_high_idx', 'network_connections', ['user_high', 'status']);

    await db.schema
      .createTable('network_blocks')
      .addColumn('blocker_id', 'integer', c.belongsTo('users'))
      .addColumn('blocked_id', 'integer', c.belongsTo('users'))
      .addColumn('created_at', c.timestamp, c.notNull)
      .addPrimaryKeyConstraint('network_blocks_pk', ['blocker_id', 'blocked_id'])
      .execute();
    await createIndex(db, 'network_blocks_blocked_idx', 'network_blocks', 'blocked_id');

    await db.schema
      .createTable('network_conversations')
      .addColumn('id', 'integer', c.id)
      .addColumn('user_low', 'integer', c.belongsTo('users'))
      .addColumn('user_high', 'integer', c.belongsTo('users'))
      .addColumn('last_message_at', c.timestamp)
      .addColumn('low_read_at', c.timestamp)
      .addColumn('high_read_at', c.timestamp)
      .addColumn('created_at', c.timestamp, c.notNull)
      .addUniqueConstraint('network_conversations_pair_key', ['user_low', 'user_high'])
      .execute();
    await createIndex(db, 'network_conversations_high_idx', 'network_conversations', 'user_high');

    await db.schema
      .createTable('network_messages')
      .addColumn('id', 'integer', c.id)
      .addColumn('conversation_id', 'integer', c.belongsTo('network_conversations'))
      .addColumn('sender_id', 'integer', c.belongsTo('users'))
      .addColumn('body', 'text', c.notNull)
      .addColumn('created_at', c.timestamp, c.notNull)
      .execute();
    // A conversation is read a page at a time, by id.
    await createIndex(db, 'network_messages_conversation_idx', 'network_messages', ['conversation_id', 'id']);
    await createIndex(db, 'network_messages_sender_idx', 'network_messages', 'sender_id');
  },
);

export const networkMigrations: Record<string, Migration> = {
  '2026_12_24_0101_network_tables': networkTables,
};
