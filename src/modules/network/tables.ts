// The network's tables: connections between two members (a request until the other accepts), the
// blocks a member sets, and the direct messages of two connected members, one conversation per
// pair. Every row belongs to the accounts it names: deleting an account deletes them (ON DELETE
// CASCADE), which is what "delete my account" promises. Merged into the platform's Database type.
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';
import type { ConnectionStatus } from './vocab.ts';

/**
 * A pair of members, stored once whoever asked: `user_low` < `user_high` (unique), so a request
 * from either side finds the same row. A declined or withdrawn request, or a removed connection,
 * is deleted: nothing remembers a "no".
 */
export interface NetworkConnectionsTable {
  id: Generated<number>;
  user_low: number;
  user_high: number;
  /** Who sent the request (one of the two). */
  requester_id: number;
  status: ConnectionStatus;
  /** The short note sent with the request (plain text). */
  message: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  accepted_at: Timestamp | null;
}

/** `blocker_id` no longer hears from `blocked_id`: no request, no message, hidden from their lists. */
export interface NetworkBlocksTable {
  blocker_id: number;
  blocked_id: number;
  created_at: Timestamp;
}

/** The messages of one pair of members (`user_low` < `user_high`), with how far each has read. */
export interface NetworkConversationsTable {
  id: Generated<number>;
  user_low: number;
  user_high: number;
  last_message_at: Timestamp | null;
  low_read_at: Timestamp | null;
  high_read_at: Timestamp | null;
  created_at: Timestamp;
}

export interface NetworkMessagesTable {
  id: Generated<number>;
  conversation_id: number;
  sender_id: number;
  /** Plain text, shown with its line breaks; never Markdown (nobody moderates it before it is read). */
  body: string;
  created_at: Timestamp;
}

declare module '../../db/schema.ts' {
  interface Database {
    network_connections: NetworkConnectionsTable;
    network_blocks: NetworkBlocksTable;
    network_conversations: NetworkConversationsTable;
    network_messages: NetworkMessagesTable;
  }
}
