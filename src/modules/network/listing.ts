// The lists of the network, each a member's own: their connections and requests ("My network"),
// their conversations with the unread ones marked, and one conversation a page at a time. Members
// the reader blocked are left out of every list (the blocker's side hides them).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Conversation } from './access.ts';
import { MESSAGES_PAGE } from './vocab.ts';

type Db = Kysely<Database>;

export interface NetworkMember {
  id: number;
  name: string;
  personSlug: string | null;
}

export interface NetworkRow {
  /** The connection's (or request's) id. */
  id: number;
  member: NetworkMember;
  message: string;
  since: string;
  /** Their conversation, when they have written. */
  conversationId: number | null;
}

export interface MyNetwork {
  connections: NetworkRow[];
  /** Requests the reader was sent and may answer. */
  incoming: NetworkRow[];
  /** Requests the reader sent, not yet answered. */
  outgoing: NetworkRow[];
  blocked: NetworkMember[];
}

/** The other member of each of `userId`'s rows of `table` (pairs), as a column. */
const otherColumn = (userId: number) =>
  sql<number>`case when user_low = ${userId} then user_high else user_low end`;

/** Names and profiles of `ids` (active accounts only). */
async function membersById(db: Db, ids: number[]): Promise<Map<number, NetworkMember>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .leftJoin('people', (join) =>
      join.onRef('people.user_id', '=', 'users.id').on('people.status', '=', 'published'),
    )
    .select(['users.id', 'users.name', 'people.slug as personSlug'])
    .where('users.id', 'in', ids)
    .where('users.disabled_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, personSlug: r.personSlug }]));
}

export async function blockedBy(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('network_blocks')
    .select('blocked_id')
    .where('blocker_id', '=', userId)
    .execute();
  return rows.map((r) => r.blocked_id);
}

export async function myNetwork(db: Db, userId: number): Promise<MyNetwork> {
  const [rows, conversations, blockedIds] = await Promise.all([
    db
      .selectFrom('network_connections')
      .select(['id', 'requester_id', 'status', 'message', 'created_at', 'accepted_at'])
      .select(otherColumn(userId).as('other'))
      .where((eb) => eb.or([eb('user_low', '=', userId), eb('user_high', '=', userId)]))
      .orderBy('updated_at', 'desc')
      .execute(),
    db
      .selectFrom('network_conversations')
      .select('id')
      .select(otherColumn(userId).as('other'))
      .where((eb) => eb.or([eb('user_low', '=', userId), eb('user_high', '=', userId)]))
      .execute(),
    blockedBy(db, userId),
  ]);
  const members = await membersById(db, [...rows.map((r) => r.other), ...blockedIds]);
  const conversationWith = new Map(conversations.map((c) => [c.other, c.id]));
  const hidden = new Set(blockedIds);
  const out: MyNetwork = { connections: [], incoming: [], outgoing: [], blocked: [] };
  for (const r of rows) {
    const member = members.get(r.other);
    if (!member || hidden.has(r.other)) continue;
    const row: NetworkRow = {
      id: r.id,
      member,
      message: r.message,
      since: r.accepted_at ?? r.created_at,
      conversationId: conversationWith.get(r.other) ?? null,
    };
    if (r.status === 'accepted') out.connections.push(row);
    else if (r.requester_id === userId) out.outgoing.push(row);
    else out.incoming.push(row);
  }
  out.connections.sort((a, b) => a.member.name.localeCompare(b.member.name));
  out.blocked = blockedIds.flatMap((id) => members.get(id) ?? []);
  return out;
}

export interface ConversationCard {
  id: number;
  member: NetworkMember;
  lastMessageAt: string | null;
  unread: boolean;
}

/** The reader's conversations, the latest first; unread: the other wrote since the reader last read. */
export async function conversationsOf(db: Db, userId: number): Promise<ConversationCard[]> {
  const [rows, blockedIds] = await Promise.all([
    db
      .selectFrom('network_conversations')
      .selectAll()
      .select(otherColumn(userId).as('other'))
      .where((eb) => eb.or([eb('user_low', '=', userId), eb('user_high', '=', userId)]))
      .where('last_message_at', 'is not', null)
      .orderBy('last_message_at', 'desc')
      .limit(500)
      .execute(),
    blockedBy(db, userId),
  ]);
  const hidden = new Set(blockedIds);
  const members = await membersById(
    db,
    rows.map((r) => r.other),
  );
  return rows.flatMap((r) => {
    const member = members.get(r.other);
    if (!member || hidden.has(r.other)) return [];
    const readAt = r.user_low === userId ? r.low_read_at : r.high_read_at;
    return [
      { id: r.id, member, lastMessageAt: r.last_message_at, unread: isUnread(r.last_message_at, readAt) },
    ];
  });
}

const isUnread = (last: string | null, readAt: string | null) => !!last && (!readAt || readAt < last);

export async function unreadConversations(db: Db, userId: number): Promise<number> {
  return (await conversationsOf(db, userId)).filter((c) => c.unread).length;
}

export interface MessageRow {
  id: number;
  senderId: number;
  body: string;
  createdAt: string;
  /** Sent by the other member after the reader last read: the first of these gets the marker. */
  unread: boolean;
}

/**
 * One page of a conversation: the newest MESSAGES_PAGE messages before `before` (a message id;
 * none: the newest), oldest first so the newest is at the bottom; `older` continues back.
 */
export async function messagesOf(
  db: Db,
  conversation: Conversation,
  readerId: number,
  before?: number,
): Promise<{ messages: MessageRow[]; older: number | null }> {
  let query = db
    .selectFrom('network_messages')
    .select(['id', 'sender_id', 'body', 'created_at'])
    .where('conversation_id', '=', conversation.id);
  if (before) query = query.where('id', '<', before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(MESSAGES_PAGE + 1)
    .execute();
  const more = rows.length > MESSAGES_PAGE;
  const page = rows.slice(0, MESSAGES_PAGE).reverse();
  const readAt = conversation.user_low === readerId ? conversation.low_read_at : conversation.high_read_at;
  return {
    messages: page.map((r) => ({
      id: r.id,
      senderId: r.sender_id,
      body: r.body,
      createdAt: r.created_at,
      unread: r.sender_id !== readerId && (!readAt || readAt < r.created_at),
    })),
    older: more ? (page[0]?.id ?? null) : null,
  };
}

/** One message, with its conversation's two members (for a report). */
export function messageWithPair(db: Db, id: number) {
  return db
    .selectFrom('network_messages as m')
    .innerJoin('network_conversations as c', 'c.id', 'm.conversation_id')
    .innerJoin('users as u', 'u.id', 'm.sender_id')
    .select([
      'm.id',
      'm.body',
      'm.sender_id',
      'm.conversation_id',
      'm.created_at',
      'c.user_low',
      'c.user_high',
      'u.name as senderName',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}
