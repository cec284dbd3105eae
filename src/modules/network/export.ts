// What "download my data" holds of the network (/account/export.json, under "network"): the
// member's connections and requests, the members they blocked, and the messages of their
// conversations (both sides: a conversation is theirs too). Deleting the account deletes all of it
// (the tables' foreign keys cascade), and the other member's copy of the conversation with it.
import type { DB } from '../../db/index.ts';
import { blockedBy } from './listing.ts';

export async function networkAccountExport(db: DB, userId: number) {
  const mine = <T extends { user_low: number; user_high: number }>(r: T) =>
    r.user_low === userId ? r.user_high : r.user_low;
  const [connections, blocked, conversations] = await Promise.all([
    db
      .selectFrom('network_connections')
      .selectAll()
      .where((eb) => eb.or([eb('user_low', '=', userId), eb('user_high', '=', userId)]))
      .orderBy('id')
      .execute(),
    blockedBy(db, userId),
    db
      .selectFrom('network_conversations')
      .selectAll()
      .where((eb) => eb.or([eb('user_low', '=', userId), eb('user_high', '=', userId)]))
      .orderBy('id')
      .execute(),
  ]);
  const ids = conversations.map((c) => c.id);
  const messages = ids.length
    ? await db
        .selectFrom('network_messages')
        .select(['id', 'conversation_id', 'sender_id', 'body', 'created_at'])
        .where('conversation_id', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  return {
    connections: connections.map((c) => ({
      member: mine(c),
      status: c.status,
      requestedByMe: c.requester_id === userId,
      message: c.message,
      createdAt: c.created_at,
      acceptedAt: c.accepted_at,
    })),
    blocked: blocked.map((member) => ({ member })),
    conversations: conversations.map((c) => ({
      with: mine(c),
      messages: messages
        .filter((m) => m.conversation_id === c.id)
        .map((m) => ({ fromMe: m.sender_id === userId, body: m.body, sentAt: m.created_at })),
    })),
  };
}
